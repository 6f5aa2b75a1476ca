from typing import Literal

from ..._models import BaseModel

__all__ = ["ToolChoiceApplyPatch"]


class ToolChoiceApplyPatch(BaseModel):
    type: Literal["apply_patch"]
