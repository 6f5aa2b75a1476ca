"""Every openai_core model against the official SDK's class of the same module path and name.

The interop bridges (openai_core/_interop) pair classes by module path and name, and frameworks read the
official fields: a class that moved, was renamed, lost a field or types a field more narrowly than the
official SDK fails here, so parity cannot drift unnoticed. Runs against the official SDK pinned in the
test extra.
"""

from __future__ import annotations

import pydantic
import pytest

from openai_core._interop._models import official_counterpart

from ._parity import compare, our_models

# openai_core's own classes, with no official twin on purpose.
OWN_CLASSES = {
    # catch-all members of open unions: an event / item / tool type the SDK does not know yet is kept
    "openai_core.types.audio.transcription_unknown_event.TranscriptionUnknownEvent",
    "openai_core.types.image_unknown_event.ImageUnknownEvent",
    "openai_core.types.responses.response_output_item.ResponseUnknownItem",
    "openai_core.types.responses.response_unknown_event.ResponseUnknownEvent",
    "openai_core.types.responses.tool.UnknownTool",
    "openai_core.types.conversations.message.UnknownContent",
    "openai_core.types.realtime.realtime_conversation_item_unknown.RealtimeConversationItemUnknown",
    "openai_core.types.realtime.realtime_unknown_server_event.RealtimeUnknownServerEvent",
}

# The beta Responses API's types (`openai_core.types.beta.*`) are generated from the spec of 2026-08-21, whose
# beta schemas are older than the official SDK 3.57's beta types: these fields are missing or typed more
# narrowly (docs/compatibility.md, "Beta Responses types"). Exact: a gap that closes or a new one fails.
BETA_RESPONSES_GAPS = {
    "beta_compacted_response.BetaCompactedResponse": {"image"},
    "beta_custom_tool.BetaCustomTool": {"async_"},
    "beta_function_tool.BetaFunctionTool": {"async_"},
    "beta_namespace_tool.ToolFunction": {"async_"},
    "beta_response.BetaResponse": {
        "access_programs",
        "image",
        "input_transformations",
        "instructions",
        "prompt_cache_diagnostics",
        "tool_usage",
    },
    "beta_response.IncompleteDetails": {"reason"},
    "beta_response.PromptCacheOptions": {"comparison_response_id", "ttl"},
    "beta_response_computer_tool_call_output_item.BetaResponseComputerToolCallOutputItem": {"status"},
    "beta_response_custom_tool_call.BetaResponseCustomToolCall": {"async_"},
    "beta_response_custom_tool_call_item.BetaResponseCustomToolCallItem": {"async_"},
    "beta_response_error.BetaResponseError": {"code", "misalignment", "param", "type"},
    "beta_response_function_tool_call.BetaResponseFunctionToolCall": {"async_"},
    "beta_response_function_tool_call_item.BetaResponseFunctionToolCallItem": {"async_"},
    "beta_response_function_web_search.BetaResponseFunctionWebSearch": {"status"},
    "beta_response_input_file.PromptCacheBreakpoint": {"ttl"},
    "beta_response_input_file_content.PromptCacheBreakpoint": {"ttl"},
    "beta_response_input_image.PromptCacheBreakpoint": {"ttl"},
    "beta_response_input_image_content.PromptCacheBreakpoint": {"ttl"},
    "beta_response_input_item.CompactionTrigger": {"id"},
    "beta_response_input_item.ImageGenerationCall": {
        "action",
        "background",
        "error",
        "output_format",
        "quality",
        "revised_prompt",
        "size",
        "svg_usage",
    },
    "beta_response_input_text.PromptCacheBreakpoint": {"ttl"},
    "beta_response_input_text_content.PromptCacheBreakpoint": {"ttl"},
    "beta_response_item.AgentMessageContentComputerScreenshotPromptCacheBreakpoint": {"ttl"},
    "beta_response_item.ImageGenerationCall": {
        "action",
        "background",
        "error",
        "output_format",
        "quality",
        "revised_prompt",
        "size",
        "svg_usage",
    },
    "beta_response_output_item.AgentMessageContentComputerScreenshotPromptCacheBreakpoint": {"ttl"},
    "beta_response_output_item.ImageGenerationCall": {
        "action",
        "background",
        "error",
        "output_format",
        "quality",
        "revised_prompt",
        "size",
        "svg_usage",
    },
    "beta_response_tool_search_output_item_param.ToolImageGeneration": {
        "complexity",
        "frame_count",
        "frame_duration_ms",
        "output_format",
        "quality",
        "svg",
    },
    "beta_response_usage.InputTokensDetails": {"cache_write_tokens_details"},
    "beta_tool.ImageGeneration": {
        "complexity",
        "frame_count",
        "frame_duration_ms",
        "output_format",
        "quality",
        "svg",
    },
    "beta_tool_search_output_namespace_tool.ToolFunction": {"async_"},
}

MODELS = sorted(our_models(), key=lambda m: f"{m.__module__}.{m.__qualname__}")


def _name(model: type[pydantic.BaseModel]) -> str:
    return f"{model.__module__}.{model.__qualname__}"


def test_walks_every_model() -> None:
    assert len(MODELS) > 150  # the walk found the type modules, not an empty package


@pytest.mark.parametrize("model", MODELS, ids=_name)
def test_model_matches_official(model: type[pydantic.BaseModel]) -> None:
    official = official_counterpart(model)
    if _name(model) in OWN_CLASSES:
        assert official is None, f"{_name(model)} now has an official twin: drop it from OWN_CLASSES"
        return
    assert official is not None, (
        f"{_name(model)} has no official class of the same module path and name: "
        "move or rename it to match the official SDK (the interop bridge pairs classes by that)"
    )
    for cls in (model, official):
        if not cls.__pydantic_fields_complete__:
            cls.model_rebuild()
    differences = compare(model, official)
    known = BETA_RESPONSES_GAPS.get(_name(model).removeprefix("openai_core.types.beta."), set())
    assert {d.split(":")[0] for d in differences} == known, differences
