from typing import Literal

from ..._models import BaseModel
from .response_format_text_config import ResponseFormatTextConfig

__all__ = ["ResponseTextConfig"]


class ResponseTextConfig(BaseModel):
    format: ResponseFormatTextConfig | None = None
    verbosity: Literal["low", "medium", "high"] | None = None
