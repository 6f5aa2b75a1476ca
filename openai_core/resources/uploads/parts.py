"""``client.uploads.parts``: add one part (up to 64 MB) to an upload."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._params import ParamSpec
from ..._resource import AsyncAPIResource, RequestOptionsParams, upload_options
from ...types.uploads.part_create_params import PartCreateParams
from ...types.uploads.upload_part import UploadPart
from .._paths import path_param

__all__ = ["AsyncParts"]


class CreateParams(PartCreateParams, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", PartCreateParams)


class AsyncParts(AsyncAPIResource):
    __slots__ = ()

    async def create(self, upload_id: str, **params: Unpack[CreateParams]) -> UploadPart:
        """Send ``data`` as one part (multipart, field ``data``); parts may be sent concurrently."""
        body, request_options = _CREATE.split(params)
        call = upload_options(f"/uploads/{path_param('upload_id', upload_id)}/parts", request_options, body,
                              files=("data",))
        return await self._pipeline.request(call, UploadPart)
