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
    assert compare(model, official) == []
