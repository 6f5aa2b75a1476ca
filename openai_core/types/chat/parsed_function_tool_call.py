from .chat_completion_message_function_tool_call import ChatCompletionMessageFunctionToolCall, Function

__all__ = ["ParsedFunction", "ParsedFunctionToolCall"]


class ParsedFunction(Function):
    parsed_arguments: object | None = None
    """The arguments parsed: an instance of the model given to ``pydantic_function_tool()``, the decoded
    JSON for another ``strict`` function tool, else None."""


class ParsedFunctionToolCall(ChatCompletionMessageFunctionToolCall):
    function: ParsedFunction


