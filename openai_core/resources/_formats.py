"""What the audio and image methods share: the plain-text response formats, and the refusal of the
streaming they do not offer yet."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["TEXT_FORMATS", "refuse_stream"]

# Response formats answered as plain text rather than JSON.
TEXT_FORMATS = frozenset({"text", "srt", "vtt"})


def refuse_stream(body: Mapping[str, object], method: str) -> None:
    """``stream=True`` (server-sent events) is not implemented for this method: say so before sending
    rather than fail on a body it cannot parse."""
    if body.get("stream"):
        raise TypeError(f"{method}(stream=True) is not supported by openai_core yet; omit `stream`")
