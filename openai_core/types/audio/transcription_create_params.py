from collections.abc import Sequence
from typing import Literal, Required, TypeAlias, TypedDict

from ..._files import FileTypes
from ..audio_model import AudioModel
from ..audio_response_format import AudioResponseFormat
from .transcription_include import TranscriptionInclude

__all__ = [
    "ChunkingStrategy",
    "ChunkingStrategyVadConfig",
    "TranscriptionCreateParams",
    "TranscriptionCreateParamsBase",
    "TranscriptionCreateParamsNonStreaming",
    "TranscriptionCreateParamsStreaming",
    "TranscriptionFields",
]


class ChunkingStrategyVadConfig(TypedDict, total=False):
    type: Required[Literal["server_vad"]]
    prefix_padding_ms: int
    silence_duration_ms: int
    threshold: float


ChunkingStrategy: TypeAlias = Literal["auto"] | ChunkingStrategyVadConfig


class TranscriptionFields(TypedDict, total=False):
    """Every parameter but ``response_format`` (which decides the result's type)."""

    file: Required[FileTypes]
    model: Required[str | AudioModel]
    chunking_strategy: ChunkingStrategy | None
    include: list[TranscriptionInclude]
    keywords: Sequence[str]
    known_speaker_names: Sequence[str]
    known_speaker_references: Sequence[str]
    language: str
    languages: Sequence[str]
    prompt: str
    temperature: float
    timestamp_granularities: list[Literal["word", "segment"]]


class TranscriptionCreateParamsBase(TranscriptionFields, total=False):
    response_format: AudioResponseFormat


class TranscriptionCreateParamsNonStreaming(TranscriptionCreateParamsBase, total=False):
    stream: Literal[False] | None


class TranscriptionCreateParamsStreaming(TranscriptionCreateParamsBase):
    """``stream=True``: the transcript arrives as server-sent events (not for ``whisper-1``)."""

    stream: Required[Literal[True]]


TranscriptionCreateParams: TypeAlias = TranscriptionCreateParamsNonStreaming | TranscriptionCreateParamsStreaming
