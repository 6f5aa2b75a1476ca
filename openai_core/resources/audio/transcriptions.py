"""``client.audio.transcriptions``: audio (a multipart upload) to text in its language."""

from __future__ import annotations

from typing import Any, Literal, Required, cast, overload

from typing_extensions import Unpack

from ..._params import ParamSpec
from ..._resource import AsyncAPIResource, RequestOptionsParams, upload_options
from ..._streaming import AsyncStream
from ...types.audio import (
    Transcription,
    TranscriptionDiarized,
    TranscriptionStreamEvent,
    TranscriptionVerbose,
)
from ...types.audio.transcription_create_params import (
    TranscriptionCreateParamsBase,
    TranscriptionCreateParamsStreaming,
    TranscriptionFields,
)
from .._formats import TEXT_FORMATS

__all__ = ["AsyncTranscriptions"]


class _Common(TranscriptionFields, RequestOptionsParams, total=False):
    stream: Literal[False] | None


class CreateJson(_Common, total=False):
    response_format: Literal["json"]


class CreateVerbose(_Common, total=False):
    response_format: Required[Literal["verbose_json"]]


class CreateDiarized(_Common, total=False):
    response_format: Required[Literal["diarized_json"]]


class CreateText(_Common, total=False):
    response_format: Required[Literal["text", "srt", "vtt"]]


class CreateStreaming(TranscriptionCreateParamsStreaming, RequestOptionsParams, total=False):
    pass


class CreateAny(TranscriptionCreateParamsBase, RequestOptionsParams, total=False):
    stream: bool | None


_CREATE = ParamSpec("create", TranscriptionCreateParamsBase, stream=bool | None)
# A union (a validator built once, see _models.json_parser), not a class: spelled for the checker here.
_EVENT: Any = TranscriptionStreamEvent
# The official SDK's field order (response_format sits between prompt and temperature).
_ORDER = ("file", "model", "chunking_strategy", "include", "keywords", "known_speaker_names",
          "known_speaker_references", "language", "languages", "prompt", "response_format", "stream",
          "temperature", "timestamp_granularities")
_MODELS: dict[str, type[Transcription | TranscriptionVerbose | TranscriptionDiarized]] = {
    "verbose_json": TranscriptionVerbose,
    "diarized_json": TranscriptionDiarized,
}


class AsyncTranscriptions(AsyncAPIResource):
    # No typed with_raw_response view: `create` is overloaded on response_format, and a typed view
    # would take the first overload only (mypy), refusing response_format="text". The generic view
    # serves it, with parse() typed Any.
    __slots__ = ()

    @overload
    async def create(self, **params: Unpack[CreateJson]) -> Transcription: ...
    @overload
    async def create(self, **params: Unpack[CreateVerbose]) -> TranscriptionVerbose: ...
    @overload
    async def create(self, **params: Unpack[CreateDiarized]) -> TranscriptionDiarized: ...
    @overload
    async def create(self, **params: Unpack[CreateText]) -> str: ...
    @overload
    async def create(self, **params: Unpack[CreateStreaming]) -> AsyncStream[TranscriptionStreamEvent]: ...
    @overload
    async def create(
        self, **params: Unpack[CreateAny]
    ) -> Transcription | TranscriptionVerbose | TranscriptionDiarized | str | AsyncStream[TranscriptionStreamEvent]: ...
    async def create(
        self, **params: Any
    ) -> Transcription | TranscriptionVerbose | TranscriptionDiarized | str | AsyncStream[TranscriptionStreamEvent]:
        """Transcribe an audio file. The result's type follows ``response_format``: ``json`` (default)
        ``Transcription``, ``verbose_json`` ``TranscriptionVerbose``, ``diarized_json``
        ``TranscriptionDiarized``, and ``text`` / ``srt`` / ``vtt`` the text itself. With
        ``stream=True`` (the ``gpt-4o-*-transcribe`` models) an ``AsyncStream`` of
        ``transcript.text.delta`` events, then ``transcript.text.done`` with the whole text."""
        body, request_options = _CREATE.split(params)
        call = upload_options("/audio/transcriptions", request_options, body, files=("file",), order=_ORDER)
        if body.get("stream"):
            stream = await self._pipeline.request_stream(call, _EVENT)
            return cast("AsyncStream[TranscriptionStreamEvent]", stream)
        response_format = body.get("response_format")
        if response_format in TEXT_FORMATS:
            response = await self._pipeline.request_bytes(call, read=True)
            await response.aread()
            return response.text
        return await self._pipeline.request(call, _MODELS.get(response_format or "json", Transcription))
