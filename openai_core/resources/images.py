"""``client.images``: generate (JSON), edit and create_variation (multipart uploads)."""

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
    upload_options,
)
from ..types import ImagesResponse
from ..types.image_create_variation_params import ImageCreateVariationParams
from ..types.image_edit_params import ImageEditParamsNonStreaming
from ..types.image_generate_params import ImageGenerateParamsNonStreaming
from ._formats import refuse_stream

__all__ = ["AsyncImages", "AsyncImagesWithRawResponse", "AsyncImagesWithStreamingResponse"]


class GenerateParams(ImageGenerateParamsNonStreaming, RequestOptionsParams, total=False):
    pass


class EditParams(ImageEditParamsNonStreaming, RequestOptionsParams, total=False):
    pass


class CreateVariationParams(ImageCreateVariationParams, RequestOptionsParams, total=False):
    pass


_GENERATE = ParamSpec("generate", ImageGenerateParamsNonStreaming)
_EDIT = ParamSpec("edit", ImageEditParamsNonStreaming)
_VARIATION = ParamSpec("create_variation", ImageCreateVariationParams)
_EDIT_ORDER = tuple(ImageEditParamsNonStreaming.__annotations__)
_VARIATION_ORDER = tuple(ImageCreateVariationParams.__annotations__)


class AsyncImages(AsyncAPIResource):
    __slots__ = ()

    @property
    def with_raw_response(self) -> AsyncImagesWithRawResponse:
        return AsyncImagesWithRawResponse(self)

    @property
    def with_streaming_response(self) -> AsyncImagesWithStreamingResponse:
        return AsyncImagesWithStreamingResponse(self)

    async def generate(self, **params: Unpack[GenerateParams]) -> ImagesResponse:
        """Images from a text prompt."""
        body, request_options = _GENERATE.split(params)
        refuse_stream(body, "images.generate")
        call = options("POST", "/images/generations", request_options, body=body)
        return await self._pipeline.request(call, ImagesResponse)

    async def edit(self, **params: Unpack[EditParams]) -> ImagesResponse:
        """Edit one image or several (sent as ``image[]`` parts), optionally through a ``mask``."""
        body, request_options = _EDIT.split(params)
        refuse_stream(body, "images.edit")
        call = upload_options(
            "/images/edits", request_options, body, files=("image", "markup", "mask"), order=_EDIT_ORDER
        )
        return await self._pipeline.request(call, ImagesResponse)

    async def create_variation(self, **params: Unpack[CreateVariationParams]) -> ImagesResponse:
        body, request_options = _VARIATION.split(params)
        call = upload_options("/images/variations", request_options, body, files=("image",), order=_VARIATION_ORDER)
        return await self._pipeline.request(call, ImagesResponse)


class AsyncImagesWithRawResponse(AsyncResourceWithRawResponse):
    __slots__ = ()
    generate = to_raw_response(AsyncImages.generate)
    edit = to_raw_response(AsyncImages.edit)
    create_variation = to_raw_response(AsyncImages.create_variation)


class AsyncImagesWithStreamingResponse(AsyncResourceWithStreamingResponse):
    __slots__ = ()
    generate = to_streamed_response(AsyncImages.generate)
    edit = to_streamed_response(AsyncImages.edit)
    create_variation = to_streamed_response(AsyncImages.create_variation)
