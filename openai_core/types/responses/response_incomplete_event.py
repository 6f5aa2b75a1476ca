from typing import Literal

from ..._models import BaseModel
from .response import Response

__all__ = ["ResponseIncompleteEvent"]


class ResponseIncompleteEvent(BaseModel):
    """The response stopped early: ``response.incomplete_details`` says why."""

    response: Response
    sequence_number: int
    type: Literal["response.incomplete"]
