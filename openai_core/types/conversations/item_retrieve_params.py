from typing import Required, TypedDict

from ..responses.response_includable import ResponseIncludable

__all__ = ["ItemRetrieveParams"]


class ItemRetrieveParams(TypedDict, total=False):
    conversation_id: Required[str]
    include: list[ResponseIncludable]
