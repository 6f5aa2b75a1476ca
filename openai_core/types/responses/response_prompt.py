from typing import TypeAlias

from ..._models import BaseModel
from .response_input_file import ResponseInputFile
from .response_input_image import ResponseInputImage
from .response_input_text import ResponseInputText

__all__ = ["ResponsePrompt", "Variables"]

Variables: TypeAlias = str | ResponseInputText | ResponseInputImage | ResponseInputFile


class ResponsePrompt(BaseModel):
    """A reusable prompt template: its id, the values of its variables, and a version."""

    id: str
    variables: dict[str, Variables] | None = None
    version: str | None = None
