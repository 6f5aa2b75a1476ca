from typing import TypeAlias

from .chat_completion_function_tool_param import ChatCompletionFunctionToolParam

__all__ = ["ChatCompletionToolParam"]

# The function tool under its historical name.
ChatCompletionToolParam: TypeAlias = ChatCompletionFunctionToolParam
