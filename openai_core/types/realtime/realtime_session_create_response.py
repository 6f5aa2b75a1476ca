from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from ..responses.response_prompt import ResponsePrompt
from ..responses.tool_choice_function import ToolChoiceFunction
from ..responses.tool_choice_mcp import ToolChoiceMcp
from .audio_transcription import AudioTranscription
from .realtime_audio_config_output import VoiceName
from .realtime_audio_formats import RealtimeAudioFormats
from .realtime_function_tool import RealtimeFunctionTool
from .realtime_reasoning import RealtimeReasoning
from .realtime_session_create_request import RealtimeModel
from .realtime_tools_config_union import ConnectorId
from .realtime_truncation import RealtimeTruncation

__all__ = [
    "Audio",
    "AudioInput",
    "AudioInputNoiseReduction",
    "AudioInputTurnDetection",
    "AudioInputTurnDetectionSemanticVad",
    "AudioInputTurnDetectionServerVad",
    "AudioOutput",
    "RealtimeSessionCreateResponse",
    "Tool",
    "ToolChoice",
    "ToolMcpTool",
    "ToolMcpToolAllowedTools",
    "ToolMcpToolAllowedToolsMcpToolFilter",
    "ToolMcpToolRequireApproval",
    "ToolMcpToolRequireApprovalMcpToolApprovalFilter",
    "ToolMcpToolRequireApprovalMcpToolApprovalFilterAlways",
    "ToolMcpToolRequireApprovalMcpToolApprovalFilterNever",
    "Tracing",
    "TracingTracingConfiguration",
]


class AudioInputNoiseReduction(BaseModel):
    strength: float | None = None
    type: Literal["near_field", "far_field"] | None = None


class AudioInputTurnDetectionServerVad(BaseModel):
    type: Literal["server_vad"]
    create_response: bool | None = None
    idle_timeout_ms: int | None = None
    interrupt_response: bool | None = None
    prefix_padding_ms: int | None = None
    silence_duration_ms: int | None = None
    threshold: float | None = None


class AudioInputTurnDetectionSemanticVad(BaseModel):
    type: Literal["semantic_vad"]
    create_response: bool | None = None
    eagerness: Literal["low", "medium", "high", "auto"] | None = None
    interrupt_response: bool | None = None


AudioInputTurnDetection: TypeAlias = (
    Annotated[AudioInputTurnDetectionServerVad | AudioInputTurnDetectionSemanticVad, Field(discriminator="type")]
    | None
)


class AudioInput(BaseModel):
    format: RealtimeAudioFormats | None = None
    noise_reduction: AudioInputNoiseReduction | None = None
    transcription: AudioTranscription | None = None
    turn_detection: AudioInputTurnDetection = None


class AudioOutput(BaseModel):
    format: RealtimeAudioFormats | None = None
    speed: float | None = None
    voice: str | VoiceName | None = None


class Audio(BaseModel):
    input: AudioInput | None = None
    output: AudioOutput | None = None


ToolChoice: TypeAlias = Literal["none", "auto", "required"] | ToolChoiceFunction | ToolChoiceMcp


class ToolMcpToolAllowedToolsMcpToolFilter(BaseModel):
    read_only: bool | None = None
    tool_names: list[str] | None = None


ToolMcpToolAllowedTools: TypeAlias = list[str] | ToolMcpToolAllowedToolsMcpToolFilter | None


class ToolMcpToolRequireApprovalMcpToolApprovalFilterAlways(BaseModel):
    read_only: bool | None = None
    tool_names: list[str] | None = None


class ToolMcpToolRequireApprovalMcpToolApprovalFilterNever(BaseModel):
    read_only: bool | None = None
    tool_names: list[str] | None = None


class ToolMcpToolRequireApprovalMcpToolApprovalFilter(BaseModel):
    always: ToolMcpToolRequireApprovalMcpToolApprovalFilterAlways | None = None
    never: ToolMcpToolRequireApprovalMcpToolApprovalFilterNever | None = None


ToolMcpToolRequireApproval: TypeAlias = (
    ToolMcpToolRequireApprovalMcpToolApprovalFilter | Literal["always", "never"] | None
)


class ToolMcpTool(BaseModel):
    server_label: str
    type: Literal["mcp"]
    allowed_callers: list[Literal["direct", "programmatic"]] | None = None
    allowed_tools: ToolMcpToolAllowedTools = None
    authorization: str | None = None
    connector_id: ConnectorId | None = None
    defer_loading: bool | None = None
    headers: dict[str, str] | None = None
    require_approval: ToolMcpToolRequireApproval = None
    server_description: str | None = None
    server_url: str | None = None
    tunnel_id: str | None = None


Tool: TypeAlias = RealtimeFunctionTool | ToolMcpTool


class TracingTracingConfiguration(BaseModel):
    group_id: str | None = None
    metadata: object | None = None
    workflow_name: str | None = None


Tracing: TypeAlias = Literal["auto"] | TracingTracingConfiguration | None


class RealtimeSessionCreateResponse(BaseModel):
    """A realtime session as created for a client secret (``client_secrets.create``)."""

    id: str
    object: Literal["realtime.session"]
    type: Literal["realtime"]
    audio: Audio | None = None
    expires_at: int | None = None
    include: list[Literal["item.input_audio_transcription.logprobs"]] | None = None
    instructions: str | None = None
    max_output_tokens: int | Literal["inf"] | None = None
    model: str | RealtimeModel | None = None
    output_modalities: list[Literal["text", "audio"]] | None = None
    prompt: ResponsePrompt | None = None
    reasoning: RealtimeReasoning | None = None
    tool_choice: ToolChoice | None = None
    tools: list[Tool] | None = None
    tracing: Tracing = None
    truncation: RealtimeTruncation | None = None
