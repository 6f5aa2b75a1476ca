from ..._models import BaseModel

__all__ = ["RealtimeError"]


class RealtimeError(BaseModel):
    """What went wrong: ``event_id`` names the client event that caused it, when one did."""

    message: str
    type: str
    code: str | None = None
    event_id: str | None = None
    param: str | None = None
