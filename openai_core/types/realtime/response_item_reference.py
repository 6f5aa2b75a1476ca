from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseItemReference"]


class ResponseItemReference(BaseModel):
    id: str
    type: Literal["item_reference"]
