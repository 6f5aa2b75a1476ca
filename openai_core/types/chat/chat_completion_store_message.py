from typing import Literal, TypeAlias

from .chat_completion_content_part_image import ChatCompletionContentPartImage
from .chat_completion_content_part_text import ChatCompletionContentPartText
from .chat_completion_message import ChatCompletionMessage

__all__ = ["ChatCompletionStoreMessage", "ChatCompletionStoreMessageContentPart"]

ChatCompletionStoreMessageContentPart: TypeAlias = ChatCompletionContentPartText | ChatCompletionContentPartImage


class ChatCompletionStoreMessage(ChatCompletionMessage):
    """A message of a stored chat completion (``chat.completions.messages.list``): the request's
    messages, each with an ``id``; ``content_parts`` holds the parts when the content was a list."""

    id: str
    # The stored messages are the request's (user, system, developer, ...), not only the assistant's.
    role: Literal["assistant", "user", "system", "developer", "tool", "function"]  # type: ignore[assignment]
    content_parts: list[ChatCompletionStoreMessageContentPart] | None = None
