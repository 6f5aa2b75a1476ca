"""Path parameters: checked non-empty before anything is sent, and escaped."""

from __future__ import annotations

from urllib.parse import quote

__all__ = ["path_param"]

# RFC 3986 `pchar` minus "/": characters a path segment may carry unescaped. The official SDK leaves
# exactly these unescaped (e.g. the "+" and ":" of fine-tuned model ids), so both send the same path.
_SEGMENT_SAFE = "!$&'()*+,;=:@"


def path_param(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value:
        raise ValueError(f"Expected a non-empty value for `{name}` but received {value!r}")
    if value in (".", ".."):
        # A dot segment is resolved away by URL normalisation: `jobs.cancel("..")` would POST to another
        # endpoint. The official SDK refuses it too.
        raise ValueError(f"`{name}` cannot be the dot-segment {value!r}")
    return quote(value, safe=_SEGMENT_SAFE)
