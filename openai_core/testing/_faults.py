"""Fault injection: parsing ``X-Mock-Fault`` specs and answering with the chosen failure.

A spec is ``key=value`` pairs separated by ``;`` with ``kind`` required, e.g.
``kind=status;code=429;retry_after=2;times=1``. See the package docstring for every kind.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import math
import socket
import struct
from dataclasses import dataclass
from http import HTTPStatus

from aiohttp import web

from ._common import JSON_CT, dumps, error_body

__all__ = [
    "BODY_FAULTS",
    "Fault",
    "FaultSpecError",
    "body_fault_response",
    "close_connection",
    "parse_fault",
    "reset_connection",
    "status_response",
]

# kind -> (allowed keys, required keys); `kind` and `times` are allowed everywhere.
_KEYS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "status": (frozenset({"code", "retry_after", "retry_after_ms", "should_retry", "body"}), frozenset({"code"})),
    "reset": (frozenset(), frozenset()),
    "slow_headers": (frozenset({"delay"}), frozenset({"delay"})),
    "slow_body": (frozenset({"delay"}), frozenset({"delay"})),
    "truncate": (frozenset({"mode", "close"}), frozenset()),
    "stream_cut": (frozenset({"after"}), frozenset({"after"})),
    "sse_error": (frozenset({"after", "style"}), frozenset({"after"})),
    "bad_body": (frozenset({"body", "content_type"}), frozenset({"body"})),
    "bad_args": (frozenset(), frozenset()),
}
_CHOICES: dict[str, frozenset[str]] = {
    "should_retry": frozenset({"true", "false"}),
    "mode": frozenset({"length", "chunked"}),
    "close": frozenset({"fin", "rst"}),
    "style": frozenset({"event", "payload"}),
}
_STATUS_BODIES = frozenset({"json", "html", "text", "empty"})
_BAD_BODIES = frozenset({"nonjson", "html", "empty", "truncated_json"})

#: Kinds applied to an already computed response body (JSON or stream).
BODY_FAULTS = frozenset({"slow_body", "truncate", "bad_body", "bad_args"})


class FaultSpecError(ValueError):
    """A malformed ``X-Mock-Fault`` spec (answered with 400)."""


@dataclass(frozen=True, slots=True)
class Fault:
    kind: str
    times: int | None = None
    code: int = 0
    delay: float = 0.0
    after: int = 0
    mode: str = "length"
    close: str = "fin"
    style: str = "event"
    body: str = "json"
    content_type: str | None = None
    retry_after: str | None = None
    retry_after_ms: str | None = None
    should_retry: str | None = None


def _int(key: str, value: str, low: int, high: int | None = None) -> int:
    try:
        n = int(value)
    except ValueError:
        raise FaultSpecError(f"{key}={value!r} is not an integer") from None
    if n < low or (high is not None and n > high):
        bound = f"between {low} and {high}" if high is not None else f">= {low}"
        raise FaultSpecError(f"{key}={value} must be {bound}")
    return n


def _delay(value: str) -> float:
    try:
        d = float(value)
    except ValueError:
        raise FaultSpecError(f"delay={value!r} is not a number of seconds") from None
    if not math.isfinite(d) or d < 0:
        raise FaultSpecError(f"delay={value} must be a finite number >= 0")
    return d


@functools.lru_cache(maxsize=512)
def parse_fault(spec: str) -> Fault:
    """Parse a fault spec; raises :class:`FaultSpecError` with a readable message."""
    pairs: dict[str, str] = {}
    for part in spec.split(";"):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not sep or not key:
            raise FaultSpecError(f"expected key=value, got {part!r}")
        if key in pairs:
            raise FaultSpecError(f"{key!r} given twice")
        pairs[key] = value
    kind = pairs.pop("kind", None)
    if kind is None:
        raise FaultSpecError("'kind' is required")
    if kind not in _KEYS:
        raise FaultSpecError(f"unknown kind {kind!r} (expected one of: {', '.join(sorted(_KEYS))})")
    allowed, required = _KEYS[kind]
    unknown = set(pairs) - allowed - {"times"}
    if unknown:
        raise FaultSpecError(f"unknown key(s) for kind={kind}: {', '.join(sorted(unknown))}")
    missing = required - set(pairs)
    if missing:
        raise FaultSpecError(f"kind={kind} requires: {', '.join(sorted(missing))}")
    for key, choices in _CHOICES.items():
        if key in pairs and pairs[key] not in choices:
            raise FaultSpecError(f"{key}={pairs[key]!r} must be one of: {', '.join(sorted(choices))}")
    if "body" in pairs:
        choices = _STATUS_BODIES if kind == "status" else _BAD_BODIES
        if pairs["body"] not in choices:
            raise FaultSpecError(f"body={pairs['body']!r} must be one of: {', '.join(sorted(choices))}")
    return Fault(
        kind=kind,
        times=_int("times", pairs["times"], 0) if "times" in pairs else None,
        code=_int("code", pairs["code"], 100, 599) if "code" in pairs else 0,
        delay=_delay(pairs["delay"]) if "delay" in pairs else 0.0,
        after=_int("after", pairs["after"], 0) if "after" in pairs else 0,
        mode=pairs.get("mode", "length"),
        close=pairs.get("close", "fin"),
        style=pairs.get("style", "event"),
        body=pairs.get("body", "json"),
        content_type=pairs.get("content_type") or None,
        retry_after=pairs.get("retry_after"),
        retry_after_ms=pairs.get("retry_after_ms"),
        should_retry=pairs.get("should_retry"),
    )


# ---------------------------------------------------------------------------------------- answers


def _phrase(code: int) -> str:
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return "Unknown"


def _html_page(code: int) -> bytes:
    title = f"{code} {_phrase(code)}"
    return (f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n"
            "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n").encode()


def status_response(fault: Fault, request_id: str) -> web.Response:
    """``kind=status``: the given status code, retry headers and body."""
    code = fault.code
    headers = {"x-request-id": request_id}
    if fault.retry_after is not None:
        headers["retry-after"] = fault.retry_after
    if fault.retry_after_ms is not None:
        headers["retry-after-ms"] = fault.retry_after_ms
    if fault.should_retry is not None:
        headers["x-should-retry"] = fault.should_retry
    if fault.body == "json":
        if code == 429:
            type_, err_code = "requests", "rate_limit_exceeded"
        elif code >= 500:
            type_, err_code = "server_error", None
        else:
            type_, err_code = "invalid_request_error", None
        body = error_body(f"Mock fault: HTTP {code} {_phrase(code)}", type_, None, err_code)
        headers["Content-Type"] = JSON_CT
    elif fault.body == "html":
        body = _html_page(code)
        headers["Content-Type"] = "text/html"
    elif fault.body == "text":
        body = f"{code} {_phrase(code)}".encode()
        headers["Content-Type"] = "text/plain; charset=utf-8"
    else:
        body = b""
    return web.Response(status=code, reason=_phrase(code), body=body, headers=headers)


def reset_connection(request: web.BaseRequest) -> None:
    """Abort the connection with a TCP RST (SO_LINGER 0), before any response bytes."""
    transport = request.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


def close_connection(request: web.BaseRequest) -> None:
    """Close the connection after what was written so far (asyncio flushes its buffer first: FIN, not RST)."""
    transport = request.transport
    if transport is not None:
        transport.close()


def _bad_body(fault: Fault, normal: bytes, normal_ct: str) -> tuple[bytes, str]:
    if fault.body == "nonjson":
        return b"upstream said: this is not JSON", fault.content_type or JSON_CT
    if fault.body == "html":
        return _html_page(502), fault.content_type or "text/html"
    if fault.body == "empty":
        return b"", fault.content_type or JSON_CT
    return normal[: len(normal) // 2], fault.content_type or normal_ct


def _blank_call(obj: dict[str, object], seen: set[tuple[object, ...]], key: tuple[object, ...]) -> None:
    # A call's arguments are "{}" once in total: the first fragment of a stream carries them, the rest none.
    if "arguments" in obj:
        obj["arguments"] = "" if key in seen else "{}"
        seen.add(key)


def _blank_arguments(event: object, seen: set[tuple[object, ...]]) -> None:
    """Every function call in ``event`` (a chat completion or chunk, a Responses object or stream event)
    with ``{}`` as its arguments."""
    if not isinstance(event, dict):
        return
    for choice in event.get("choices") or ():
        message = (choice.get("message") or choice.get("delta") or {}) if isinstance(choice, dict) else {}
        for position, call in enumerate(message.get("tool_calls") or ()):
            if isinstance(call, dict) and isinstance(call.get("function"), dict):
                index = call.get("index", position)
                _blank_call(call["function"], seen, ("chat", choice.get("index"), index, event.get("object")))
    kind = event.get("type")
    if kind == "response.function_call_arguments.delta":
        event["delta"] = ""
    elif kind == "response.function_call_arguments.done":
        event["arguments"] = "{}"
    for holder in (event, event.get("response"), event.get("item")):
        if not isinstance(holder, dict):
            continue
        for item in holder.get("output") or ([holder] if holder is event.get("item") else ()):
            if isinstance(item, dict) and item.get("type") == "function_call" and "arguments" in item:
                item["arguments"] = "{}"


def bad_arguments(body: bytes) -> bytes:
    """``kind=bad_args``: the normal answer (JSON or an event stream) with every function call's arguments
    replaced by ``{}``, valid JSON that matches no schema with a required property: what a model that
    ignored the schema sends, so a client's validate-and-ask-again loop can be tested."""
    seen: set[tuple[object, ...]] = set()
    if not body.lstrip().startswith((b"data:", b"event:")):
        parsed = json.loads(body)
        _blank_arguments(parsed, seen)
        return dumps(parsed)
    blocks = []
    for block in body.decode().split("\n\n"):
        lines = block.split("\n")
        for i, line in enumerate(lines):
            if line.startswith("data: ") and line != "data: [DONE]":
                event = json.loads(line[6:])
                _blank_arguments(event, seen)
                lines[i] = "data: " + dumps(event).decode()
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks).encode()


async def body_fault_response(request: web.BaseRequest, fault: Fault, status: int, body: bytes,
                              content_type: str, request_id: str) -> web.StreamResponse:
    """Answer with ``body`` (the normal answer) damaged by a ``slow_body``/``truncate``/``bad_body`` fault."""
    headers = {"Content-Type": content_type, "x-request-id": request_id}
    if fault.kind == "bad_args":
        return web.Response(status=status, body=bad_arguments(body) if status == 200 else body, headers=headers)
    if fault.kind == "bad_body":
        bad, ct = _bad_body(fault, body, content_type)
        headers["Content-Type"] = ct
        return web.Response(status=200, body=bad, headers=headers)
    resp = web.StreamResponse(status=status, headers=headers)
    half = max(1, len(body) // 2)
    if fault.kind == "slow_body":
        resp.enable_chunked_encoding()
        await resp.prepare(request)
        try:
            await resp.write(body[:half])
            await asyncio.sleep(fault.delay)
            await resp.write_eof(body[half:])
        except ConnectionError:
            pass  # the client gave up during the pause
        return resp
    # truncate: promise the whole body (Content-Length, or chunked without the last chunk), send half.
    if fault.mode == "chunked":
        resp.enable_chunked_encoding()
    else:
        resp.content_length = len(body)
    await resp.prepare(request)
    with contextlib.suppress(ConnectionError):
        await resp.write(body[:half])
    if fault.close == "rst":
        # Let the client read the headers and the first half, so the reset hits a body in progress.
        await asyncio.sleep(0.05)
        reset_connection(request)
    else:
        close_connection(request)
    return resp  # aiohttp's write_eof then fails on the closed transport, which it ignores
