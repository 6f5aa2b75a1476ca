from typing import Literal

from ..._models import BaseModel
from .response import Response

__all__ = ["ResponseInProgressEvent"]


class ResponseInProgressEvent(BaseModel):
    """The response is being generated."""

    response: Response
    sequence_number: int
    type: Literal["response.in_progress"]
