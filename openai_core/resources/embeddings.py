"""``client.embeddings``."""

from __future__ import annotations

import array
import base64
import sys

from typing_extensions import Unpack

from .._params import ParamSpec
from .._resource import AsyncAPIResource, RequestOptionsParams, options
from ..types import CreateEmbeddingResponse
from ..types.embedding_create_params import EmbeddingCreateParams

__all__ = ["AsyncEmbeddings"]


class CreateParams(EmbeddingCreateParams, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", EmbeddingCreateParams)


def decode_base64_embedding(data: str) -> list[float]:
    """Little-endian float32s, as the API encodes them, to floats."""
    values = array.array("f", base64.b64decode(data))
    if sys.byteorder != "little":
        values.byteswap()
    return values.tolist()


class AsyncEmbeddings(AsyncAPIResource):
    __slots__ = ()

    async def create(self, **params: Unpack[CreateParams]) -> CreateEmbeddingResponse:
        """Embedding vectors for the input text(s) or token arrays.

        Like the official SDK, when ``encoding_format`` is not given the vectors travel as base64 (about
        a quarter of the bytes of a JSON float list) and are decoded to floats here; pass
        ``encoding_format="float"`` or ``"base64"`` to choose the wire format (with "base64" you get
        the strings)."""
        body, request_options = _CREATE.split(params)
        decode = "encoding_format" not in body
        if decode:
            body["encoding_format"] = "base64"
        call = options("POST", "/embeddings", request_options, body=body)
        response = await self._pipeline.request(call, CreateEmbeddingResponse)
        if decode:
            for item in response.data:
                if isinstance(item.embedding, str):
                    item.embedding = decode_base64_embedding(item.embedding)
        return response
