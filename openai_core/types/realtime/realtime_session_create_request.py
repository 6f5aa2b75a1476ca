from typing import Literal

from ..._models import BaseModel
from ..responses.response_prompt import ResponsePrompt
from .realtime_audio_config import RealtimeAudioConfig
from .realtime_reasoning import RealtimeReasoning
from .realtime_tool_choice_config import RealtimeToolChoiceConfig
from .realtime_tools_config import RealtimeToolsConfig
from .realtime_tracing_config import RealtimeTracingConfig
from .realtime_truncation import RealtimeTruncation

__all__ = ["RealtimeSessionCreateRequest"]

RealtimeModel = Literal[
    "gpt-realtime",
    "gpt-realtime-1.5",
    "gpt-realtime-2",
    "gpt-realtime-2.1",
    "gpt-realtime-2.1-mini",
    "gpt-realtime-2025-08-28",
    "gpt-4o-realtime-preview",
    "gpt-4o-realtime-preview-2024-10-01",
    "gpt-4o-realtime-preview-2024-12-17",
    "gpt-4o-realtime-preview-2025-06-03",
    "gpt-4o-mini-realtime-preview",
    "gpt-4o-mini-realtime-preview-2024-12-17",
    "gpt-realtime-mini",
    "gpt-realtime-mini-2025-10-06",
    "gpt-realtime-mini-2025-12-15",
    "gpt-audio-1.5",
    "gpt-audio-mini",
    "gpt-audio-mini-2025-10-06",
    "gpt-audio-mini-2025-12-15",
]


class RealtimeSessionCreateRequest(BaseModel):
    """A realtime (speech-to-speech) session's configuration, as sent and as the server reports it."""

    type: Literal["realtime"]
    audio: RealtimeAudioConfig | None = None
    include: list[Literal["item.input_audio_transcription.logprobs"]] | None = None
    instructions: str | None = None
    max_output_tokens: int | Literal["inf"] | None = None
    model: str | RealtimeModel | None = None
    output_modalities: list[Literal["text", "audio"]] | None = None
    parallel_tool_calls: bool | None = None
    prompt: ResponsePrompt | None = None
    reasoning: RealtimeReasoning | None = None
    tool_choice: RealtimeToolChoiceConfig | None = None
    tools: RealtimeToolsConfig | None = None
    tracing: RealtimeTracingConfig = None
    truncation: RealtimeTruncation | None = None
