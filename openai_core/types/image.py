from .._models import BaseModel

__all__ = ["Image"]


class Image(BaseModel):
    """One generated image: base64 data or a URL, depending on the response format."""

    b64_json: str | None = None
    revised_prompt: str | None = None
    url: str | None = None
