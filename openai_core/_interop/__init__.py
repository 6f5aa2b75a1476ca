"""Speaking the official SDK's classes when the official ``openai`` package is loaded.

Frameworks built on the official SDK (pydantic-ai, the Agents SDK, LangChain, LlamaIndex, instructor...)
check what they get against the official classes: ``isinstance(response, openai.types.chat.ChatCompletion)``,
``except openai.RateLimitError``, ``param is openai.omit``. openai_core keeps its own classes as the one
source of truth and, once the official package is imported by anyone in the process, derives from them a
*bridge* class per class that inherits from both (ours first), so every result, nested value and error is an
instance of openai_core's class **and** of the official class of the same module path and name.

Nothing here imports ``openai``: the official package is used only when something else already imported
it, so ``import openai_core`` costs the same as before and a process without the official SDK never
builds a bridge. ``OPENAI_CORE_INTEROP=0`` turns the bridges off (results are then openai_core's own
classes only). docs/architecture.md ("Interop with the official SDK") records the decision and its
measurements.
"""

from __future__ import annotations

import os
import sys
from types import ModuleType
from typing import Any, TypeVar

from typing_extensions import TypeIs

from .._types import NotGiven, Omit

__all__ = ["active", "bridged_class", "is_sentinel", "official", "own_class", "resolve_type", "sentinel_types"]

_T = TypeVar("_T")
_C = TypeVar("_C", bound=type)

_ENABLED = os.environ.get("OPENAI_CORE_INTEROP", "1").strip().lower() not in {"0", "off", "false", "no"}

_official: ModuleType | None = None
# Classes dropped from a call's arguments as "not given": ours, and the official SDK's once it is loaded.
_OWN_SENTINELS: frozenset[type] = frozenset({NotGiven, Omit})
_sentinels: frozenset[type] | None = None


def official() -> ModuleType | None:
    """The official ``openai`` package when some code in this process has finished importing it."""
    global _official
    if _official is not None or not _ENABLED:
        return _official
    module = sys.modules.get("openai")
    if module is None or getattr(getattr(module, "__spec__", None), "_initializing", False):
        return None
    _official = module
    return module


def active() -> bool:
    """Whether results and errors are bridged to the official classes right now."""
    return official() is not None


def sentinel_types() -> frozenset[type]:
    """The classes whose instances mean "argument not given": openai_core's ``NotGiven``/``Omit`` and,
    when the official package is loaded, its ``NotGiven``/``Omit`` (frameworks pass ``openai.omit`` and
    ``openai.NOT_GIVEN`` for every parameter they leave unset)."""
    global _sentinels
    if _sentinels is not None:
        return _sentinels
    module = official()
    if module is None:
        return _OWN_SENTINELS
    found = set(_OWN_SENTINELS)
    types_module = sys.modules.get(f"{module.__name__}._types")
    for name in ("NotGiven", "Omit"):
        cls = getattr(types_module, name, None)
        if isinstance(cls, type):
            found.add(cls)
    _sentinels = frozenset(found)
    return _sentinels


def is_sentinel(value: object) -> TypeIs[NotGiven | Omit]:
    """True for ``NOT_GIVEN`` / ``omit`` of either SDK (typed as openai_core's, which is what the
    narrowing is for: what remains is a real value)."""
    return type(value) in sentinel_types()


def resolve_type(tp: _T) -> _T:
    """The class (or union / generic alias) to parse into: ``tp`` itself, or its bridge when the official
    package is loaded. Cached per type; the miss path runs once per type and process."""
    bridged = _bridged.get(tp)
    if bridged is not None:
        return bridged  # type: ignore[no-any-return]
    if official() is None:
        return tp
    from ._models import bridge_type

    result: _T = bridge_type(tp)
    _bridged[tp] = result
    return result


_bridged: dict[Any, Any] = {}


def own_class(cls: _C) -> _C:
    """The openai_core class a bridge stands for (``cls`` itself when it is not a bridge)."""
    if cls.__dict__.get("__openai_core_bridge__"):
        return cls.__mro__[1]  # type: ignore[return-value]
    return cls


def bridged_class(cls: _C) -> _C:
    """For an exception class: the class to instantiate; for a client or stream class: what its instances
    report as ``__class__``. The bridge to the official class of the same name when the official package
    is loaded, else ``cls``."""
    bridged = _bridged.get(cls)
    if bridged is not None:
        return bridged  # type: ignore[no-any-return]
    module = official()
    if module is None:
        return cls
    from ._classes import bridge_class

    result: _C = bridge_class(cls, module)  # type: ignore[assignment]
    _bridged[cls] = result
    return result
