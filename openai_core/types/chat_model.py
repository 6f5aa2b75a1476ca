from .shared.chat_model import ChatModel as ChatModel

__all__ = ["ChatModel"]
