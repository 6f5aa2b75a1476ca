from collections.abc import Sequence
from typing import Literal, Required, TypeAlias, TypedDict

from .._files import FileTypes
from .image_model import ImageModel

__all__ = ["ImageEditParams", "ImageEditParamsBase", "ImageEditParamsNonStreaming", "ImageEditParamsStreaming", "Svg", "SvgReasoning"]


class SvgReasoning(TypedDict, total=False):
    effort: Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"]


class Svg(TypedDict, total=False):
    model: str
    reasoning: SvgReasoning | None


class ImageEditParamsBase(TypedDict, total=False):
    # One image, or several (sent as repeated `image[]` parts).
    image: Required[FileTypes | Sequence[FileTypes]]
    prompt: Required[str]
    background: Literal["transparent", "opaque", "auto"] | None
    complexity: Literal["low", "medium", "high"] | None
    frame_count: int | None
    frame_duration_ms: int | None
    input_fidelity: Literal["high", "low"] | None
    markup: FileTypes
    mask: FileTypes
    model: str | ImageModel | None
    n: int | None
    output_compression: int | None
    output_format: Literal["png", "webp", "jpeg", "gif", "svg"] | None
    partial_images: int | None
    quality: Literal["low", "medium", "high", "xhigh", "max", "auto", "standard"] | None
    response_format: Literal["url", "b64_json"] | None
    safety_identifier: str | None
    size: str | Literal["1024x1024", "1536x1024", "1024x1536", "auto", "256x256", "512x512"] | None
    svg: Svg | None
    user: str


class ImageEditParamsNonStreaming(ImageEditParamsBase, total=False):
    stream: Literal[False] | None


class ImageEditParamsStreaming(ImageEditParamsBase):
    """``stream=True``: partial images (``partial_images``, 0-3) then the final one, as server-sent events."""

    stream: Required[Literal[True]]


ImageEditParams: TypeAlias = ImageEditParamsNonStreaming | ImageEditParamsStreaming
