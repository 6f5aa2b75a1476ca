from typing import Literal

from .._models import BaseModel

__all__ = ["Embedding"]


class Embedding(BaseModel):
    # A list of floats; with ``encoding_format="base64"`` the server sends a base64 string instead.
    embedding: list[float]
    index: int
    object: Literal["embedding"]
