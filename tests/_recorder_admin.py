"""The recorder's answers (``tests/_recorder.py``) to the organization admin API (``/organization/...``,
``/projects/...``) and to ``client.beta.agents`` (``/agents/...``, ``/vaults/...``): each such entry of the table (``tests/_calls_admin.py``) names, before it calls, the
object the recorder answers with, built from the official SDK's model of the method's result by
``sample``: every field filled in, so both SDKs parse every field of the same answer."""

from __future__ import annotations

import json
import re
import types
import typing
from collections.abc import Callable
from typing import Any, Literal, Union

import pydantic
import typing_extensions

__all__ = ["admin_routes", "agents_routes", "answer_with", "answer_with_events", "sample"]

_NEXT: dict[str, Any] = {}
_DEPTH = 6


def answer_with(model: Any, page: str | None) -> None:
    """The next admin request is answered with a ``model`` sample (inside a page of kind ``page``)."""
    _NEXT["item"], _NEXT["page"], _NEXT["events"] = sample(model), page, None


def answer_with_events(union: Any) -> None:
    """The next request is answered with an event stream: one sample of every member of ``union`` (an
    ``Annotated[Union[...], ...]`` of event models), each named by its ``type`` in the ``event:`` line."""
    members = typing.get_args(typing.get_args(union)[0] if typing.get_origin(union) is typing.Annotated else union)
    _NEXT["item"], _NEXT["page"], _NEXT["events"] = None, None, [sample(member) for member in members]


def _event_stream(events: list[Any]) -> bytes:
    out = [f"event: {event.get('type', 'message')}\ndata: {json.dumps(event)}\n\n" for event in events]
    return "".join(out).encode()


def sample(tp: Any, name: str = "value", depth: int = 0) -> Any:
    """A JSON value of type ``tp`` (a pydantic model, a TypedDict, a typing form), every field set."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is typing.Any or tp is object:
        return {"note": name}
    if origin is typing.Annotated:
        return sample(args[0], name, depth)
    if origin is Literal:
        return args[0]
    if origin in (Union, types.UnionType):
        members = [a for a in args if a is not type(None) and getattr(a, "__name__", "") not in ("Omit", "NotGiven")]
        return sample(members[0], name, depth) if members else None
    if origin in (list, tuple, set, frozenset) or (origin is not None and getattr(origin, "__name__", "") in (
            "Iterable", "Sequence", "SequenceNotStr", "List")):
        return [] if depth > _DEPTH else [sample(args[0] if args else str, name, depth + 1)]
    if origin is dict or (origin is not None and getattr(origin, "__name__", "") in ("Mapping", "Dict")):
        return {"key": sample(args[1] if len(args) > 1 else str, name, depth + 1)}
    if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
        if depth > _DEPTH:
            return {}
        return {info.alias or key: sample(info.annotation, key, depth + 1) for key, info in tp.model_fields.items()}
    if typing_extensions.is_typeddict(tp):
        if depth > _DEPTH:
            return {}
        return {key: sample(hint, key, depth + 1) for key, hint in typing_extensions.get_type_hints(tp).items()}
    if isinstance(tp, typing.TypeVar):
        return name
    if tp is bool:
        return True
    if tp is int:
        return 1
    if tp is float:
        return 1.5
    if tp is str:
        return f"{name}_1"
    if tp is type(None):
        return None
    raise TypeError(f"no sample for {tp!r} ({name})")


def _page(item: Any, page: str, query: dict[str, str]) -> dict[str, Any]:
    """A page of one item. Cursor pages say ``has_more`` until the request carries ``after``, so walking
    every page makes exactly one follow-up request."""
    more = "after" not in query and "page" not in query
    body: dict[str, Any] = {"object": "list", "data": [item]}
    if page != "AsyncPage":
        body["has_more"] = more
        body["first_id"] = body["last_id"] = item.get("id") if isinstance(item, dict) else None
        if page in ("AsyncNextCursorPage", "AsyncTokenPage"):  # the next page named by the answer
            body["next"] = "cursor_2" if more else None
    return body


def _answer(ctx: Any) -> Any:
    item, page, events = _NEXT.get("item"), _NEXT.get("page"), _NEXT.get("events")
    if events is not None:
        return _event_stream(events)
    return _page(item, page, ctx.query) if page else item


def _sampled(pattern: re.Pattern[str]) -> list[tuple[str, re.Pattern[str], Callable[[Any], Any]]]:
    return [(verb, pattern, _answer) for verb in ("GET", "POST", "DELETE")]


def admin_routes() -> list[tuple[str, re.Pattern[str], Callable[[Any], Any]]]:
    return _sampled(re.compile(r"/(organization|projects)/.*"))


def agents_routes() -> list[tuple[str, re.Pattern[str], Callable[[Any], Any]]]:
    """``client.beta.agents`` (``tests/_calls_agents.py``): ``/agents/...`` and its ``/vaults/...``."""
    return _sampled(re.compile(r"/(agents|vaults)(/.*)?"))
