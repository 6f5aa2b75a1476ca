from typing import Literal

from ..._models import BaseModel
from .response_input_content import ResponseInputMessageContentList

__all__ = ["ResponseInputMessageItem"]


class ResponseInputMessageItem(BaseModel):
    id: str
    content: ResponseInputMessageContentList
    role: Literal["user", "system", "developer"]
    type: Literal["message"]
    status: Literal["in_progress", "completed", "incomplete"] | None = None
