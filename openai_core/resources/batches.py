"""``client.batches``: create, retrieve, list, cancel."""

from __future__ import annotations

from typing_extensions import Unpack

from .._params import ParamSpec
from .._resource import (
    AsyncAPIResource,
    AsyncResourceWithRawResponse,
    AsyncResourceWithStreamingResponse,
    RequestOptionsParams,
    options,
    to_raw_response,
    to_streamed_response,
)
from ..pagination import AsyncCursorPage, AsyncPaginator
from ..types import Batch
from ..types.batch_create_params import BatchCreateParams
from ..types.batch_list_params import BatchListParams
from ._paths import path_param

__all__ = ["AsyncBatches", "AsyncBatchesWithRawResponse", "AsyncBatchesWithStreamingResponse"]


class CreateParams(BatchCreateParams, RequestOptionsParams, total=False):
    pass


class ListParams(BatchListParams, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", BatchCreateParams)
_LIST = ParamSpec("list", BatchListParams)


def _batch_path(batch_id: str, suffix: str = "") -> str:
    return f"/batches/{path_param('batch_id', batch_id)}{suffix}"


class AsyncBatches(AsyncAPIResource):
    __slots__ = ()

    @property
    def with_raw_response(self) -> AsyncBatchesWithRawResponse:
        return AsyncBatchesWithRawResponse(self)

    @property
    def with_streaming_response(self) -> AsyncBatchesWithStreamingResponse:
        return AsyncBatchesWithStreamingResponse(self)

    async def create(self, **params: Unpack[CreateParams]) -> Batch:
        """Start a batch over the requests in an uploaded ``.jsonl`` file (purpose ``batch``)."""
        body, request_options = _CREATE.split(params)
        return await self._pipeline.request(options("POST", "/batches", request_options, body=body), Batch)

    async def retrieve(self, batch_id: str, **request_options: Unpack[RequestOptionsParams]) -> Batch:
        return await self._pipeline.request(options("GET", _batch_path(batch_id), request_options), Batch)

    def list(self, **params: Unpack[ListParams]) -> AsyncPaginator[Batch, AsyncCursorPage[Batch]]:
        """Your batches, newest first, a cursor page at a time."""
        query, request_options = _LIST.split(params)
        call = options("GET", "/batches", request_options, query=query)
        return AsyncPaginator(self._pipeline, call, AsyncCursorPage[Batch])

    async def cancel(self, batch_id: str, **request_options: Unpack[RequestOptionsParams]) -> Batch:
        """Ask for a batch to stop; it is ``cancelling`` until the requests in flight finish."""
        return await self._pipeline.request(options("POST", _batch_path(batch_id, "/cancel"), request_options), Batch)


class AsyncBatchesWithRawResponse(AsyncResourceWithRawResponse):
    __slots__ = ()
    create = to_raw_response(AsyncBatches.create)
    retrieve = to_raw_response(AsyncBatches.retrieve)
    list = to_raw_response(AsyncBatches.list)
    cancel = to_raw_response(AsyncBatches.cancel)


class AsyncBatchesWithStreamingResponse(AsyncResourceWithStreamingResponse):
    __slots__ = ()
    create = to_streamed_response(AsyncBatches.create)
    retrieve = to_streamed_response(AsyncBatches.retrieve)
    list = to_streamed_response(AsyncBatches.list)
    cancel = to_streamed_response(AsyncBatches.cancel)
