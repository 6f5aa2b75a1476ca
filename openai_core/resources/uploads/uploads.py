"""``client.uploads``: a file of up to 8 GB sent in parts: ``create`` an upload, add ``parts``, then
``complete`` it into a File (or ``cancel`` it). ``upload_file_chunked`` does all three."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

import anyio
from typing_extensions import Unpack

from ..._params import ParamSpec
from ..._resource import AsyncAPIResource, RequestOptionsParams, options
from ..._types import NOT_GIVEN, NotGiven
from ...types.file_purpose import FilePurpose
from ...types.upload import Upload
from ...types.upload_complete_params import UploadCompleteParams
from ...types.upload_create_params import UploadCreateParams
from .._paths import path_param
from .parts import AsyncParts

__all__ = ["DEFAULT_PART_SIZE", "AsyncUploads"]

DEFAULT_PART_SIZE = 64 * 1024 * 1024  # the API's largest part


class CreateParams(UploadCreateParams, RequestOptionsParams, total=False):
    pass


class CompleteParams(UploadCompleteParams, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", UploadCreateParams)
_COMPLETE = ParamSpec("complete", UploadCompleteParams)


def _path(upload_id: str, suffix: str) -> str:
    return f"/uploads/{path_param('upload_id', upload_id)}{suffix}"


class AsyncUploads(AsyncAPIResource):
    __slots__ = ("__dict__",)
    _helpers = frozenset({"upload_file_chunked"})  # create + every part + complete

    @cached_property
    def parts(self) -> AsyncParts:
        return AsyncParts(self._client)

    async def create(self, **params: Unpack[CreateParams]) -> Upload:
        """Start an upload of ``bytes`` bytes; it accepts parts for an hour."""
        body, request_options = _CREATE.split(params)
        return await self._pipeline.request(options("POST", "/uploads", request_options, body=body), Upload)

    async def cancel(self, upload_id: str, **request_options: Unpack[RequestOptionsParams]) -> Upload:
        return await self._pipeline.request(options("POST", _path(upload_id, "/cancel"), request_options), Upload)

    async def complete(self, upload_id: str, **params: Unpack[CompleteParams]) -> Upload:
        """Join the parts, in ``part_ids`` order, into a File (``upload.file``)."""
        body, request_options = _COMPLETE.split(params)
        call = options("POST", _path(upload_id, "/complete"), request_options, body=body)
        return await self._pipeline.request(call, Upload)

    async def upload_file_chunked(
        self,
        *,
        file: os.PathLike[str] | bytes,
        mime_type: str,
        purpose: FilePurpose,
        filename: str | None = None,
        bytes: int | None = None,
        part_size: int | None = None,
        md5: str | NotGiven = NOT_GIVEN,
    ) -> Upload:
        """Upload ``file`` (a path, read a part at a time, or bytes) in parts of ``part_size`` (64 MB by
        default), one after the other, then complete the upload. A failed part raises after the
        pipeline's retries; the upload is left pending (``cancel`` it, or it expires in an hour)."""
        size = part_size or DEFAULT_PART_SIZE
        if isinstance(file, os.PathLike):
            path: Path | None = Path(file)
            filename = filename or Path(file).name
            total = bytes if bytes is not None else os.path.getsize(file)  # noqa: ASYNC240 (one stat)
        elif filename is None or bytes is None:
            raise TypeError("upload_file_chunked(file=<bytes>) needs filename= and bytes=")
        else:
            path, total = None, bytes
        upload = await self.create(bytes=total, filename=filename, mime_type=mime_type, purpose=purpose)
        part_ids: list[str] = []
        if path is None:
            data = memoryview(file)  # type: ignore[arg-type]
            for start in range(0, len(data), size):
                part = await self.parts.create(upload.id, data=data[start:start + size].tobytes())
                part_ids.append(part.id)
        else:
            async with await anyio.open_file(path, "rb") as handle:  # unasync: async-only
            # unasync: sync-only: with open(path, "rb") as handle:
                while chunk := await handle.read(size):
                    part_ids.append((await self.parts.create(upload.id, data=chunk)).id)
        if isinstance(md5, NotGiven):
            return await self.complete(upload.id, part_ids=part_ids)
        return await self.complete(upload.id, part_ids=part_ids, md5=md5)
