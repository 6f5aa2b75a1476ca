"""Small shared pieces: JSON encoding, the API error shape, and what a route handler returns."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "JSON_CT",
    "SSE_CT",
    "ApiError",
    "RawReply",
    "SSEReply",
    "dumps",
    "error_body",
    "metadata_field",
]

JSON_CT = "application/json"
SSE_CT = "text/event-stream; charset=utf-8"

_encoder = json.JSONEncoder(separators=(",", ":"))
_encode = _encoder.encode


def dumps(obj: Any) -> bytes:
    """Compact JSON as bytes (ASCII-only, so encoding cannot fail)."""
    return _encode(obj).encode()


def error_body(message: str, type_: str = "invalid_request_error", param: str | None = None,
               code: str | None = None) -> bytes:
    return dumps({"error": {"message": message, "type": type_, "param": param, "code": code}})


class ApiError(Exception):
    """Raised by a handler to answer with the API's error object."""

    def __init__(self, status: int, message: str, *, param: str | None = None, code: str | None = None,
                 type_: str = "invalid_request_error") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.param = param
        self.code = code
        self.type = type_

    def body(self) -> bytes:
        return error_body(self.message, self.type, self.param, self.code)


@dataclass(slots=True)
class SSEReply:
    """A server-sent-event stream: each item of ``events`` is one complete ``data: ...\\n\\n`` block
    (ASCII text; encoded when written).

    The terminating ``data: [DONE]`` block is added by the writer (so faults can leave it out), unless
    ``done`` is false: Responses API streams end with the body, without ``[DONE]``.
    """

    events: list[str] = field(default_factory=list)
    done: bool = True


@dataclass(slots=True)
class RawReply:
    """A non-JSON answer (a file download, audio, plain text). With ``chunk_size`` it goes out with
    chunked transfer encoding, ``chunk_size`` bytes per write, as the API streams audio."""

    body: bytes
    content_type: str
    chunk_size: int | None = None


def metadata_field(value: Any) -> dict[str, str]:
    """A request's ``metadata`` (None → {}), or the API's 400 when it is not an object of strings."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ApiError(400, "Invalid 'metadata': expected an object of strings.", param="metadata",
                       code="invalid_type")
    return value
