"""``client.responses`` and ``client.responses.input_items``."""

from .input_items import AsyncInputItems
from .responses import AsyncResponses

__all__ = ["AsyncInputItems", "AsyncResponses"]
