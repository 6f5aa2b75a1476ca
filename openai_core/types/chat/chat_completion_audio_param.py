from typing import Literal, Required, TypeAlias, TypedDict

__all__ = ["ChatCompletionAudioParam", "Voice", "VoiceID"]


class VoiceID(TypedDict, total=False):
    id: Required[str]


Voice: TypeAlias = (
    Literal["alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar"]
    | str
    | VoiceID
)


class ChatCompletionAudioParam(TypedDict, total=False):
    format: Required[Literal["wav", "aac", "mp3", "flac", "opus", "pcm16"]]
    voice: Required[Voice]
