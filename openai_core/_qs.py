"""Query strings as the OpenAI API expects them: ``a[]=1&a[]=2`` for lists and ``a[b]=1`` for nested
objects (the official SDK's "brackets" format); booleans as ``true``/``false``; None dropped."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

__all__ = ["flatten_query"]


def _scalar(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _items(key: str, value: object) -> Iterator[tuple[str, str]]:
    if value is None:
        return
    if isinstance(value, Mapping):
        for sub_key, sub_value in value.items():
            yield from _items(f"{key}[{sub_key}]", sub_value)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _items(f"{key}[]", item)
    else:
        yield key, _scalar(value)


def flatten_query(*queries: Mapping[str, object] | None) -> list[tuple[str, str]]:
    """Merge query mappings left to right (a later key replaces an earlier one) and flatten them."""
    merged: dict[str, object] = {}
    for query in queries:
        if query:
            merged.update(query)
    pairs: list[tuple[str, str]] = []
    for key, value in merged.items():
        pairs.extend(_items(key, value))
    return pairs
