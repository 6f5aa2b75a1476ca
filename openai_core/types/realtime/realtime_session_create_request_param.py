from typing import Literal, Required, TypedDict

from ..responses.response_prompt_param import ResponsePromptParam
from .realtime_audio_config_param import RealtimeAudioConfigParam
from .realtime_reasoning_param import RealtimeReasoningParam
from .realtime_session_create_request import RealtimeModel
from .realtime_tool_choice_config_param import RealtimeToolChoiceConfigParam
from .realtime_tools_config_param import RealtimeToolsConfigParam
from .realtime_tracing_config_param import RealtimeTracingConfigParam
from .realtime_truncation_param import RealtimeTruncationParam

__all__ = ["RealtimeSessionCreateRequestParam"]


class RealtimeSessionCreateRequestParam(TypedDict, total=False):
    type: Required[Literal["realtime"]]
    audio: RealtimeAudioConfigParam
    include: list[Literal["item.input_audio_transcription.logprobs"]]
    instructions: str
    max_output_tokens: int | Literal["inf"]
    model: str | RealtimeModel
    output_modalities: list[Literal["text", "audio"]]
    parallel_tool_calls: bool
    prompt: ResponsePromptParam | None
    reasoning: RealtimeReasoningParam
    tool_choice: RealtimeToolChoiceConfigParam
    tools: RealtimeToolsConfigParam
    tracing: RealtimeTracingConfigParam | None
    truncation: RealtimeTruncationParam
