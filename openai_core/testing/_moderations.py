"""``POST /v1/moderations``: deterministic verdicts.

An input is flagged for ``violence`` (score 0.91) when its text contains "kill" (any case), and for
``harassment`` (0.87) when it contains "idiot"; every other category scores 0.001 and is not flagged.
Image parts are never flagged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._common import ApiError, dumps

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = ["CATEGORIES", "create_moderation"]

CATEGORIES = (
    "harassment", "harassment/threatening", "hate", "hate/threatening", "illicit", "illicit/violent",
    "self-harm", "self-harm/instructions", "self-harm/intent", "sexual", "sexual/minors", "violence",
    "violence/graphic",
)
_TRIGGERS = {"violence": ("kill", 0.91), "harassment": ("idiot", 0.87)}
_IMAGE_CATEGORIES = {"self-harm", "self-harm/instructions", "self-harm/intent", "sexual", "violence",
                     "violence/graphic"}


def _inputs(body: dict[str, Any]) -> list[tuple[str, bool]]:
    """(text, is an image) per input."""
    value = body.get("input")
    if value is None:
        raise ApiError(400, "Missing required parameter: 'input'.", param="input", code="missing_required_parameter")
    if isinstance(value, str):
        return [(value, False)]
    if isinstance(value, list) and value:
        out: list[tuple[str, bool]] = []
        for part in value:
            if isinstance(part, str):
                out.append((part, False))
            elif isinstance(part, dict) and part.get("type") == "text" and isinstance(part.get("text"), str):
                out.append((part["text"], False))
            elif isinstance(part, dict) and part.get("type") == "image_url":
                out.append(("", True))
            else:
                break
        else:
            return out
    raise ApiError(400, "Invalid value for 'input': expected a string, an array of strings, or an array of "
                   "text / image_url parts.", param="input", code="invalid_value")


def _result(text: str, image: bool) -> dict[str, Any]:
    lowered = text.lower()
    scores = dict.fromkeys(CATEGORIES, 0.001)
    for category, (word, score) in _TRIGGERS.items():
        if word in lowered:
            scores[category] = score
    flags = {name: score >= 0.5 for name, score in scores.items()}
    kinds = ["image"] if image else ["text"]
    applied = {name: (kinds if not image or name in _IMAGE_CATEGORIES else []) for name in CATEGORIES}
    return {"flagged": any(flags.values()), "categories": flags, "category_scores": scores,
            "category_applied_input_types": applied}


def create_moderation(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    model = body.get("model") or "omni-moderation-latest"
    if not isinstance(model, str):
        raise ApiError(400, "Invalid value for 'model': expected a string.", param="model", code="invalid_value")
    results = [_result(text, image) for text, image in _inputs(body)]
    return dumps({"id": state.object_id("modr"), "model": model, "results": results})
