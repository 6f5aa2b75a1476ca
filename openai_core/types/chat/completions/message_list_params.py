from typing import Literal, TypedDict

__all__ = ["MessageListParams"]


class MessageListParams(TypedDict, total=False):
    after: str
    limit: int
    order: Literal["asc", "desc"]
