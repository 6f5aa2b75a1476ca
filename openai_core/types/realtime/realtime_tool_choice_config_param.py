from typing import Literal, TypeAlias

from ..responses.tool_choice_function_param import ToolChoiceFunctionParam
from ..responses.tool_choice_mcp_param import ToolChoiceMcpParam

__all__ = ["RealtimeToolChoiceConfigParam"]

RealtimeToolChoiceConfigParam: TypeAlias = Literal["none", "auto", "required"] | ToolChoiceFunctionParam | ToolChoiceMcpParam
