from typing import Annotated, TypeAlias

from pydantic import Field

from .response_input_file_content import ResponseInputFileContent
from .response_input_image_content import ResponseInputImageContent
from .response_input_text_content import ResponseInputTextContent

__all__ = ["ResponseFunctionCallOutputItem"]

ResponseFunctionCallOutputItem: TypeAlias = Annotated[
    ResponseInputTextContent | ResponseInputImageContent | ResponseInputFileContent, Field(discriminator="type")
]
