from collections.abc import Iterable
from typing import Required, TypedDict

from ..responses.response_includable import ResponseIncludable
from ..responses.response_input_item_param import ResponseInputItemParam

__all__ = ["ItemCreateParams"]


class ItemCreateParams(TypedDict, total=False):
    items: Required[Iterable[ResponseInputItemParam]]
    include: list[ResponseIncludable]
    """Sent in the query string (``include[]=...``), as the API takes it."""
