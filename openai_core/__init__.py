"""openai_core: an async-first, OpenAI-compatible client with pluggable HTTP transports.

``import openai_core as openai`` and use it as the official SDK. Names are resolved lazily (PEP 562):
``import openai_core`` loads only the exception tree and small value types; the client, pydantic models,
httpx and aiohttp load when first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ContentFilterFinishReasonError,
    InternalServerError,
    InvalidWebhookSignatureError,
    LengthFinishReasonError,
    NotFoundError,
    OpenAIError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._types import NOT_GIVEN, NotGiven, Omit, RateLimit, Timeout, not_given, omit
from ._version import __version__

if TYPE_CHECKING:
    from . import providers as providers
    from . import types as types
    from ._binary import HttpxBinaryResponseContent as HttpxBinaryResponseContent
    from ._client import AsyncOpenAI as AsyncOpenAI
    from ._models import BaseModel as BaseModel
    from ._response import AsyncAPIResponse as AsyncAPIResponse
    from ._streaming import AsyncStream as AsyncStream
    from ._sync._client import OpenAI as OpenAI
    from ._sync._response import APIResponse as APIResponse
    from ._sync._streaming import Stream as Stream
    from ._sync.lib.azure import AzureOpenAI as AzureOpenAI
    from ._sync.lib.bedrock import BedrockOpenAI as BedrockOpenAI
    from ._sync.lib.vertex import VertexOpenAI as VertexOpenAI
    from ._sync.pagination import SyncCursorPage as SyncCursorPage
    from ._sync.pagination import SyncPage as SyncPage
    from ._sync.transports._httpx import DefaultHttpxClient as DefaultHttpxClient
    from .lib._tools import pydantic_function_tool as pydantic_function_tool
    from .lib.azure import AsyncAzureOpenAI as AsyncAzureOpenAI
    from .lib.bedrock import AsyncBedrockOpenAI as AsyncBedrockOpenAI
    from .lib.vertex import AsyncVertexOpenAI as AsyncVertexOpenAI
    from .pagination import AsyncCursorPage as AsyncCursorPage
    from .pagination import AsyncPage as AsyncPage
    from .transports import AsyncTransport as AsyncTransport
    from .transports import MockTransport as MockTransport
    from .transports._aiohttp import AioHttpTransport as AioHttpTransport
    from .transports._aiohttp import DefaultAioHttpClient as DefaultAioHttpClient
    from .transports._httpx import DefaultAsyncHttpxClient as DefaultAsyncHttpxClient
    from .transports._httpx import HttpxTransport as HttpxTransport

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AioHttpTransport",
    "AsyncAPIResponse",
    "AsyncAzureOpenAI",
    "AsyncBedrockOpenAI",
    "AsyncCursorPage",
    "AsyncOpenAI",
    "AsyncPage",
    "AsyncStream",
    "AsyncTransport",
    "AsyncVertexOpenAI",
    "AuthenticationError",
    "AzureOpenAI",
    "BadRequestError",
    "BaseModel",
    "BedrockOpenAI",
    "ConflictError",
    "ContentFilterFinishReasonError",
    "DefaultAioHttpClient",
    "DefaultAsyncHttpxClient",
    "DefaultHttpxClient",
    "HttpxBinaryResponseContent",
    "HttpxTransport",
    "InternalServerError",
    "InvalidWebhookSignatureError",
    "LengthFinishReasonError",
    "MockTransport",
    "NotFoundError",
    "NotGiven",
    "Omit",
    "OpenAI",
    "OpenAIError",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
    "Stream",
    "SyncCursorPage",
    "SyncPage",
    "Timeout",
    "UnprocessableEntityError",
    "VertexOpenAI",
    "__version__",
    "not_given",
    "omit",
    "pydantic_function_tool",
    "types",
]

_LAZY: dict[str, str] = {
    "AsyncOpenAI": "._client",
    "AsyncAzureOpenAI": ".lib.azure",
    "AsyncBedrockOpenAI": ".lib.bedrock",
    "BedrockOpenAI": "._sync.lib.bedrock",
    "AsyncVertexOpenAI": ".lib.vertex",
    "VertexOpenAI": "._sync.lib.vertex",
    "AzureOpenAI": "._sync.lib.azure",
    "BaseModel": "._models",
    "AsyncAPIResponse": "._response",
    "APIResponse": "._sync._response",
    "HttpxBinaryResponseContent": "._binary",
    "AsyncStream": "._streaming",
        "AsyncCursorPage": ".pagination",
    "AsyncPage": ".pagination",
    "AsyncTransport": ".transports",
    "MockTransport": ".transports",
    "AioHttpTransport": ".transports._aiohttp",
    "DefaultAioHttpClient": ".transports._aiohttp",
    "DefaultAsyncHttpxClient": ".transports._httpx",
    "HttpxTransport": ".transports._httpx",
    "OpenAI": "._sync._client",
    "Stream": "._sync._streaming",
    "SyncCursorPage": "._sync.pagination",
    "SyncPage": "._sync.pagination",
    "DefaultHttpxClient": "._sync.transports._httpx",
    "pydantic_function_tool": ".lib._tools",
}


def __getattr__(name: str) -> Any:
    if name in ("types", "providers"):  # ``openai_core.providers.vertex(...)`` after ``import openai_core``
        return importlib.import_module(f".{name}", __name__)
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
