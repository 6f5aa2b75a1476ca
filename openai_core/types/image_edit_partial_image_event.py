from typing import Literal

from .._models import BaseModel

__all__ = ["ImageEditPartialImageEvent"]


class ImageEditPartialImageEvent(BaseModel):
    """A partial image of a streamed edit (``stream=True``, ``partial_images=N``), base64-encoded."""

    b64_json: str
    background: Literal["transparent", "opaque", "auto"]
    created_at: int
    output_format: Literal["png", "webp", "jpeg", "gif", "svg"]
    partial_image_index: int
    quality: Literal["low", "medium", "high", "xhigh", "max", "auto"]
    size: str | Literal["1024x1024", "1024x1536", "1536x1024", "auto"]
    type: Literal["image_edit.partial_image"]
