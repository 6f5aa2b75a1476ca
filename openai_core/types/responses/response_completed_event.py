from typing import Literal

from ..._models import BaseModel
from .response import Response

__all__ = ["ResponseCompletedEvent"]


class ResponseCompletedEvent(BaseModel):
    """The response is complete: ``response`` is the final object, with ``usage``."""

    response: Response
    sequence_number: int
    type: Literal["response.completed"]
