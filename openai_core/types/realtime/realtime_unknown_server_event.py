from ..._models import BaseModel

__all__ = ["RealtimeUnknownServerEvent"]


class RealtimeUnknownServerEvent(BaseModel):
    """A server event of a type this package does not model (yet): every field is kept as sent.

    Not part of the static ``RealtimeServerEvent`` union (so ``if event.type == ...`` keeps narrowing)
    and not in the official SDK; code that must see every event can test for it with ``isinstance``."""

    type: str
    event_id: str | None = None
