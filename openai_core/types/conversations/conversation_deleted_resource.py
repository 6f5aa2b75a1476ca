from typing import Literal

from ..._models import BaseModel

__all__ = ["ConversationDeletedResource"]


class ConversationDeletedResource(BaseModel):
    id: str
    deleted: bool
    object: Literal["conversation.deleted"]
