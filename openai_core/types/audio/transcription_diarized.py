from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .transcription_diarized_segment import TranscriptionDiarizedSegment

__all__ = ["TranscriptionDiarized", "Usage", "UsageDuration", "UsageTokens", "UsageTokensInputTokenDetails"]


class UsageTokensInputTokenDetails(BaseModel):
    audio_tokens: int | None = None
    text_tokens: int | None = None


class UsageTokens(BaseModel):
    input_tokens: int
    output_tokens: int
    total_tokens: int
    type: Literal["tokens"]
    input_token_details: UsageTokensInputTokenDetails | None = None


class UsageDuration(BaseModel):
    seconds: float
    type: Literal["duration"]


Usage: TypeAlias = Annotated[UsageTokens | UsageDuration, Field(discriminator="type")]


class TranscriptionDiarized(BaseModel):
    """A transcription with speakers (the `diarized_json` response format)."""

    duration: float
    segments: list[TranscriptionDiarizedSegment]
    task: Literal["transcribe"]
    text: str
    usage: Usage | None = None
