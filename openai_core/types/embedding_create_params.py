from collections.abc import Iterable, Sequence
from typing import Literal, Required, TypedDict

from .embedding_model import EmbeddingModel

__all__ = ["EmbeddingCreateParams"]


class EmbeddingCreateParams(TypedDict, total=False):
    # A string, a list of strings, a list of token ids, or a list of token-id lists.
    input: Required[str | Sequence[str] | Iterable[int] | Iterable[Iterable[int]]]
    model: Required[str | EmbeddingModel]
    dimensions: int
    encoding_format: Literal["float", "base64"]
    user: str
