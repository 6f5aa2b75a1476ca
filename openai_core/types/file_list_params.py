from typing import Literal, TypedDict

__all__ = ["FileListParams"]


class FileListParams(TypedDict, total=False):
    after: str
    limit: int
    order: Literal["asc", "desc"]
    purpose: str
