"""``client.responses``, ``client.responses.input_items`` and ``client.responses.input_tokens``."""

from .input_items import AsyncInputItems
from .input_tokens import AsyncInputTokens
from .responses import AsyncResponses

__all__ = ["AsyncInputItems", "AsyncInputTokens", "AsyncResponses"]
