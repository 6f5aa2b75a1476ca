"""``client.audio.translations``: audio (a multipart upload) to English text."""

from __future__ import annotations

from typing import Any, Literal, Required, overload

from typing_extensions import Unpack, deprecated

from ..._params import ParamSpec
from ..._resource import AsyncAPIResource, RequestOptionsParams, upload_options
from ...types.audio import Translation, TranslationVerbose
from ...types.audio.translation_create_params import TranslationCreateParams, TranslationFields
from .._formats import TEXT_FORMATS

__all__ = ["AsyncTranslations"]


class CreateJson(TranslationFields, RequestOptionsParams, total=False):
    response_format: Literal["json"]


class CreateVerbose(TranslationFields, RequestOptionsParams, total=False):
    response_format: Required[Literal["verbose_json"]]


class CreateText(TranslationFields, RequestOptionsParams, total=False):
    response_format: Required[Literal["text", "srt", "vtt"]]


class CreateAny(TranslationCreateParams, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", TranslationCreateParams)
_ORDER = ("file", "model", "prompt", "response_format", "temperature")


class AsyncTranslations(AsyncAPIResource):
    # No typed with_raw_response view: `create` is overloaded on response_format, and a typed view
    # would take the first overload only (mypy), refusing response_format="text". The generic view
    # serves it, with parse() typed Any.
    __slots__ = ()

    # Deprecated in the official SDK (whisper-1 only): the overloads say so to type checkers, the
    # implementation warns at run time, as there.
    @overload
    @deprecated("deprecated", category=None)
    async def create(self, **params: Unpack[CreateJson]) -> Translation: ...
    @overload
    @deprecated("deprecated", category=None)
    async def create(self, **params: Unpack[CreateVerbose]) -> TranslationVerbose: ...
    @overload
    @deprecated("deprecated", category=None)
    async def create(self, **params: Unpack[CreateText]) -> str: ...
    @overload
    @deprecated("deprecated", category=None)
    async def create(self, **params: Unpack[CreateAny]) -> Translation | TranslationVerbose | str: ...
    @deprecated("deprecated")
    async def create(self, **params: Any) -> Translation | TranslationVerbose | str:
        """Translate an audio file into English; the result's type follows ``response_format`` as for
        transcriptions."""
        body, request_options = _CREATE.split(params)
        call = upload_options("/audio/translations", request_options, body, files=("file",), order=_ORDER)
        response_format = body.get("response_format")
        if response_format in TEXT_FORMATS:
            response = await self._pipeline.request_bytes(call, read=True)
            await response.aread()
            return response.text
        model: type[Translation | TranslationVerbose] = (
            TranslationVerbose if response_format == "verbose_json" else Translation
        )
        return await self._pipeline.request(call, model)
