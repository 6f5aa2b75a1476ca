"""The official SDK's resource tree, and the "not covered" list of ``docs/compatibility.md``: what the
completeness check (``tests/test_wire.py::test_every_official_method_is_covered_or_listed``) compares."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
from openai._resource import AsyncAPIResource

__all__ = ["COMPATIBILITY", "not_covered", "official_methods"]

COMPATIBILITY = Path(__file__).resolve().parents[1] / "docs" / "compatibility.md"
_SECTION = "## Not covered"


def official_methods() -> set[str]:
    """Every method of ``openai.AsyncOpenAI``'s resource tree, dotted (helpers included)."""
    client = openai.AsyncOpenAI(api_key="sk-none", base_url="http://127.0.0.1:9/v1")

    def walk(obj: Any, prefix: str) -> Iterator[str]:
        for name in dir(type(obj)):
            if name.startswith("_") or name in ("with_raw_response", "with_streaming_response"):
                continue
            value = getattr(obj, name)
            if isinstance(value, AsyncAPIResource):
                yield from walk(value, f"{prefix}{name}.")
            elif isinstance(obj, AsyncAPIResource) and callable(value):
                yield f"{prefix}{name}"

    return set(walk(client, ""))


def not_covered() -> dict[str, str]:
    """The patterns (``admin.*``, ``live.connect``) of the docs' "Not covered" table, with their reason."""
    text = COMPATIBILITY.read_text()
    section = text.split(_SECTION, 1)[1].split("\n## ", 1)[0]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        match = re.match(r"\|\s*`([^`]+)`\s*\|\s*(\d+)\s*\|\s*(.+?)\s*\|\s*$", line)
        if match:
            rows[match.group(1)] = match.group(3)
    return rows


def matches(pattern: str, method: str) -> bool:
    return fnmatch.fnmatchcase(method, pattern)
