from typing import Literal, TypeAlias

from ..responses.tool_choice_function import ToolChoiceFunction
from ..responses.tool_choice_mcp import ToolChoiceMcp

__all__ = ["RealtimeToolChoiceConfig"]

RealtimeToolChoiceConfig: TypeAlias = Literal["none", "auto", "required"] | ToolChoiceFunction | ToolChoiceMcp
