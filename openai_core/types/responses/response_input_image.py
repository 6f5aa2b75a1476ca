from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseInputImage"]


class ResponseInputImage(BaseModel):
    detail: Literal["low", "high", "auto", "original"]
    type: Literal["input_image"]
    file_id: str | None = None
    image_url: str | None = None
