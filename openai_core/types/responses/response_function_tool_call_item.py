from typing import Literal

from .response_function_tool_call import ResponseFunctionToolCall

__all__ = ["ResponseFunctionToolCallItem"]


class ResponseFunctionToolCallItem(ResponseFunctionToolCall):
    """A function call as listed among a response's items (its ``id`` and ``status`` always set)."""

    id: str
    status: Literal["in_progress", "completed", "incomplete"]
    created_by: str | None = None
