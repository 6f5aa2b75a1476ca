"""Exception bridges: an openai_core error that is also the official SDK's error of the same name.

``class RateLimitError(openai_core.RateLimitError, openai.RateLimitError)``: the MRO puts openai_core's
whole tree first, then the official one, so ``except`` clauses of either SDK catch it, and openai_core's
constructors run (they set every attribute the official classes declare — ``message``, ``body``, ``code``,
``param``, ``type``, ``status_code``, ``response``, ``request_id`` — and never call the official
constructors, which expect an httpx response).
"""

from __future__ import annotations

from types import ModuleType

__all__ = ["bridge_error"]


def bridge_error(cls: type[BaseException], official: ModuleType) -> type[BaseException]:
    """The bridge class of ``cls``, or ``cls`` itself when the official SDK has no counterpart."""
    if cls.__dict__.get("_openai_core_bridge"):
        return cls
    counterpart = _counterpart(cls, official)
    if counterpart is None:
        return cls
    namespace = {"__module__": cls.__module__, "__qualname__": cls.__qualname__, "_openai_core_bridge": True}
    try:
        return type(cls.__name__, (cls, counterpart), namespace)
    except TypeError:  # no consistent MRO (a user class mixing in something odd): stay as is
        return cls


def _counterpart(cls: type[BaseException], official: ModuleType) -> type[BaseException] | None:
    """The official class named like ``cls`` or, for a class of our own tree the official SDK lacks, like
    its nearest openai_core ancestor."""
    root = getattr(official, "OpenAIError", None)
    if not isinstance(root, type):
        return None
    for ancestor in cls.__mro__:
        if not ancestor.__module__.startswith("openai_core"):
            continue
        candidate = getattr(official, ancestor.__name__, None)
        if isinstance(candidate, type) and issubclass(candidate, BaseException) and issubclass(candidate, root):
            return candidate
    return None
