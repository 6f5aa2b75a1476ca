"""``RefusalContent``: the conversations name of the Responses API's ``ResponseOutputRefusal`` (the same class)."""

from ..responses.response_output_refusal import ResponseOutputRefusal

__all__ = ["RefusalContent"]

RefusalContent = ResponseOutputRefusal
