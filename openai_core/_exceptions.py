"""The whole exception tree, one class per failure a caller may want to catch.

Class names and attributes mirror the official ``openai`` SDK so that ``except openai.RateLimitError``
ports unchanged. No message built here ever contains the API key or an ``Authorization`` header: messages
are made from the status, the server's error message and the request id only.

When the official ``openai`` package is loaded, each class instantiates as its bridge to the official class
of the same name (``openai_core._interop``), so ``except openai.RateLimitError`` catches openai_core's
errors too. That is why constructors here call ``Exception.__init__`` by name rather than ``super()``:
in a bridge, ``super()`` past openai_core's tree is the official class, whose constructor wants an httpx
response.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Self

from ._interop import bridged_class

if TYPE_CHECKING:
    from .transports._common import HTTPResponse as Response
    from .transports._common import Request
    from .types.chat import ChatCompletion

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ContentFilterFinishReasonError",
    "InternalServerError",
    "InvalidWebhookSignatureError",
    "LengthFinishReasonError",
    "NotFoundError",
    "OpenAIError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
]


class OpenAIError(Exception):
    """Root of every error this package raises on purpose, including bad configuration
    (for example a missing API key at construction)."""

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:
        return Exception.__new__(bridged_class(cls), *args)


class APIError(OpenAIError):
    """A request was made and it failed: the base of connection, status and payload errors.

    Also raised for an error reported inside a successful stream (an SSE ``error`` event or an
    ``{"error": ...}`` payload), where there is no failing status code.
    """

    message: str
    request: Request | None
    body: object | None
    code: str | None
    param: str | None
    type: str | None

    def __init__(self, message: str, request: Request | None, *, body: object | None) -> None:
        Exception.__init__(self, message)
        self.message = message
        self.request = request
        self.body = body
        # ``body`` is the ``error`` object of ``{"error": {...}}`` when the server sent one (as in the
        # official SDK), so code/param/type are read from it directly.
        if isinstance(body, dict):
            code = body.get("code")
            self.code = None if code is None else str(code)
            self.param = _str_or_none(body.get("param"))
            self.type = _str_or_none(body.get("type"))
        else:
            self.code = self.param = self.type = None


class APIResponseValidationError(APIError):
    """The server answered with a success status, but the body could not be read as the documented
    type (not JSON, truncated, or the wrong shape). Carries the status, the request id and the start
    of the body in its message."""

    response: Response
    status_code: int

    def __init__(self, response: Response, body: object | None, *, message: str | None = None) -> None:
        super().__init__(
            message or "Data returned by API invalid for expected schema.", response.request, body=body
        )
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status. Subclasses name the common statuses."""

    response: Response
    status_code: int
    request_id: str | None

    def __init__(self, message: str, *, response: Response, body: object | None) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("x-request-id")

    @property
    def headers(self) -> Any:
        """The response's headers (frameworks such as the Agents SDK read ``retry-after`` from here)."""
        return self.response.headers


class APIConnectionError(APIError):
    """No usable answer arrived: nothing listening, a reset, a TLS failure, or a connection cut while
    the body (or a stream) was being read."""

    def __init__(self, *, message: str = "Connection error.", request: Request | None) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """A connect, read, write or pool timeout expired."""

    def __init__(self, request: Request | None, *, message: str = "Request timed out.") -> None:
        super().__init__(message=message, request=request)


class BadRequestError(APIStatusError):
    """HTTP 400."""

    status_code: Literal[400] = 400


class AuthenticationError(APIStatusError):
    """HTTP 401: the API key is missing, wrong or revoked."""

    status_code: Literal[401] = 401


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""

    status_code: Literal[403] = 403


class NotFoundError(APIStatusError):
    """HTTP 404."""

    status_code: Literal[404] = 404


class ConflictError(APIStatusError):
    """HTTP 409."""

    status_code: Literal[409] = 409


class UnprocessableEntityError(APIStatusError):
    """HTTP 422."""

    status_code: Literal[422] = 422


class RateLimitError(APIStatusError):
    """HTTP 429: raised once the retries allowed by ``max_retries`` are used up."""

    status_code: Literal[429] = 429


class InternalServerError(APIStatusError):
    """HTTP 500 and above."""


class LengthFinishReasonError(OpenAIError):
    """``chat.completions.parse()`` (or the ``.stream()`` helper) got a choice cut off by the token
    limit (``finish_reason == "length"``): its content is not a complete JSON document to parse."""

    completion: ChatCompletion
    """The completion as received (from a stream: as accumulated, usually without ``usage``)."""

    def __init__(self, *, completion: ChatCompletion) -> None:
        message = "The response content cannot be parsed: the length limit was reached"
        if completion.usage:
            message += f" - {completion.usage}"
        Exception.__init__(self, message)
        self.completion = completion


class ContentFilterFinishReasonError(OpenAIError):
    """``chat.completions.parse()`` (or the ``.stream()`` helper) got a choice stopped by the content
    filter (``finish_reason == "content_filter"``)."""

    completion: ChatCompletion | None

    def __init__(self, *, completion: ChatCompletion | None = None) -> None:
        Exception.__init__(
            self, "The response content cannot be parsed: the request was rejected by the content filter"
        )
        self.completion = completion


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


class InvalidWebhookSignatureError(ValueError):
    """``client.webhooks.unwrap()`` / ``verify_signature()``: the payload's signature does not match the
    secret, or its timestamp is outside the tolerance. A ``ValueError`` as in the official SDK: it is about
    input the caller received, not about a request this client sent."""


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The exception class for a failing status code (pure: a table lookup)."""
    if status_code >= 500:
        return InternalServerError
    return _STATUS_ERRORS.get(status_code, APIStatusError)


def status_error_message(status_code: int, body: object | None) -> str:
    """``Error code: 429 - <server message>``, as the official SDK words it; the server's message is
    taken from ``{"error": {"message": ...}}`` (or a top-level ``message``) when there is one."""
    detail: Any = None
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):
            detail = error.get("message")
        elif isinstance(error, str):
            detail = error
        if detail is None:
            detail = body.get("message")
    elif isinstance(body, str) and body:
        detail = body[:200]
    if detail:
        return f"Error code: {status_code} - {detail}"
    return f"Error code: {status_code}"


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None
