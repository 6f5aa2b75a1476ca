from typing import Required, TypedDict

__all__ = ["CompletionUpdateParams"]


class CompletionUpdateParams(TypedDict, total=False):
    metadata: Required[dict[str, str] | None]
