"""``client.audio.speech``: text to spoken audio, as bytes."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._binary import HttpxBinaryResponseContent
from ..._params import ParamSpec
from ..._resource import (
    AsyncAPIResource,
    AsyncResourceWithRawResponse,
    AsyncResourceWithStreamingResponse,
    RequestOptionsParams,
    options,
    to_custom_streamed_response,
    to_raw_response,
)
from ..._response import AsyncStreamedBinaryAPIResponse
from ...types.audio.speech_create_params import SpeechCreateParams

__all__ = ["AsyncSpeech", "AsyncSpeechWithRawResponse", "AsyncSpeechWithStreamingResponse"]


class CreateParams(SpeechCreateParams, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", SpeechCreateParams)


class AsyncSpeech(AsyncAPIResource):
    __slots__ = ()

    @property
    def with_raw_response(self) -> AsyncSpeechWithRawResponse:
        return AsyncSpeechWithRawResponse(self)

    @property
    def with_streaming_response(self) -> AsyncSpeechWithStreamingResponse:
        return AsyncSpeechWithStreamingResponse(self)

    async def create(self, **params: Unpack[CreateParams]) -> HttpxBinaryResponseContent:
        """The audio, read whole. To write it to disk as it arrives:
        ``async with client.audio.speech.with_streaming_response.create(...) as r:
        await r.stream_to_file(path)``."""
        body, request_options = _CREATE.split(params)
        call = options("POST", "/audio/speech", request_options, body=body)
        call.accept = "application/octet-stream"
        response = await self._pipeline.request_bytes(call, read=True)
        return HttpxBinaryResponseContent(await response.aread(), response)


class AsyncSpeechWithRawResponse(AsyncResourceWithRawResponse):
    __slots__ = ()
    create = to_raw_response(AsyncSpeech.create)


class AsyncSpeechWithStreamingResponse(AsyncResourceWithStreamingResponse):
    __slots__ = ()
    create = to_custom_streamed_response(AsyncSpeech.create, AsyncStreamedBinaryAPIResponse)
