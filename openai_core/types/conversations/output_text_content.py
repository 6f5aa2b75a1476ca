"""``OutputTextContent``: the conversations name of the Responses API's ``ResponseOutputText`` (the same class)."""

from ..responses.response_output_text import ResponseOutputText

__all__ = ["OutputTextContent"]

OutputTextContent = ResponseOutputText
