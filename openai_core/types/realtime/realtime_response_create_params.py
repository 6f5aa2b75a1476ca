from typing import Literal, TypeAlias

from ..._models import BaseModel
from ..responses.response_prompt import ResponsePrompt
from ..responses.tool_choice_function import ToolChoiceFunction
from ..responses.tool_choice_mcp import ToolChoiceMcp
from .conversation_item import ConversationItem
from .realtime_function_tool import RealtimeFunctionTool
from .realtime_reasoning import RealtimeReasoning
from .realtime_response_create_audio_output import RealtimeResponseCreateAudioOutput
from .realtime_response_create_mcp_tool import RealtimeResponseCreateMcpTool

__all__ = ["RealtimeResponseCreateParams", "Tool", "ToolChoice"]

ToolChoice: TypeAlias = Literal["none", "auto", "required"] | ToolChoiceFunction | ToolChoiceMcp
Tool: TypeAlias = RealtimeFunctionTool | RealtimeResponseCreateMcpTool


class RealtimeResponseCreateParams(BaseModel):
    """How one response is made, overriding the session's configuration for it alone."""

    audio: RealtimeResponseCreateAudioOutput | None = None
    conversation: str | Literal["auto", "none"] | None = None
    input: list[ConversationItem] | None = None
    instructions: str | None = None
    max_output_tokens: int | Literal["inf"] | None = None
    metadata: dict[str, str] | None = None
    output_modalities: list[Literal["text", "audio"]] | None = None
    parallel_tool_calls: bool | None = None
    prompt: ResponsePrompt | None = None
    reasoning: RealtimeReasoning | None = None
    tool_choice: ToolChoice | None = None
    tools: list[Tool] | None = None
