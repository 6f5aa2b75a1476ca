"""Model bridges: pydantic classes that are openai_core's class and the official class at once.

A bridge of ``openai_core.types.chat.ChatCompletion`` is a subclass of it and of
``openai.types.chat.ChatCompletion`` (ours first, so our field definitions, lenient parsing and helpers
win), whose fields are re-declared wherever their annotation names another openai_core model: ``choices``
becomes ``list[<bridge of Choice>]``, so nested values pass the official ``isinstance`` checks too.
Bridges are built once per class, on first use, and parsed by pydantic-core like any model.
"""

from __future__ import annotations

import copy
import importlib
import types
import typing
from typing import Annotated, Any, Literal, Union

import pydantic

from ._classes import BRIDGE as _BRIDGE

__all__ = ["bridge_type", "official_counterpart"]

# Only these openai_core modules mirror the official package's layout (openai_core.X -> openai.X).
_MIRRORED = ("openai_core.types.", "openai_core.lib.")

_models: dict[type, type] = {}
_building: set[type] = set()


def bridge_type(tp: Any) -> Any:
    """``tp`` with every openai_core model in it replaced by its bridge (a class, a union, a list...)."""
    if isinstance(tp, type):
        if issubclass(tp, pydantic.BaseModel) and _is_ours(tp):
            return _bridge_model(tp)
        return tp
    origin = typing.get_origin(tp)
    if origin is None or origin is Literal:
        return tp
    if origin is Annotated:
        inner = bridge_type(tp.__origin__)
        return tp if inner is tp.__origin__ else Annotated[(inner, *tp.__metadata__)]
    args = typing.get_args(tp)
    new_args = tuple(bridge_type(arg) for arg in args)
    if all(new is old for new, old in zip(new_args, args, strict=True)):
        return tp
    if origin is Union or origin is types.UnionType:
        return Union[new_args]  # noqa: UP007 - built at run time from a tuple
    if isinstance(tp, types.GenericAlias):
        return types.GenericAlias(origin, new_args)
    return tp.copy_with(new_args)


def _is_ours(cls: type[pydantic.BaseModel]) -> bool:
    # A parametrized generic (ParsedChatCompletion[Foo]) takes the module of whoever parametrized it
    # first: ask its origin.
    origin = cls.__pydantic_generic_metadata__["origin"] or cls
    return origin.__module__.startswith("openai_core")


def official_counterpart(cls: type[pydantic.BaseModel]) -> type[pydantic.BaseModel] | None:
    """The official SDK's class of the same module path and name (``openai_core.types.x.Y`` ->
    ``openai.types.x.Y``); for a parametrized generic (``ParsedChatCompletion[Foo]``), the official
    generic parametrized alike. None when the official SDK has no such class."""
    meta = cls.__pydantic_generic_metadata__
    origin = meta["origin"]
    if origin is not None:
        official_origin = official_counterpart(origin)
        if official_origin is None or not meta["args"]:
            return official_origin
        try:
            return official_origin[meta["args"]]  # type: ignore[index, no-any-return]
        except TypeError:
            return None
    module_name = cls.__module__
    if not module_name.startswith(_MIRRORED):
        return None
    try:
        module = importlib.import_module("openai" + module_name[len("openai_core") :])
    except ImportError:
        return None
    candidate = getattr(module, cls.__name__, None)
    if isinstance(candidate, type) and issubclass(candidate, pydantic.BaseModel):
        return candidate
    return None


def _bridge_model(cls: type[pydantic.BaseModel]) -> type[pydantic.BaseModel]:
    bridged = _models.get(cls)
    if bridged is not None:
        return bridged
    if cls.__dict__.get(_BRIDGE) or cls in _building:
        # Already a bridge; or a model that contains itself, whose inner occurrence stays openai_core's.
        return cls
    _building.add(cls)
    try:
        bridged = _models[cls] = _build(cls)
    finally:
        _building.discard(cls)
    return bridged


def _build(cls: type[pydantic.BaseModel]) -> type[pydantic.BaseModel]:
    if not cls.__pydantic_fields_complete__:
        cls.model_rebuild()
    fields: dict[str, Any] = {}
    for name, info in cls.model_fields.items():
        annotation = bridge_type(info.annotation)
        if annotation is info.annotation:
            continue
        # The copied FieldInfo keeps its metadata (constraints, a discriminator): the annotation must not
        # carry it again, or a discriminator would be applied twice.
        new_info = copy.copy(info)
        new_info.annotation = annotation
        fields[name] = (annotation, new_info)
    counterpart = official_counterpart(cls)
    if counterpart is None and not fields:
        return cls
    bases: tuple[type[pydantic.BaseModel], ...] = (cls,) if counterpart is None else (cls, counterpart)
    try:
        bridge = typing.cast(
            "type[pydantic.BaseModel]",
            pydantic.create_model(cls.__name__, __base__=bases, __module__=cls.__module__, **fields),
        )
    except (TypeError, pydantic.PydanticUserError):
        # No consistent MRO or a field the two SDKs declare irreconcilably: keep openai_core's class.
        return cls
    bridge.__qualname__ = cls.__qualname__
    setattr(bridge, _BRIDGE, True)
    bridge.__eq__ = _bridge_eq  # type: ignore[method-assign, assignment]
    bridge.__reduce_ex__ = _bridge_reduce  # type: ignore[method-assign, assignment]
    return bridge


def _bridge_eq(self: pydantic.BaseModel, other: object) -> bool:
    # pydantic compares exact classes; a bridge equals an instance of the class it stands for (and, being
    # a subclass that overrides __eq__, Python asks it first from either side of ==).
    if not isinstance(other, pydantic.BaseModel):
        return NotImplemented  # type: ignore[no-any-return]
    if _own(type(self)) is not _own(type(other)):
        return False
    # Field values only, as pydantic does when an instance carries a plain attribute (``_request_id``).
    fields = type(self).model_fields
    mine, theirs = self.__dict__, other.__dict__
    return bool(
        {k: mine[k] for k in fields if k in mine} == {k: theirs[k] for k in fields if k in theirs}
        and self.__pydantic_private__ == other.__pydantic_private__
        and self.__pydantic_extra__ == other.__pydantic_extra__
    )


def _own(cls: type) -> type:
    return cls.__mro__[1] if cls.__dict__.get(_BRIDGE) else cls


def _bridge_reduce(self: pydantic.BaseModel, protocol: typing.SupportsIndex) -> tuple[Any, ...]:
    # Pickled by the openai_core class it stands for (a bridge is not importable by name); unpickled as
    # that class's bridge where the official SDK is loaded, else as openai_core's class.
    return (_restore, (_own(type(self)), self.__getstate__()))


def _restore(cls: type[pydantic.BaseModel], state: Any) -> pydantic.BaseModel:
    from . import resolve_type

    target = resolve_type(cls)
    model = target.__new__(target)
    model.__setstate__(state)
    return model
