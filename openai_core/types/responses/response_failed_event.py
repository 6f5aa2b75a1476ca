from typing import Literal

from ..._models import BaseModel
from .response import Response

__all__ = ["ResponseFailedEvent"]


class ResponseFailedEvent(BaseModel):
    """The response failed: ``response.error`` says why."""

    response: Response
    sequence_number: int
    type: Literal["response.failed"]
