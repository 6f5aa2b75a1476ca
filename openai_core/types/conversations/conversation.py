from typing import Literal

from ..._models import BaseModel

__all__ = ["Conversation"]


class Conversation(BaseModel):
    id: str
    created_at: int
    metadata: object
    """Up to 16 string pairs attached to the conversation."""
    object: Literal["conversation"]
