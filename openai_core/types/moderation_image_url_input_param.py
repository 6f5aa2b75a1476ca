from typing import Literal, Required, TypedDict

__all__ = ["ImageURL", "ModerationImageURLInputParam"]


class ImageURL(TypedDict, total=False):
    url: Required[str]
    """An image URL or a base64 data URL."""


class ModerationImageURLInputParam(TypedDict, total=False):
    image_url: Required[ImageURL]
    type: Required[Literal["image_url"]]
