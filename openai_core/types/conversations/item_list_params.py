from typing import Literal, TypedDict

from ..responses.response_includable import ResponseIncludable

__all__ = ["ItemListParams"]


class ItemListParams(TypedDict, total=False):
    after: str
    include: list[ResponseIncludable]
    limit: int
    order: Literal["asc", "desc"]
    """The API's default is ``desc`` (newest first)."""
