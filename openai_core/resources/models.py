"""``client.models``."""

from __future__ import annotations

from typing_extensions import Unpack

from .._resource import AsyncAPIResource, RequestOptionsParams, options
from ..pagination import AsyncPage, AsyncPaginator
from ..types import Model, ModelDeleted
from ._paths import path_param

__all__ = ["AsyncModels"]


class AsyncModels(AsyncAPIResource):
    __slots__ = ()

    async def retrieve(self, model: str, **request_options: Unpack[RequestOptionsParams]) -> Model:
        """A model's id, owner and creation time."""
        call = options("GET", f"/models/{path_param('model', model)}", request_options)
        return await self._pipeline.request(call, Model)

    def list(self, **request_options: Unpack[RequestOptionsParams]) -> AsyncPaginator[Model, AsyncPage[Model]]:
        """Every model available (one page)."""
        return AsyncPaginator(self._pipeline, options("GET", "/models", request_options), AsyncPage[Model])

    async def delete(self, model: str, **request_options: Unpack[RequestOptionsParams]) -> ModelDeleted:
        """Delete a fine-tuned model you own."""
        call = options("DELETE", f"/models/{path_param('model', model)}", request_options)
        return await self._pipeline.request(call, ModelDeleted)
