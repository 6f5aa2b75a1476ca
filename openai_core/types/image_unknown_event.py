from .._models import BaseModel

__all__ = ["ImageUnknownEvent"]


class ImageUnknownEvent(BaseModel):
    """A streamed-image event of a type this package does not model (yet), every field kept as sent.
    Not part of the static stream-event unions, so ``event.type`` checks narrow."""

    type: str
