"""``client.files``: upload (multipart), retrieve, list, delete, download."""

from __future__ import annotations

import time

import anyio
from typing_extensions import Unpack, deprecated

from .._binary import HttpxBinaryResponseContent
from .._params import ParamSpec
from .._resource import (
    AsyncAPIResource,
    AsyncResourceWithRawResponse,
    AsyncResourceWithStreamingResponse,
    RequestOptionsParams,
    options,
    to_custom_streamed_response,
    to_raw_response,
    to_streamed_response,
    upload_options,
)
from .._response import AsyncStreamedBinaryAPIResponse
from ..pagination import AsyncCursorPage, AsyncPaginator
from ..types import FileDeleted, FileObject
from ..types.file_create_params import FileCreateParams
from ..types.file_list_params import FileListParams
from ._paths import path_param

__all__ = ["AsyncFiles", "AsyncFilesWithRawResponse", "AsyncFilesWithStreamingResponse"]


class CreateParams(FileCreateParams, RequestOptionsParams, total=False):
    pass


class ListParams(FileListParams, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", FileCreateParams)
_LIST = ParamSpec("list", FileListParams)
_CREATE_ORDER = tuple(FileCreateParams.__annotations__)


_TERMINAL = frozenset({"processed", "error", "deleted"})


def _file_path(file_id: str, suffix: str = "") -> str:
    return f"/files/{path_param('file_id', file_id)}{suffix}"


class AsyncFiles(AsyncAPIResource):
    __slots__ = ()
    _helpers = frozenset({"wait_for_processing"})

    @property
    def with_raw_response(self) -> AsyncFilesWithRawResponse:
        return AsyncFilesWithRawResponse(self)

    @property
    def with_streaming_response(self) -> AsyncFilesWithStreamingResponse:
        return AsyncFilesWithStreamingResponse(self)

    async def create(self, **params: Unpack[CreateParams]) -> FileObject:
        """Upload a file (a path, bytes, a binary file object or a ``(filename, content[, content_type])``
        tuple). Large files are streamed from disk, not read into memory (see ``openai_core._files``)."""
        body, request_options = _CREATE.split(params)
        call = upload_options("/files", request_options, body, files=("file",), order=_CREATE_ORDER)
        return await self._pipeline.request(call, FileObject)

    async def retrieve(self, file_id: str, **request_options: Unpack[RequestOptionsParams]) -> FileObject:
        return await self._pipeline.request(options("GET", _file_path(file_id), request_options), FileObject)

    def list(self, **params: Unpack[ListParams]) -> AsyncPaginator[FileObject, AsyncCursorPage[FileObject]]:
        """Your files, a cursor page at a time."""
        query, request_options = _LIST.split(params)
        call = options("GET", "/files", request_options, query=query)
        return AsyncPaginator(self._pipeline, call, AsyncCursorPage[FileObject])

    async def delete(self, file_id: str, **request_options: Unpack[RequestOptionsParams]) -> FileDeleted:
        return await self._pipeline.request(options("DELETE", _file_path(file_id), request_options), FileDeleted)

    @deprecated("The `.content()` method should be used instead")
    async def retrieve_content(self, file_id: str, **request_options: Unpack[RequestOptionsParams]) -> str:
        """The file's content as text (deprecated in the API, kept for code that calls it)."""
        response = await self._pipeline.request_bytes(
            options("GET", _file_path(file_id, "/content"), request_options), read=True
        )
        await response.aread()
        return response.text

    async def wait_for_processing(
        self, id: str, *, poll_interval: float = 5.0, max_wait_seconds: float = 30 * 60
    ) -> FileObject:
        """Retrieve the file every ``poll_interval`` seconds until it is ``processed``, ``error`` or
        ``deleted``; ``RuntimeError`` after ``max_wait_seconds``. The sleep is anyio's (trio works)."""
        deadline = time.monotonic() + max_wait_seconds
        file = await self.retrieve(id)
        while file.status not in _TERMINAL:
            if time.monotonic() >= deadline:
                raise RuntimeError(
                    f"Giving up on waiting for file {id} to finish processing after {max_wait_seconds} seconds."
                )
            await anyio.sleep(poll_interval)
            file = await self.retrieve(id)
        return file

    async def content(
        self, file_id: str, **request_options: Unpack[RequestOptionsParams]
    ) -> HttpxBinaryResponseContent:
        """The file's bytes, read whole. To stream them to disk instead:
        ``async with client.files.with_streaming_response.content(id) as r: await r.stream_to_file(path)``."""
        call = options("GET", _file_path(file_id, "/content"), request_options)
        call.accept = "application/binary"
        response = await self._pipeline.request_bytes(call, read=True)
        return HttpxBinaryResponseContent(await response.aread(), response)


class AsyncFilesWithRawResponse(AsyncResourceWithRawResponse):
    __slots__ = ()
    create = to_raw_response(AsyncFiles.create)
    retrieve = to_raw_response(AsyncFiles.retrieve)
    list = to_raw_response(AsyncFiles.list)
    delete = to_raw_response(AsyncFiles.delete)
    content = to_raw_response(AsyncFiles.content)


class AsyncFilesWithStreamingResponse(AsyncResourceWithStreamingResponse):
    __slots__ = ()
    create = to_streamed_response(AsyncFiles.create)
    retrieve = to_streamed_response(AsyncFiles.retrieve)
    list = to_streamed_response(AsyncFiles.list)
    delete = to_streamed_response(AsyncFiles.delete)
    content = to_custom_streamed_response(AsyncFiles.content, AsyncStreamedBinaryAPIResponse)
