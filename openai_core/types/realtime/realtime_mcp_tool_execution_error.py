from typing import Literal

from ..._models import BaseModel

__all__ = ["RealtimeMcpToolExecutionError"]


class RealtimeMcpToolExecutionError(BaseModel):
    message: str
    type: Literal["tool_execution_error"]
