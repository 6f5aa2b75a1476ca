from typing import Literal, Required, TypedDict

__all__ = ["ResponseInputImageParam"]


class ResponseInputImageParam(TypedDict, total=False):
    detail: Literal["low", "high", "auto", "original"]
    type: Required[Literal["input_image"]]
    file_id: str | None
    image_url: str | None
    """A URL or a base64 data URL."""
