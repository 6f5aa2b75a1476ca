"""``InputImageContent``: the conversations name of the Responses API's ``ResponseInputImage`` (the same class)."""

from ..responses.response_input_image import ResponseInputImage

__all__ = ["InputImageContent"]

InputImageContent = ResponseInputImage
