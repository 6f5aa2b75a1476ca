from typing import Literal

from ..._models import BaseModel
from .response_input_content import ResponseInputMessageContentList

__all__ = ["EasyInputMessage"]


class EasyInputMessage(BaseModel):
    content: str | ResponseInputMessageContentList
    role: Literal["user", "assistant", "system", "developer"]
    phase: Literal["commentary", "final_answer"] | None = None
    type: Literal["message"] | None = None
