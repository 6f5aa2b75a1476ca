from ..._models import BaseModel

__all__ = ["ChatCompletionAudio"]


class ChatCompletionAudio(BaseModel):
    id: str
    data: str
    """Base64-encoded audio in the requested format."""
    expires_at: int
    transcript: str
