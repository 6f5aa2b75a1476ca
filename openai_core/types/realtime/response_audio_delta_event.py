from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseAudioDeltaEvent"]


class ResponseAudioDeltaEvent(BaseModel):
    """A chunk of the response's audio: ``delta`` is base64 of PCM (or G.711) bytes."""

    content_index: int
    delta: str
    event_id: str
    item_id: str
    output_index: int
    response_id: str
    type: Literal["response.output_audio.delta"]
