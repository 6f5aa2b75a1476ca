"""The official SDK's type tree as the naming reference for the classes the spec leaves unnamed.

The spec names its component schemas, not the objects nested in them; the official SDK names those by
rules of its own generator (the property path, singular array items, per-variant suffixes) with
exceptions set by hand, and puts some in shared modules. openai_core's models are bridged to the official
classes of the same module path and name (``openai_core/_interop``), so a guessed name is a broken
bridge. The generator therefore asks the pinned official SDK (the ``test`` extra) what the class at a
given position is called and where it lives; the fields still come from the spec.

A *guide* is the list of official annotations' members at one position of a model (unions, lists and
dicts flattened): the official model classes among them name the objects written there.
"""

from __future__ import annotations

import importlib
import types
import typing
from typing import Any

import pydantic

__all__ = ["Guide", "ListOf", "guide_for_alias", "is_loose", "items_of", "models_in", "official_class", "official_field", "official_module", "pick"]

Guide = list[Any]
OFFICIAL_ROOT = "openai.types"
_UNIONS = (typing.Union, types.UnionType)
_LISTS = (list, tuple, typing.List, typing.Sequence, typing.Iterable)  # noqa: UP006
_DICTS = (dict, typing.Dict, typing.Mapping)  # noqa: UP006


def official_module(module: str) -> types.ModuleType | None:
    """``openai.types.<module>`` (dotted, relative to ``types``), or None if the official SDK has none."""
    try:
        return importlib.import_module(f"{OFFICIAL_ROOT}.{module}")
    except ModuleNotFoundError as exc:
        if exc.name is not None and exc.name.startswith("openai"):
            if exc.name == "openai":
                raise SystemExit(
                    "scripts/generate.py names nested types after the official SDK: install the test extra "
                    "(openai==3.57.0)"
                ) from None
            return None
        raise


def official_class(module: str, name: str) -> type[pydantic.BaseModel] | None:
    found = getattr(official_module(module), name, None)
    if isinstance(found, type) and issubclass(found, pydantic.BaseModel):
        if not found.__pydantic_fields_complete__:
            found.model_rebuild()
        return found
    return None


def official_field(owner: type[pydantic.BaseModel], prop: str) -> tuple[str, Guide] | None:
    """The attribute the official class keeps the wire property ``prop`` in, and that field's guide."""
    for attr, info in owner.model_fields.items():
        if (info.alias or attr) == prop:
            return attr, flatten(info.annotation)
    return None


def guide_for_alias(module: str, name: str) -> Guide | None:
    """The guide of a module-level alias (a union the official SDK names, ``UnwrapWebhookEvent``)."""
    found = getattr(official_module(module), name, None)
    if found is None or isinstance(found, type):
        return None
    return flatten(found)


def flatten(tp: Any) -> Guide:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    origin = typing.get_origin(tp)
    if origin in _UNIONS:
        return [member for arg in typing.get_args(tp) for member in flatten(arg)]
    if origin in _LISTS or tp in _LISTS:
        args = typing.get_args(tp)
        return [ListOf(flatten(args[0]) if args else [Any])]
    if origin in _DICTS or tp in _DICTS:
        args = typing.get_args(tp)
        return [dict, *(flatten(args[-1]) if args else [])]
    return [tp]


class ListOf:
    """A list member of a guide, with its items' guide: a field that is a model or a list of other
    models (``content: str | InputText | list[GraderInput]``) names each by its own position."""

    def __init__(self, items: Guide) -> None:
        self.items = items


def items_of(guide: Guide) -> Guide:
    """The guide of an array's items at a position of this guide."""
    lists = [member for member in guide if isinstance(member, ListOf)]
    return [item for member in lists for item in member.items] if lists else guide


def models_in(guide: Guide) -> list[type[pydantic.BaseModel]]:
    out: list[type[pydantic.BaseModel]] = []
    for member in guide:
        if isinstance(member, type) and issubclass(member, pydantic.BaseModel) and member not in out:
            if not member.__pydantic_fields_complete__:
                member.model_rebuild()
            out.append(member)
    return out


def is_loose(guide: Guide) -> str | None:
    """``dict`` or ``any`` where the official SDK types an object position loosely (no model there)."""
    if dict in guide:
        return "dict"
    if any(member is Any or member is object for member in guide):
        return "any"
    return None


def pick(candidates: list[type[pydantic.BaseModel]], schema: dict[str, Any]) -> type[pydantic.BaseModel]:
    """The official class an object schema stands for: the one its ``type`` tag names, else the one
    sharing the most property names."""
    props = schema.get("properties") or {}
    # `event` tags the Assistants stream events (`thread.run.created`) as `type` tags most unions; `object`
    # too: the usage results differ only by it (embeddings and moderations share every field).
    for key in ("type", "event", "object"):
        tag = _tag_values(props.get(key))
        if tag and len(candidates) > 1:
            tagged = [c for c in candidates if tag & _literal_values(c, key)]
            if len(tagged) == 1:
                return tagged[0]
            if tagged:
                candidates = tagged
    wire = set(props)

    def score(cls: type[pydantic.BaseModel]) -> tuple[int, int]:
        names = {info.alias or attr for attr, info in cls.model_fields.items()}
        return len(wire & names), -len(wire ^ names)

    return max(candidates, key=score)


def _tag_values(schema: Any) -> set[object]:
    if not isinstance(schema, dict):
        return set()
    if "const" in schema:
        return {schema["const"]}
    return set(schema.get("enum") or [])


def _literal_values(cls: type[pydantic.BaseModel], key: str = "type") -> set[object]:
    info = cls.model_fields.get(key)
    if info is None:
        return set()
    values: set[object] = set()
    for member in flatten(info.annotation):
        if typing.get_origin(member) is typing.Literal:
            values.update(typing.get_args(member))
    return values
