from typing import TypeAlias

__all__ = ["ChatModel"]

# Any model name: OpenAI's list changes often and compatible servers serve their own names.
ChatModel: TypeAlias = str
