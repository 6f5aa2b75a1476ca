from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from ..shared.metadata import Metadata
from ..shared.reasoning import Reasoning
from ..shared.responses_model import ResponsesModel
from .response_error import ResponseError
from .response_input_item import ResponseInputItem
from .response_output_item import ResponseOutputItem
from .response_prompt import ResponsePrompt
from .response_status import ResponseStatus
from .response_text_config import ResponseTextConfig
from .response_usage import ResponseUsage
from .tool import Tool
from .tool_choice_allowed import ToolChoiceAllowed
from .tool_choice_apply_patch import ToolChoiceApplyPatch
from .tool_choice_custom import ToolChoiceCustom
from .tool_choice_function import ToolChoiceFunction
from .tool_choice_mcp import ToolChoiceMcp
from .tool_choice_shell import ToolChoiceShell
from .tool_choice_types import ToolChoiceTypes

__all__ = [
    "AccessPrograms",
    "Conversation",
    "Image",
    "IncompleteDetails",
    "InputTransformation",
    "Moderation",
    "ModerationInput",
    "ModerationInputError",
    "ModerationInputModerationResult",
    "ModerationOutput",
    "ModerationOutputError",
    "ModerationOutputModerationResult",
    "PromptCacheDiagnostics",
    "PromptCacheDiagnosticsCacheHit",
    "PromptCacheDiagnosticsCacheMiss",
    "PromptCacheDiagnosticsComparisonResponseNotFound",
    "PromptCacheDiagnosticsUnavailable",
    "PromptCacheOptions",
    "Response",
    "ToolChoice",
    "ToolChoiceSpecificProgrammaticToolCallingParam",
    "ToolUsage",
    "ToolUsageImageGen",
    "ToolUsageImageGenCachedTokensDetails",
    "ToolUsageImageGenInputTokensDetails",
    "ToolUsageImageGenOutputTokensDetails",
    "ToolUsageWebSearch",
]


class AccessPrograms(BaseModel):
    cyber: Literal["standard", "daybreak_blue", "daybreak_red"]


class IncompleteDetails(BaseModel):
    reason: Literal["max_output_tokens", "max_messages", "content_filter", "steered"] | None = None


class ToolChoiceSpecificProgrammaticToolCallingParam(BaseModel):
    type: Literal["programmatic_tool_calling"]


# ToolChoiceTypes takes any `type`: it comes last, so a tool choice another member describes fully is that member.
ToolChoice: TypeAlias = (
    Literal["none", "auto", "required"]
    | ToolChoiceAllowed
    | ToolChoiceFunction
    | ToolChoiceMcp
    | ToolChoiceCustom
    | ToolChoiceSpecificProgrammaticToolCallingParam
    | ToolChoiceApplyPatch
    | ToolChoiceShell
    | ToolChoiceTypes
)


class Conversation(BaseModel):
    id: str


class Image(BaseModel):
    context_compression: Literal["enabled", "disabled"]


class InputTransformation(BaseModel):
    id: str
    action: Literal["removed"]
    reason: Literal["organization_mismatch", "end_user_mismatch", "model_mismatch", "prefix_mismatch", "turn_boundary"]
    type: Literal["reasoning"]


class ModerationInputModerationResult(BaseModel):
    categories: dict[str, bool]
    category_applied_input_types: dict[str, list[Literal["text", "image"]]]
    category_scores: dict[str, float]
    flagged: bool
    model: str
    type: Literal["moderation_result"]


class ModerationInputError(BaseModel):
    code: str
    message: str
    type: Literal["error"]


ModerationInput: TypeAlias = Annotated[
    ModerationInputModerationResult | ModerationInputError, Field(discriminator="type")
]


class ModerationOutputModerationResult(BaseModel):
    categories: dict[str, bool]
    category_applied_input_types: dict[str, list[Literal["text", "image"]]]
    category_scores: dict[str, float]
    flagged: bool
    model: str
    type: Literal["moderation_result"]


class ModerationOutputError(BaseModel):
    code: str
    message: str
    type: Literal["error"]


ModerationOutput: TypeAlias = Annotated[
    ModerationOutputModerationResult | ModerationOutputError, Field(discriminator="type")
]


class Moderation(BaseModel):
    input: ModerationInput
    output: ModerationOutput


class PromptCacheDiagnosticsCacheMiss(BaseModel):
    cache_missed_tokens: int
    # Documented: model_changed, prompt_cache_key_changed, tools_changed, input_changed, ...; any is kept.
    reason: str
    type: Literal["cache_miss"]
    comparison_reusable_tokens: int | None = None


class PromptCacheDiagnosticsCacheHit(BaseModel):
    type: Literal["cache_hit"]


class PromptCacheDiagnosticsComparisonResponseNotFound(BaseModel):
    type: Literal["comparison_response_not_found"]


class PromptCacheDiagnosticsUnavailable(BaseModel):
    type: Literal["unavailable"]


PromptCacheDiagnostics: TypeAlias = Annotated[
    PromptCacheDiagnosticsCacheMiss
    | PromptCacheDiagnosticsCacheHit
    | PromptCacheDiagnosticsComparisonResponseNotFound
    | PromptCacheDiagnosticsUnavailable,
    Field(discriminator="type"),
]


class PromptCacheOptions(BaseModel):
    mode: Literal["implicit", "explicit"]
    ttl: Literal["30m", "12h"]
    comparison_response_id: str | None = None


class ToolUsageImageGenInputTokensDetails(BaseModel):
    image_tokens: int
    text_tokens: int


class ToolUsageImageGenCachedTokensDetails(BaseModel):
    cached_image_tokens: int
    cached_text_tokens: int


class ToolUsageImageGenOutputTokensDetails(BaseModel):
    image_tokens: int
    text_tokens: int


class ToolUsageImageGen(BaseModel):
    input_tokens: int
    input_tokens_details: ToolUsageImageGenInputTokensDetails
    output_tokens: int
    total_tokens: int
    cached_tokens: int | None = None
    cached_tokens_details: ToolUsageImageGenCachedTokensDetails | None = None
    output_tokens_details: ToolUsageImageGenOutputTokensDetails | None = None


class ToolUsageWebSearch(BaseModel):
    num_requests: int


class ToolUsage(BaseModel):
    image_gen: ToolUsageImageGen
    web_search: ToolUsageWebSearch


class Response(BaseModel):
    id: str
    access_programs: AccessPrograms | None = None
    created_at: float
    error: ResponseError | None = None
    incomplete_details: IncompleteDetails | None = None
    instructions: str | list[ResponseInputItem] | None = None
    metadata: Metadata | None = None
    model: ResponsesModel
    object: Literal["response"]
    output: list[ResponseOutputItem]
    parallel_tool_calls: bool
    temperature: float | None = None
    tool_choice: ToolChoice
    tools: list[Tool]
    top_p: float | None = None
    background: bool | None = None
    completed_at: float | None = None
    conversation: Conversation | None = None
    image: Image | None = None
    input_transformations: list[InputTransformation] | None = None
    max_output_tokens: int | None = None
    max_tool_calls: int | None = None
    moderation: Moderation | None = None
    previous_response_id: str | None = None
    prompt: ResponsePrompt | None = None
    prompt_cache_diagnostics: PromptCacheDiagnostics | None = None
    prompt_cache_key: str | None = None
    prompt_cache_options: PromptCacheOptions | None = None
    prompt_cache_retention: Literal["in_memory", "24h"] | None = None
    reasoning: Reasoning | None = None
    safety_identifier: str | None = None
    service_tier: Literal["auto", "default", "flex", "scale", "priority", "fast", "ultrafast"] | None = None
    status: ResponseStatus | None = None
    text: ResponseTextConfig | None = None
    tool_usage: ToolUsage | None = None
    top_logprobs: int | None = None
    truncation: Literal["auto", "disabled"] | None = None
    usage: ResponseUsage | None = None
    user: str | None = None

    @property
    def output_text(self) -> str:
        """The text of every ``output_text`` part of every output message, concatenated (refusals and
        tool calls left out); "" when there is none."""
        texts: list[str] = []
        for item in self.output:
            if item.type == "message":
                for part in item.content:
                    # getattr: a leniently built part (a server that left a field out) may lack `text`.
                    text = getattr(part, "text", None) if part.type == "output_text" else None
                    if isinstance(text, str):
                        texts.append(text)
        return "".join(texts)
