"""Path parameters: checked non-empty before anything is sent, and escaped."""

from __future__ import annotations

from urllib.parse import quote

__all__ = ["path_param"]


def path_param(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value:
        raise ValueError(f"Expected a non-empty value for `{name}` but received {value!r}")
    return quote(value, safe="")
