from typing import Literal, Required, TypedDict

from ..._files import FileTypes
from ..audio_model import AudioModel

__all__ = ["TranslationCreateParams", "TranslationFields"]


class TranslationFields(TypedDict, total=False):
    """Every parameter but ``response_format`` (which decides the result's type)."""

    file: Required[FileTypes]
    model: Required[str | AudioModel]
    prompt: str
    temperature: float


class TranslationCreateParams(TranslationFields, total=False):
    response_format: Literal["json", "text", "srt", "verbose_json", "vtt"]
