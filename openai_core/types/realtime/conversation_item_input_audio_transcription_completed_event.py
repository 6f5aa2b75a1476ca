from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from ..audio.transcription_language import TranscriptionLanguage
from .log_prob_properties import LogProbProperties

__all__ = [
    "ConversationItemInputAudioTranscriptionCompletedEvent",
    "Usage",
    "UsageTranscriptTextUsageDuration",
    "UsageTranscriptTextUsageTokens",
    "UsageTranscriptTextUsageTokensInputTokenDetails",
]


class UsageTranscriptTextUsageTokensInputTokenDetails(BaseModel):
    audio_tokens: int | None = None
    text_tokens: int | None = None


class UsageTranscriptTextUsageTokens(BaseModel):
    input_tokens: int
    output_tokens: int
    total_tokens: int
    type: Literal["tokens"]
    input_token_details: UsageTranscriptTextUsageTokensInputTokenDetails | None = None


class UsageTranscriptTextUsageDuration(BaseModel):
    seconds: float
    type: Literal["duration"]


Usage: TypeAlias = Annotated[UsageTranscriptTextUsageTokens | UsageTranscriptTextUsageDuration, Field(discriminator="type")]


class ConversationItemInputAudioTranscriptionCompletedEvent(BaseModel):
    content_index: int
    event_id: str
    item_id: str
    transcript: str
    type: Literal["conversation.item.input_audio_transcription.completed"]
    usage: Usage
    languages: list[TranscriptionLanguage] | None = None
    logprobs: list[LogProbProperties] | None = None
