"""``client.audio``: ``speech`` (text to audio bytes), ``transcriptions`` and ``translations`` (uploads)."""

from __future__ import annotations

from functools import cached_property

from ..._resource import AsyncAPIResource
from .speech import AsyncSpeech
from .transcriptions import AsyncTranscriptions
from .translations import AsyncTranslations
from .voice_consents import AsyncVoiceConsents
from .voices import AsyncVoices

__all__ = ["AsyncAudio", "AsyncSpeech", "AsyncTranscriptions", "AsyncTranslations", "AsyncVoiceConsents", "AsyncVoices"]


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

    @cached_property
    def voices(self) -> AsyncVoices:
        return AsyncVoices(self._client)

    @cached_property
    def voice_consents(self) -> AsyncVoiceConsents:
        return AsyncVoiceConsents(self._client)
