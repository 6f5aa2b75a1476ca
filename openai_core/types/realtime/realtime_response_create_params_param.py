from collections.abc import Iterable
from typing import Literal, TypeAlias, TypedDict

from ..responses.response_prompt_param import ResponsePromptParam
from ..responses.tool_choice_function_param import ToolChoiceFunctionParam
from ..responses.tool_choice_mcp_param import ToolChoiceMcpParam
from .conversation_item_param import ConversationItemParam
from .realtime_function_tool_param import RealtimeFunctionToolParam
from .realtime_reasoning_param import RealtimeReasoningParam
from .realtime_response_create_audio_output_param import RealtimeResponseCreateAudioOutputParam
from .realtime_response_create_mcp_tool_param import RealtimeResponseCreateMcpToolParam

__all__ = ["RealtimeResponseCreateParamsParam", "Tool", "ToolChoice"]

ToolChoice: TypeAlias = Literal["none", "auto", "required"] | ToolChoiceFunctionParam | ToolChoiceMcpParam
Tool: TypeAlias = RealtimeFunctionToolParam | RealtimeResponseCreateMcpToolParam


class RealtimeResponseCreateParamsParam(TypedDict, total=False):
    audio: RealtimeResponseCreateAudioOutputParam
    conversation: str | Literal["auto", "none"]
    input: Iterable[ConversationItemParam]
    instructions: str
    max_output_tokens: int | Literal["inf"]
    metadata: dict[str, str] | None
    output_modalities: list[Literal["text", "audio"]]
    parallel_tool_calls: bool
    prompt: ResponsePromptParam | None
    reasoning: RealtimeReasoningParam
    tool_choice: ToolChoice
    tools: Iterable[Tool]
