from typing import TypeAlias

from .response_input_file_param import ResponseInputFileParam
from .response_input_image_param import ResponseInputImageParam
from .response_input_text_param import ResponseInputTextParam

__all__ = ["ResponseInputContentParam", "ResponseInputMessageContentListParam"]

ResponseInputContentParam: TypeAlias = ResponseInputTextParam | ResponseInputImageParam | ResponseInputFileParam
ResponseInputMessageContentListParam: TypeAlias = list[ResponseInputContentParam]
