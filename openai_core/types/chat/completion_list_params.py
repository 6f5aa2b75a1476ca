from typing import Literal, TypedDict

__all__ = ["CompletionListParams"]


class CompletionListParams(TypedDict, total=False):
    after: str
    limit: int
    # Sent as `metadata[key]=value` query parameters: completions whose metadata has every pair.
    metadata: dict[str, str] | None
    model: str
    order: Literal["asc", "desc"]
