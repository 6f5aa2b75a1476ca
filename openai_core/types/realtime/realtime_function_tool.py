from typing import Literal

from ..._models import BaseModel

__all__ = ["RealtimeFunctionTool"]


class RealtimeFunctionTool(BaseModel):
    description: str | None = None
    name: str | None = None
    parameters: object | None = None
    type: Literal["function"] | None = None
