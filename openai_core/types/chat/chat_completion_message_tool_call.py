from typing import Annotated, TypeAlias

from pydantic import Field

from .chat_completion_message_custom_tool_call import ChatCompletionMessageCustomToolCall
from .chat_completion_message_function_tool_call import ChatCompletionMessageFunctionToolCall
from .chat_completion_message_function_tool_call import Function as Function

__all__ = ["ChatCompletionMessageToolCall", "ChatCompletionMessageToolCallUnion", "Function"]

ChatCompletionMessageToolCallUnion: TypeAlias = Annotated[
    ChatCompletionMessageFunctionToolCall | ChatCompletionMessageCustomToolCall,
    Field(discriminator="type"),
]

# The function tool call under its historical name.
ChatCompletionMessageToolCall: TypeAlias = ChatCompletionMessageFunctionToolCall
