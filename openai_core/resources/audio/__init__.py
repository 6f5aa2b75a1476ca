"""``client.audio``: ``speech`` (text to audio bytes), ``transcriptions`` and ``translations`` (uploads)."""

from __future__ import annotations

from functools import cached_property

from ..._resource import AsyncAPIResource
from .speech import AsyncSpeech
from .transcriptions import AsyncTranscriptions
from .translations import AsyncTranslations

__all__ = ["AsyncAudio", "AsyncSpeech", "AsyncTranscriptions", "AsyncTranslations"]


class AsyncAudio(AsyncAPIResource):
    __slots__ = ("__dict__",)

    @cached_property
    def speech(self) -> AsyncSpeech:
        return AsyncSpeech(self._client)

    @cached_property
    def transcriptions(self) -> AsyncTranscriptions:
        return AsyncTranscriptions(self._client)

    @cached_property
    def translations(self) -> AsyncTranslations:
        return AsyncTranslations(self._client)
