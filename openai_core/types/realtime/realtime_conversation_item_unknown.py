from ..._models import BaseModel

__all__ = ["RealtimeConversationItemUnknown"]


class RealtimeConversationItemUnknown(BaseModel):
    """A conversation item of a type this package does not model (yet): every field is kept as sent.

    Not part of the static ``ConversationItem`` union (so ``if item.type == ...`` keeps narrowing) and
    not in the official SDK; code that must see every item can test for it with ``isinstance``."""

    type: str
    id: str | None = None
