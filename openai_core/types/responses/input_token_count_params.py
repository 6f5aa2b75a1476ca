from collections.abc import Iterable
from typing import Literal, TypedDict

from ..shared_params.reasoning import Reasoning
from .response_create_params import Conversation, ToolChoice
from .response_input_param import ResponseInputParam
from .response_text_config_param import ResponseTextConfigParam
from .tool_param import ToolParam

__all__ = ["InputTokenCountParams"]


class InputTokenCountParams(TypedDict, total=False):
    """What ``responses.create`` would be sent, for counting its input tokens without running it."""

    conversation: Conversation | None
    input: str | ResponseInputParam | None
    instructions: str | None
    model: str | None
    parallel_tool_calls: bool | None
    personality: str
    previous_response_id: str | None
    reasoning: Reasoning | None
    text: ResponseTextConfigParam | None
    tool_choice: ToolChoice | None
    tools: Iterable[ToolParam] | None
    truncation: Literal["auto", "disabled"]
