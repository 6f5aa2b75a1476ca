from typing import Literal, TypeAlias

__all__ = ["ReasoningEffort"]

# The documented values, open to others for servers that accept more.
ReasoningEffort: TypeAlias = Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"] | str | None
