from ..._models import BaseModel

__all__ = ["TranscriptionUnknownEvent"]


class TranscriptionUnknownEvent(BaseModel):
    """A streamed-transcription event of a type this package does not model (yet), every field kept as
    sent. Not part of the static ``TranscriptionStreamEvent`` union, so ``event.type`` checks narrow."""

    type: str
