from typing import Literal, Required, TypedDict

__all__ = ["OutputAudioBufferClearEventParam"]


class OutputAudioBufferClearEventParam(TypedDict, total=False):
    type: Required[Literal["output_audio_buffer.clear"]]
    event_id: str
