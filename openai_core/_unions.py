"""Discriminated unions of response models that stay open to new members.

The API adds event and item types over time. A stream or a response must not fail on the first type it
does not know, and type checkers must still narrow ``if event.type == "..."``: so the static alias stays
the plain union of known models, and at run time :func:`open_union` turns it into a validator that
routes an unknown ``type`` to a fallback model instead of failing.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any, Literal, Union

import pydantic
from pydantic import Discriminator, Tag

__all__ = ["member_tag", "open_union"]

_UNION_ORIGINS: tuple[object, ...] = (Union, types.UnionType)


def _strip_annotated(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = tp.__origin__
    return tp


def open_union(
    union: Any, fallback: type[pydantic.BaseModel], *, tag_of: Callable[[Any], object] | None = None
) -> Any:
    """``union`` (of models told apart by a ``Literal`` ``type`` field) discriminated on ``type``, where a
    value of a type no member declares becomes ``fallback`` instead of failing validation. ``tag_of``
    replaces the lookup of ``type`` where one value of it names two members (it returns the member's tag,
    see :func:`member_tag`, or None to fall back to ``type``)."""
    members = typing.get_args(_strip_annotated(union))
    tags: dict[object, str] = {}
    tagged = []
    for member in members:
        tag = member_tag(member)
        tags.update((value, tag) for value in _literal_values(member.model_fields["type"].annotation))
        tagged.append(typing.Annotated[member, Tag(tag)])
    tagged.append(typing.Annotated[fallback, Tag("")])

    def discriminate(value: Any) -> object:
        if tag_of is not None:
            found = tag_of(value)
            if found is not None:
                return found
        kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
        return tags.get(kind, "")

    return typing.Annotated[Union[tuple(tagged)], Discriminator(discriminate)]  # noqa: UP007


def _literal_values(annotation: Any) -> list[object]:
    """The values a ``Literal`` (possibly inside a union, such as ``Literal["message"] | None``) allows."""
    if typing.get_origin(annotation) is Literal:
        return list(typing.get_args(annotation))
    if typing.get_origin(annotation) in _UNION_ORIGINS:
        return [value for arg in typing.get_args(annotation) for value in _literal_values(arg)]
    return []


def member_tag(member: type[pydantic.BaseModel]) -> str:
    """The tag :func:`open_union` gives a member: its class name."""
    return member.__name__
