from typing import Literal

from ..._models import BaseModel
from .response import Response

__all__ = ["ResponseQueuedEvent"]


class ResponseQueuedEvent(BaseModel):
    """The response is queued (background mode)."""

    response: Response
    sequence_number: int
    type: Literal["response.queued"]
