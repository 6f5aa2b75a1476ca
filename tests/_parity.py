"""Field parity between openai_core's models and the official SDK's (tests/test_interop_parity.py).

``compare(ours, official)`` lists what the official class declares that ours lacks or types
incompatibly: a value the official SDK would parse for that field must be one openai_core's annotation
accepts too (ours may be looser: ``str`` where the official SDK has a ``Literal``, a wider union).
"""

from __future__ import annotations

import importlib
import pkgutil
import types
import typing
from collections.abc import Iterator
from typing import Any, Literal, Union

import pydantic

import openai_core.types

_UNIONS = (Union, types.UnionType)
_LISTS = (list, typing.List, typing.Sequence, typing.Iterable, tuple)  # noqa: UP006
_DICTS = (dict, typing.Dict, typing.Mapping)  # noqa: UP006


def our_models() -> Iterator[type[pydantic.BaseModel]]:
    """Every pydantic model defined in a module of openai_core.types (not re-exports)."""
    prefix = openai_core.types.__name__ + "."
    for info in pkgutil.walk_packages(openai_core.types.__path__, prefix):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, pydantic.BaseModel)
                and value.__module__ == module.__name__
                and not value.__pydantic_generic_metadata__["parameters"]
            ):
                yield value


def _strip(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if isinstance(tp, typing.TypeAliasType if hasattr(typing, "TypeAliasType") else ()):  # type: ignore[arg-type]
        return _strip(tp.__value__)
    return tp


def _members(tp: Any) -> list[Any]:
    tp = _strip(tp)
    if typing.get_origin(tp) in _UNIONS:
        out: list[Any] = []
        for arg in typing.get_args(tp):
            out.extend(_members(arg))
        return out
    return [tp]


def _model_key(tp: type) -> tuple[str, str] | None:
    module = tp.__module__
    for root in ("openai_core.", "openai."):
        if module.startswith(root):
            return module[len(root) :], tp.__name__
    return None


def _is_open_union_catch_all(tp: Any) -> bool:
    # openai_core's open unions end in a model that takes any item the union does not name
    # (ResponseUnknownItem, UnknownTool, ...): a member the official SDK has and ours lacks lands there.
    tp = _strip(tp)
    return isinstance(tp, type) and issubclass(tp, pydantic.BaseModel) and tp.__name__.startswith(
        ("Unknown", "ResponseUnknown", "TranscriptionUnknown", "ImageUnknown")
    )


def accepts(ours: Any, official: Any) -> str | None:
    """None when every value of ``official``'s annotation is accepted by ``ours``; else why not."""
    ours_members = _members(ours)
    if any(_is_open_union_catch_all(mine) for mine in ours_members):
        ours_members = [*ours_members, _ANY_MODEL]
    for member in _members(official):
        if not any(_accepts_one(mine, member) for mine in ours_members):
            return f"{_name(member)} not accepted by {_name(ours)}"
    return None


class _AnyModel:
    """Stands for "any model" in a union that has a catch-all member."""


_ANY_MODEL = _AnyModel


def _accepts_one(mine: Any, theirs: Any) -> bool:
    mine, theirs = _strip(mine), _strip(theirs)
    if mine is Any or mine is object:
        return True
    if mine is _ANY_MODEL:
        return isinstance(theirs, type) and issubclass(theirs, pydantic.BaseModel)
    if theirs is type(None) or theirs is None:
        return mine is type(None) or mine is None
    mine_origin, theirs_origin = typing.get_origin(mine), typing.get_origin(theirs)
    if theirs_origin is Literal:
        values = typing.get_args(theirs)
        if mine_origin is Literal:
            return set(values) <= set(typing.get_args(mine))
        return all(isinstance(v, mine) for v in values) if isinstance(mine, type) else False
    if theirs is Any or theirs is object:
        return False
    if isinstance(theirs, type) and issubclass(theirs, pydantic.BaseModel):
        if not (isinstance(mine, type) and issubclass(mine, pydantic.BaseModel)):
            return False
        # By module path and name, as the bridges pair them: a nested class of the right name defined in
        # another module bridges to another official class, and fails the official isinstance check.
        return _model_key(mine) == _model_key(theirs)
    if theirs_origin in _LISTS or theirs in _LISTS:
        if not (mine_origin in _LISTS or mine in _LISTS):
            return False
        t_args, m_args = typing.get_args(theirs), typing.get_args(mine)
        return not t_args or not m_args or accepts(m_args[0], t_args[0]) is None
    if theirs_origin in _DICTS or theirs in _DICTS:
        if not (mine_origin in _DICTS or mine in _DICTS):
            return False
        t_args, m_args = typing.get_args(theirs), typing.get_args(mine)
        return not t_args or not m_args or accepts(m_args[-1], t_args[-1]) is None
    if isinstance(theirs, type) and isinstance(mine, type):
        if mine is float and theirs is int:
            return True
        return issubclass(theirs, mine)
    return mine == theirs


def _name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or str(tp).replace("typing.", "")


def compare(ours: type[pydantic.BaseModel], official: type[pydantic.BaseModel]) -> list[str]:
    """Problems with ``ours`` as a stand-in for ``official``: missing fields, incompatible types."""
    problems = []
    for name, theirs in official.model_fields.items():
        mine = ours.model_fields.get(name)
        if mine is None:
            problems.append(f"{name}: missing ({_name(theirs.annotation)})")
            continue
        why = accepts(mine.annotation, theirs.annotation)
        if why is not None:
            problems.append(f"{name}: {why}")
        if theirs.alias != mine.alias and (theirs.alias or name) != (mine.alias or name):
            problems.append(f"{name}: alias {mine.alias!r} != official {theirs.alias!r}")
    return problems
