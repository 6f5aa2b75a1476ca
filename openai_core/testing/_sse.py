"""Server-sent-event streams: cheap chunk building from pre-serialised templates, and the writer
(with the stream fault kinds)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from json.encoder import encode_basestring_ascii
from typing import Any

from aiohttp import web

from ._common import SSE_CT, SSEReply, dumps
from ._data import split_words
from ._faults import BODY_FAULTS, Fault, body_fault_response, close_connection

__all__ = ["DONE", "chat_stream", "completion_stream", "write_sse"]

DONE = "data: [DONE]\n\n"
#: Bytes per write(): a 200-word stream (~40 KB) goes out in one write (syscalls dominate the cost).
#: HTTP chunk boundaries carry no meaning in SSE, so a slice may end mid-event.
WRITE_SIZE = 64 * 1024

_q = encode_basestring_ascii  # str -> its JSON string literal (C implementation, ASCII output)
_CHAT_SUFFIX = '},"logprobs":null,"finish_reason":null}]}\n\n'
_CMPL_SUFFIX = ',"logprobs":null,"finish_reason":null}]}\n\n'


def _head(obj_id: str, obj: str, created: int, model: str, include_usage: bool) -> str:
    usage = '"usage":null,' if include_usage else ""
    return (f'data: {{"id":{_q(obj_id)},"object":"{obj}","created":{created},"model":{_q(model)},'
            f'"system_fingerprint":"fp_mock","service_tier":"default",{usage}"choices":[{{')


def _usage_event(obj_id: str, obj: str, created: int, model: str, usage: dict[str, Any]) -> str:
    return "data: " + dumps({
        "id": obj_id, "object": obj, "created": created, "model": model,
        "system_fingerprint": "fp_mock", "service_tier": "default", "choices": [], "usage": usage,
    }).decode() + "\n\n"


def _pieces(texts: Sequence[str]) -> list[list[str]]:
    """Per choice, its stream pieces as JSON string literals."""
    cache: dict[str, list[str]] = {}
    out = []
    for text in texts:
        pieces = cache.get(text)
        if pieces is None:
            pieces = cache[text] = [_q(w) for w in split_words(text)]
        out.append(pieces)
    return out


def _interleave(pres: Sequence[str], pieces: Sequence[list[str]], suffixes: Sequence[str]) -> list[str]:
    """One event per piece, word k of every choice before word k+1 of any (like the real API)."""
    if len(pieces) == 1:
        pre, suffix = pres[0], suffixes[0]
        return [pre + q + suffix for q in pieces[0]]
    out = []
    for k in range(max(len(p) for p in pieces)):
        for pre, p, suffix in zip(pres, pieces, suffixes, strict=True):
            if k < len(p):
                out.append(pre + p[k] + suffix)
    return out


def chat_stream(obj_id: str, created: int, model: str, choices: Sequence[tuple[str, str]],
                usage: dict[str, Any] | None) -> SSEReply:
    """``choices`` are (content, finish_reason) per choice index. With ``usage`` (include_usage) the
    last chunk carries it and every other chunk has ``"usage": null``, like the real API."""
    head = _head(obj_id, "chat.completion.chunk", created, model, usage is not None)
    idx_heads = [f'{head}"index":{i}' for i in range(len(choices))]
    events = [h + ',"delta":{"role":"assistant","content":null},"logprobs":null,"finish_reason":null}]}\n\n'
              for h in idx_heads]
    pres = [h + ',"delta":{"content":' for h in idx_heads]
    events += _interleave(pres, _pieces([c for c, _ in choices]), [_CHAT_SUFFIX] * len(choices))
    events += [f'{h},"delta":{{}},"logprobs":null,"finish_reason":"{finish}"}}]}}\n\n'
               for h, (_, finish) in zip(idx_heads, choices, strict=True)]
    if usage is not None:
        events.append(_usage_event(obj_id, "chat.completion.chunk", created, model, usage))
    return SSEReply(events)


def completion_stream(obj_id: str, created: int, model: str, choices: Sequence[tuple[str, str]],
                      usage: dict[str, Any] | None) -> SSEReply:
    """Legacy completions: ``choices[i].text`` per word, then a finish chunk per choice."""
    head = _head(obj_id, "text_completion", created, model, usage is not None) + '"text":'
    suffixes = [f',"index":{i}{_CMPL_SUFFIX}' for i in range(len(choices))]
    events = _interleave([head] * len(choices), _pieces([c for c, _ in choices]), suffixes)
    events += [f'{head}"","index":{i},"logprobs":null,"finish_reason":"{finish}"}}]}}\n\n'
               for i, (_, finish) in enumerate(choices)]
    if usage is not None:
        events.append(_usage_event(obj_id, "text_completion", created, model, usage))
    return SSEReply(events)


def _error_event(style: str) -> str:
    error = {"message": "Mock fault: error in the middle of the stream", "type": "server_error",
             "param": None, "code": None}
    data = dumps({"error": error}).decode()
    if style == "payload":
        return f"data: {data}\n\n"
    return f"event: error\ndata: {data}\n\n"


async def _write(resp: web.StreamResponse, events: Sequence[str], *, eof: bool) -> None:
    data = "".join(events).encode()
    end = len(data) - WRITE_SIZE
    pos = 0
    while pos < end:
        await resp.write(data[pos:pos + WRITE_SIZE])
        pos += WRITE_SIZE
    if eof:
        await resp.write_eof(data[pos:])  # the last bytes and the terminating chunk in one write
    else:
        await resp.write(data[pos:])  # b"" still sends the status line and headers


async def write_sse(request: web.BaseRequest, reply: SSEReply, fault: Fault | None,
                    request_id: str) -> web.StreamResponse:
    events = reply.events
    done = DONE if reply.done else ""
    if fault is not None and fault.kind in BODY_FAULTS and fault.kind != "slow_body":
        body = ("".join(events) + done).encode()
        return await body_fault_response(request, fault, 200, body, SSE_CT, request_id)
    resp = web.StreamResponse(headers={"Content-Type": SSE_CT, "Cache-Control": "no-cache",
                                       "x-request-id": request_id})
    await resp.prepare(request)
    with contextlib.suppress(ConnectionError):  # the client went away mid-stream: nothing to report
        await _write_with_fault(request, resp, events, fault, done)
    return resp


async def _write_with_fault(request: web.BaseRequest, resp: web.StreamResponse, events: list[str],
                            fault: Fault | None, done: str = DONE) -> None:
    if fault is None:
        await _write(resp, [*events, done], eof=True)
    elif fault.kind == "slow_body":
        await _write(resp, events[:1], eof=False)
        await asyncio.sleep(fault.delay)
        await _write(resp, [*events[1:], done], eof=True)
    elif fault.kind == "stream_cut":
        await _write(resp, events[: fault.after], eof=False)
        close_connection(request)
    elif fault.kind == "sse_error":
        await _write(resp, [*events[: fault.after], _error_event(fault.style), done], eof=True)
    else:
        await _write(resp, [*events, done], eof=True)
