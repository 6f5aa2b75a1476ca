"""Bridges of plain classes: exceptions, and the client and stream classes.

``class RateLimitError(openai_core.RateLimitError, openai.RateLimitError)``: the MRO puts openai_core's
whole tree first, then the official one, so ``except`` clauses of either SDK catch it, and openai_core's
constructors run (they set every attribute the official classes declare — ``message``, ``body``, ``code``,
``param``, ``type``, ``status_code``, ``response``, ``request_id`` — and never call the official
constructors, which expect an httpx response).

Exceptions are instantiated as their bridge (``except`` matches on the real type). Clients and streams
are not: an instance of a real subclass of ``openai.AsyncOpenAI`` would inherit every official method
openai_core does not define and fail inside it. They keep their own type and report the bridge as their
``__class__``, which is what ``isinstance`` consults when the real type does not match (the idiom of
``unittest.mock``'s ``spec``): ``isinstance(client, openai.AsyncOpenAI)`` holds, behaviour stays ours.
"""

from __future__ import annotations

from types import ModuleType

__all__ = ["bridge_class"]

BRIDGE = "__openai_core_bridge__"


def bridge_class(cls: type, official: ModuleType) -> type:
    """The bridge of ``cls`` with the official class of the same name, or ``cls`` when there is none."""
    if cls.__dict__.get(BRIDGE):
        return cls
    counterpart = _counterpart(cls, official)
    if counterpart is None:
        return cls
    namespace = {"__module__": cls.__module__, "__qualname__": cls.__qualname__, BRIDGE: True}
    try:
        return type(cls.__name__, (cls, counterpart), namespace)
    except TypeError:  # no consistent MRO or layout (a user class mixing in something odd): stay as is
        return cls


def _counterpart(cls: type, official: ModuleType) -> type | None:
    """The official package's public class named like ``cls`` or, for a subclass the official SDK does not
    have (a user's, or one of openai_core's own), like its nearest openai_core ancestor."""
    is_error = issubclass(cls, BaseException)
    for ancestor in cls.__mro__:
        if not ancestor.__module__.startswith("openai_core"):
            continue
        candidate: object = getattr(official, ancestor.__name__, None)
        if isinstance(candidate, type) and issubclass(candidate, BaseException) == is_error:
            return candidate
    return None
