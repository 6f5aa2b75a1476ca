from typing import Literal, Required, TypeAlias, TypedDict

from .speech_model import SpeechModel

__all__ = ["SpeechCreateParams", "Voice", "VoiceID"]


class VoiceID(TypedDict, total=False):
    id: Required[str]


# A built-in voice's name, or a custom voice by id.
Voice: TypeAlias = (
    str
    | Literal["alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar", "fable",
              "onyx", "nova"]
    | VoiceID
)


class SpeechCreateParams(TypedDict, total=False):
    input: Required[str]
    model: Required[str | SpeechModel]
    voice: Required[Voice]
    instructions: str
    response_format: Literal["mp3", "opus", "aac", "flac", "wav", "pcm"]
    speed: float
    stream_format: Literal["sse", "audio"]
