"""``client.images``: generate (JSON), edit and create_variation (multipart uploads)."""

from __future__ import annotations

from typing import Any, cast, overload

from typing_extensions import Unpack, deprecated

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
from .._streaming import AsyncStream
from ..types import ImageEditStreamEvent, ImageGenStreamEvent, ImagesResponse
from ..types.image_create_variation_params import ImageCreateVariationParams
from ..types.image_edit_params import (
    ImageEditParamsBase,
    ImageEditParamsNonStreaming,
    ImageEditParamsStreaming,
)
from ..types.image_generate_params import (
    ImageGenerateParamsBase,
    ImageGenerateParamsNonStreaming,
    ImageGenerateParamsStreaming,
)

__all__ = ["AsyncImages", "AsyncImagesWithRawResponse", "AsyncImagesWithStreamingResponse"]


class GenerateParams(ImageGenerateParamsNonStreaming, RequestOptionsParams, total=False):
    pass


class GenerateStreaming(ImageGenerateParamsStreaming, RequestOptionsParams, total=False):
    pass


class GenerateAny(ImageGenerateParamsBase, RequestOptionsParams, total=False):
    stream: bool | None


class EditParams(ImageEditParamsNonStreaming, RequestOptionsParams, total=False):
    pass


class EditStreaming(ImageEditParamsStreaming, RequestOptionsParams, total=False):
    pass


class EditAny(ImageEditParamsBase, RequestOptionsParams, total=False):
    stream: bool | None


class CreateVariationParams(ImageCreateVariationParams, RequestOptionsParams, total=False):
    pass


_GENERATE = ParamSpec("generate", ImageGenerateParamsBase, stream=bool | None)
_EDIT = ParamSpec("edit", ImageEditParamsBase, stream=bool | None)
# Unions (validators built once, see _models.json_parser), not classes: spelled for the checker here.
_GEN_EVENT: Any = ImageGenStreamEvent
_EDIT_EVENT: Any = ImageEditStreamEvent
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

    @overload
    async def generate(self, **params: Unpack[GenerateParams]) -> ImagesResponse: ...
    @overload
    async def generate(self, **params: Unpack[GenerateStreaming]) -> AsyncStream[ImageGenStreamEvent]: ...
    @overload
    async def generate(self, **params: Unpack[GenerateAny]) -> ImagesResponse | AsyncStream[ImageGenStreamEvent]: ...
    async def generate(self, **params: Any) -> ImagesResponse | AsyncStream[ImageGenStreamEvent]:
        """Images from a text prompt. With ``stream=True`` (GPT image models) an ``AsyncStream`` of
        ``image_generation.partial_image`` events (``partial_images`` of them, 0-3), then
        ``image_generation.completed``."""
        body, request_options = _GENERATE.split(params)
        call = options("POST", "/images/generations", request_options, body=body)
        if body.get("stream"):
            return cast("AsyncStream[ImageGenStreamEvent]", await self._pipeline.request_stream(call, _GEN_EVENT))
        return await self._pipeline.request(call, ImagesResponse)

    @overload
    async def edit(self, **params: Unpack[EditParams]) -> ImagesResponse: ...
    @overload
    async def edit(self, **params: Unpack[EditStreaming]) -> AsyncStream[ImageEditStreamEvent]: ...
    @overload
    async def edit(self, **params: Unpack[EditAny]) -> ImagesResponse | AsyncStream[ImageEditStreamEvent]: ...
    async def edit(self, **params: Any) -> ImagesResponse | AsyncStream[ImageEditStreamEvent]:
        """Edit one image or several (sent as ``image[]`` parts), optionally through a ``mask``. With
        ``stream=True``, ``image_edit.partial_image`` events then ``image_edit.completed``."""
        body, request_options = _EDIT.split(params)
        call = upload_options(
            "/images/edits", request_options, body, files=("image", "markup", "mask"), order=_EDIT_ORDER
        )
        if body.get("stream"):
            return cast("AsyncStream[ImageEditStreamEvent]", await self._pipeline.request_stream(call, _EDIT_EVENT))
        return await self._pipeline.request(call, ImagesResponse)

    # Deprecated in the official SDK (the endpoint serves dall-e-2 only); it warns the same way.
    @deprecated("deprecated")
    async def create_variation(self, **params: Unpack[CreateVariationParams]) -> ImagesResponse:
        body, request_options = _VARIATION.split(params)
        call = upload_options("/images/variations", request_options, body, files=("image",), order=_VARIATION_ORDER)
        return await self._pipeline.request(call, ImagesResponse)


# generate and edit are overloaded on `stream`: a typed view would take their first overload only and
# refuse `stream=True`, so they use the generic view (parse() typed Any), as chat.completions does.
class AsyncImagesWithRawResponse(AsyncResourceWithRawResponse):
    __slots__ = ()
    create_variation = to_raw_response(AsyncImages.create_variation)


class AsyncImagesWithStreamingResponse(AsyncResourceWithStreamingResponse):
    __slots__ = ()
    create_variation = to_streamed_response(AsyncImages.create_variation)
