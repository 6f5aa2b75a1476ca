from collections.abc import Iterable
from typing import TypedDict

from ..responses.response_input_item_param import ResponseInputItemParam

__all__ = ["ConversationCreateParams"]


class ConversationCreateParams(TypedDict, total=False):
    items: Iterable[ResponseInputItemParam] | None
    """Up to 20 items to start the conversation with."""
    metadata: dict[str, str] | None
