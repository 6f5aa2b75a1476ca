"""Checking a call's keyword arguments against its TypedDict before anything is sent.

Resource methods take ``**params: Unpack[SomeParams]``: the TypedDict is the declaration, so editors and
mypy see every parameter. At run time Python no longer checks the names for us, so ``ParamSpec`` does:
a missing required parameter, an unknown one, or a value of the wrong basic type raises ``TypeError``
naming the parameter. The type check is shallow (top-level ``isinstance`` against what the annotation
allows) so it costs a dict lookup and an ``isinstance`` per argument.
"""

from __future__ import annotations

import collections.abc
import io
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, NotRequired, Required, Union, get_args, get_origin

from typing_extensions import ReadOnly

from ._interop import sentinel_types

__all__ = ["REQUEST_OPTION_KEYS", "ParamSpec"]

REQUEST_OPTION_KEYS = frozenset({"extra_headers", "extra_query", "extra_body", "timeout"})

_WRAPPERS = {Required, NotRequired, ReadOnly, typing.Required, typing.NotRequired}
_SEQUENCE_ORIGINS = {
    list,
    collections.abc.Iterable,
    collections.abc.Sequence,
    collections.abc.Collection,
}


def _allowed_types(annotation: object) -> tuple[type, ...] | None:
    """The runtime classes a value of ``annotation`` may have; None means anything goes."""
    origin = get_origin(annotation)
    if origin in _WRAPPERS or str(origin).endswith("Annotated"):
        return _allowed_types(get_args(annotation)[0])
    if annotation is Any or annotation is object or isinstance(annotation, typing.TypeVar):
        return None
    if annotation is None or annotation is type(None):
        return (type(None),)
    if origin is Literal:
        return tuple({type(value) for value in get_args(annotation)})
    if origin in (Union, types.UnionType):
        allowed: set[type] = set()
        for arg in get_args(annotation):
            arg_types = _allowed_types(arg)
            if arg_types is None:
                return None
            allowed.update(arg_types)
        return tuple(allowed)
    if origin in _SEQUENCE_ORIGINS:
        return (list, tuple, collections.abc.Iterator)
    if origin in (dict, collections.abc.Mapping) or typing.is_typeddict(annotation):
        return (dict, collections.abc.Mapping)
    if annotation is float:
        return (float, int)
    if isinstance(annotation, type):
        return (annotation,)
    return None


def _type_names(allowed: tuple[type, ...]) -> str:
    return " | ".join(sorted("None" if t is type(None) else t.__name__ for t in allowed))


class ParamSpec:
    """The parameters of one API call, derived once from its TypedDict."""

    __slots__ = ("_checks", "_header_params", "_name", "_renames", "required")

    def __init__(
        self,
        name: str,
        params_type: type[Any],
        /,
        *,
        header_params: Mapping[str, str] | None = None,
        renames: tuple[tuple[tuple[str, ...], str, str], ...] = (),
        **extra: object,
    ) -> None:
        """``params_type`` is the API's TypedDict (not one merged with RequestOptionsParams: a merged
        TypedDict's annotations resolve in the wrong module); ``extra`` adds keys with their types.

        ``header_params`` maps a parameter to the header it is sent as (``idempotency_key`` ->
        ``Idempotency-Key``; the call's own ``extra_headers`` still win, as in the official SDK).
        ``renames`` are keys the official SDK spells one way in Python and another on the wire, inside the
        body: ``(path, python key, wire key)``, the path the keys leading to the object (``*``: every item
        of a list), e.g. ``(("agent", "compaction"), "async_", "async")``."""
        self._name = name
        self._header_params = dict(header_params or {})
        self._renames = renames
        try:
            hints = typing.get_type_hints(params_type, include_extras=True)
        except NameError:  # an annotation we cannot resolve here: check names, not types
            hints = dict.fromkeys(params_type.__annotations__, Any)
        # With `from __future__ import annotations` Python 3.11 cannot see `Required[...]` inside a string
        # annotation, so `__required_keys__` can be empty: read the wrapper from the resolved hints too.
        marked = {key for key, hint in hints.items() if get_origin(hint) in (Required, typing.Required)}
        self.required: frozenset[str] = (
            frozenset(params_type.__required_keys__) | marked
        ) - REQUEST_OPTION_KEYS
        self._checks: dict[str, tuple[type, ...] | None] = {
            key: _allowed_types(annotation)
            for key, annotation in hints.items()
            if key not in REQUEST_OPTION_KEYS
        }
        for key, annotation in extra.items():
            self._checks[key] = _allowed_types(annotation)

    def split(self, params: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """(API body params, request options) from a call's keyword arguments; raises TypeError on a
        missing, unknown or mistyped parameter. ``NOT_GIVEN`` / ``omit`` values (openai_core's, or the
        official SDK's, which frameworks pass for every parameter they leave unset) are dropped as if
        absent."""
        body: dict[str, Any] = {}
        options: dict[str, Any] = {}
        checks = self._checks
        sentinels = sentinel_types()
        for key, value in params.items():
            if type(value) in sentinels:
                continue
            if key in REQUEST_OPTION_KEYS:
                options[key] = value
                continue
            if key not in checks:
                raise TypeError(f"{self._name}() got an unexpected keyword argument {key!r}")
            allowed = checks[key]
            if allowed is not None and not isinstance(value, allowed):
                raise TypeError(
                    f"{self._name}() argument {key!r} must be {_type_names(allowed)}, "
                    f"not {type(value).__name__}"
                )
            if isinstance(value, collections.abc.Iterator) and not isinstance(value, io.IOBase):
                # A generator of messages is fine to pass, and JSON needs a list. A file object is an
                # iterator too (of lines), but an upload's content: it stays as it is.
                value = list(value)
            body[key] = value
        if not self.required.issubset(body):
            missing = sorted(self.required.difference(body))
            raise TypeError(
                f"{self._name}() missing required argument{'s' if len(missing) > 1 else ''}: "
                + ", ".join(repr(name) for name in missing)
            )
        if self._header_params:
            sent = {header: body.pop(key) for key, header in self._header_params.items() if key in body}
            if sent:
                options["extra_headers"] = {**sent, **(options.get("extra_headers") or {})}
        for path, python_key, wire_key in self._renames:
            body = _renamed(body, path, python_key, wire_key)
        return body, options


def _renamed(value: Any, path: tuple[str, ...], python_key: str, wire_key: str) -> Any:
    """``value`` with ``python_key`` spelled ``wire_key`` in the objects at ``path``; copied where it
    changes, never changed in place (the dicts are the caller's)."""
    if not path:
        if isinstance(value, Mapping) and python_key in value:
            value = {wire_key if key == python_key else key: item for key, item in value.items()}
        return value
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(value, list | tuple):
            items = [_renamed(item, rest, python_key, wire_key) for item in value]
            if any(new is not old for new, old in zip(items, value, strict=True)):
                return items
        return value
    if isinstance(value, Mapping) and head in value:
        inner = _renamed(value[head], rest, python_key, wire_key)
        if inner is not value[head]:
            value = {**value, head: inner}
    return value
