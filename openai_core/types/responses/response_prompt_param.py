from typing import Required, TypeAlias, TypedDict

from .response_input_file_param import ResponseInputFileParam
from .response_input_image_param import ResponseInputImageParam
from .response_input_text_param import ResponseInputTextParam

__all__ = ["ResponsePromptParam", "Variables"]

Variables: TypeAlias = str | ResponseInputTextParam | ResponseInputImageParam | ResponseInputFileParam


class ResponsePromptParam(TypedDict, total=False):
    id: Required[str]
    variables: dict[str, Variables] | None
    version: str | None
