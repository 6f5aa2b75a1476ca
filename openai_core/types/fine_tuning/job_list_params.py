from typing import TypedDict

__all__ = ["JobListParams"]


class JobListParams(TypedDict, total=False):
    after: str
    limit: int
    metadata: dict[str, str] | None
