"""What the audio methods share: the response formats answered as plain text rather than JSON."""

from __future__ import annotations

__all__ = ["TEXT_FORMATS"]

TEXT_FORMATS = frozenset({"text", "srt", "vtt"})
