from ..._models import BaseModel

__all__ = ["ResponseUnknownEvent"]


class ResponseUnknownEvent(BaseModel):
    """A stream event of a type this package does not model (yet): every field is kept as sent.

    Not part of the static ``ResponseStreamEvent`` union (so ``if event.type == ...`` keeps narrowing);
    code that must see every event can test ``isinstance(event, ResponseUnknownEvent)``."""

    type: str
    sequence_number: int | None = None
