"""``InputTextContent``: the conversations name of the Responses API's ``ResponseInputText`` (the same class)."""

from ..responses.response_input_text import ResponseInputText

__all__ = ["InputTextContent"]

InputTextContent = ResponseInputText
