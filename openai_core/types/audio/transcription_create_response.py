from typing import TypeAlias

from .transcription import Transcription
from .transcription_diarized import TranscriptionDiarized
from .transcription_verbose import TranscriptionVerbose

__all__ = ["TranscriptionCreateResponse"]

TranscriptionCreateResponse: TypeAlias = Transcription | TranscriptionDiarized | TranscriptionVerbose
