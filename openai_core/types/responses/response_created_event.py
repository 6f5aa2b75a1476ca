from typing import Literal

from ..._models import BaseModel
from .response import Response

__all__ = ["ResponseCreatedEvent"]


class ResponseCreatedEvent(BaseModel):
    """The response was created (first event of a stream)."""

    response: Response
    sequence_number: int
    type: Literal["response.created"]
