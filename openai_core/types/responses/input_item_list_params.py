from typing import Literal, TypedDict

from .response_includable import ResponseIncludable

__all__ = ["InputItemListParams"]


class InputItemListParams(TypedDict, total=False):
    after: str
    """The id of the item after which the page starts (the cursor; ``list()`` pages follow it for you)."""
    include: list[ResponseIncludable]
    limit: int
    order: Literal["asc", "desc"]
