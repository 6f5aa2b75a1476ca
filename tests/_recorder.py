"""A recording HTTP server on loopback for the wire test (``tests/test_wire.py``).

It keeps every request exactly as it arrived (method, raw path, query, headers, body bytes) and answers
each API route with a small canned JSON (or SSE / bytes) that both the official SDK and openai_core parse,
so the same call can be made through both and the two recordings compared. It runs on its own thread and
loop, like ``openai_core.testing.MockServer``, so one server outlives the per-test event loops.

Deliberately not ``openai_core.testing``: that server is part of the product under test and answers from
state (jobs, files); this one must be dumb, answer anything plausibly, and hide nothing it received.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web
from multidict import CIMultiDict

from ._recorder_admin import admin_routes, agents_routes
from ._recorder_beta import beta_routes
from ._recorder_breadth import breadth_routes

__all__ = ["Part", "Recorded", "Recorder", "parse_multipart"]


@dataclass(frozen=True)
class Part:
    """One part of a multipart/form-data body."""

    name: str | None
    filename: str | None
    content_type: str | None
    data: bytes


@dataclass
class Recorded:
    method: str
    raw_path: str  # path as sent, percent-escapes kept, without the query
    raw_query: str
    headers: CIMultiDict[str]
    body: bytes

    @property
    def query(self) -> list[tuple[str, str]]:
        return parse_qsl(self.raw_query, keep_blank_values=True)

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "")

    def json(self) -> Any:
        return json.loads(self.body)

    def parts(self) -> list[Part]:
        return parse_multipart(self.content_type, self.body)


def _header_params(value: str) -> tuple[str, dict[str, str]]:
    """``form-data; name="file"; filename="a.txt"`` -> ("form-data", {"name": "file", ...})."""
    main, _, rest = value.partition(";")
    params: dict[str, str] = {}
    for match in re.finditer(r'\s*([^=;\s]+)\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]*)\s*;?', rest):
        key = match.group(1).lower()
        quoted = match.group(3)
        params[key] = re.sub(r"\\(.)", r"\1", quoted) if quoted is not None else match.group(2).strip()
    return main.strip().lower(), params


def parse_multipart(content_type: str, body: bytes) -> list[Part]:
    """The parts of a multipart/form-data body, byte-exact (RFC 7578; no library: the point is to see
    precisely what was sent, and the format is a boundary split)."""
    kind, params = _header_params(content_type)
    if kind != "multipart/form-data" or "boundary" not in params:
        raise ValueError(f"not a multipart/form-data body: {content_type!r}")
    delimiter = b"--" + params["boundary"].encode("latin-1")
    chunks = body.split(delimiter)
    if chunks[-1].strip() != b"--":
        raise ValueError("multipart body does not end with the closing delimiter")
    parts: list[Part] = []
    for chunk in chunks[1:-1]:
        if not chunk.startswith(b"\r\n") or not chunk.endswith(b"\r\n"):
            raise ValueError(f"malformed multipart part: {chunk[:60]!r}")
        head, sep, data = chunk[2:-2].partition(b"\r\n\r\n")
        if not sep:
            raise ValueError(f"multipart part without a header block: {chunk[:60]!r}")
        headers: CIMultiDict[str] = CIMultiDict()
        for line in head.decode("utf-8").split("\r\n"):
            name, _, value = line.partition(":")
            headers.add(name.strip(), value.strip())
        _, disposition = _header_params(headers.get("Content-Disposition", ""))
        parts.append(
            Part(disposition.get("name"), disposition.get("filename"), headers.get("Content-Type"), data)
        )
    return parts


# -- canned answers --------------------------------------------------------------------------------------

CREATED = 1_700_000_000
# Two float32 values; both SDKs decode base64 embeddings to [0.5, -1.0].
EMBEDDING_B64 = base64.b64encode(struct.pack("<2f", 0.5, -1.0)).decode()
SPEECH_BYTES = b"ID3\x04\x00fake-mp3-bytes"
FILE_BYTES = b'{"prompt": "a", "completion": "b"}\n'


def _usage() -> dict[str, int]:
    return {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}


def _chat_content(body: dict[str, Any]) -> str:
    """JSON when the request asked for a JSON schema (so structured-output parsing has something to
    parse: ``tests/_calls.py``'s ``Answer`` model), plain text otherwise."""
    response_format = body.get("response_format")
    if isinstance(response_format, dict) and response_format.get("type") == "json_schema":
        return '{"text": "hello"}'
    return "hello"


def _chat_tool_calls(body: dict[str, Any]) -> list[dict[str, Any]] | None:
    """A call of the request's first function tool (arguments valid for ``GetWeather``), if it has one."""
    for tool in body.get("tools") or []:
        if isinstance(tool, dict) and tool.get("type") == "function":
            return [{"id": "call_wire", "type": "function",
                     "function": {"name": tool["function"]["name"], "arguments": '{"city": "Paris"}'}}]
    return None


def _chat_completion(body: dict[str, Any]) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": _chat_content(body), "refusal": None}
    tool_calls = _chat_tool_calls(body)
    if tool_calls:
        message["tool_calls"] = tool_calls
    return {
        "id": "chatcmpl-wire",
        "object": "chat.completion",
        "created": CREATED,
        "model": body.get("model", "gpt-4o"),
        "choices": [
            {
                "index": 0,
                "message": message,
                "finish_reason": "tool_calls" if tool_calls else "stop",
                "logprobs": None,
            }
        ],
        "usage": _usage(),
    }


def _chat_chunks(body: dict[str, Any]) -> list[dict[str, Any]]:
    base = {"id": "chatcmpl-wire", "object": "chat.completion.chunk", "created": CREATED,
            "model": body.get("model", "gpt-4o")}
    content = _chat_content(body)
    half = len(content) // 2
    chunks = [
        {**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": content[:half]},
                              "finish_reason": None}]},
        {**base, "choices": [{"index": 0, "delta": {"content": content[half:]}, "finish_reason": "stop"}]},
    ]
    if (body.get("stream_options") or {}).get("include_usage"):
        chunks.append({**base, "choices": [], "usage": _usage()})
    return chunks


def _completion(body: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "cmpl-wire",
        "object": "text_completion",
        "created": CREATED,
        "model": body.get("model", "gpt-3.5-turbo-instruct"),
        "choices": [{"index": 0, "text": "hello", "finish_reason": "stop", "logprobs": None}],
        "usage": _usage(),
    }


def _completion_chunks(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [{**_completion(body), "usage": None}]


def _model(model_id: str) -> dict[str, Any]:
    return {"id": model_id, "object": "model", "created": CREATED, "owned_by": "wire"}


def _job(job_id: str = "ftjob-wire", status: str = "queued") -> dict[str, Any]:
    return {
        "id": job_id,
        "object": "fine_tuning.job",
        "created_at": CREATED,
        "error": None,
        "fine_tuned_model": None,
        "finished_at": None,
        "hyperparameters": {"batch_size": "auto", "learning_rate_multiplier": "auto", "n_epochs": "auto"},
        "model": "gpt-4o-mini-2024-07-18",
        "organization_id": "org-wire",
        "result_files": [],
        "seed": 42,
        "status": status,
        "trained_tokens": None,
        "training_file": "file-train",
        "validation_file": None,
    }


def _event(event_id: str) -> dict[str, Any]:
    return {"id": event_id, "object": "fine_tuning.job.event", "created_at": CREATED, "level": "info",
            "message": "Job started"}


def _checkpoint(checkpoint_id: str) -> dict[str, Any]:
    return {
        "id": checkpoint_id,
        "object": "fine_tuning.job.checkpoint",
        "created_at": CREATED,
        "fine_tuned_model_checkpoint": "ft:gpt-4o-mini:org::ckpt",
        "fine_tuning_job_id": "ftjob-wire",
        "metrics": {"step": 10, "train_loss": 0.5},
        "step_number": 10,
    }


def _file(file_id: str = "file-wire") -> dict[str, Any]:
    return {"id": file_id, "object": "file", "bytes": len(FILE_BYTES), "created_at": CREATED,
            "filename": "train.jsonl", "purpose": "fine-tune", "status": "processed"}


def _batch(batch_id: str = "batch-wire") -> dict[str, Any]:
    return {
        "id": batch_id,
        "object": "batch",
        "endpoint": "/v1/chat/completions",
        "input_file_id": "file-wire",
        "completion_window": "24h",
        "status": "validating",
        "created_at": CREATED,
    }


MODERATION_CATEGORIES = [
    "harassment", "harassment/threatening", "hate", "hate/threatening", "illicit", "illicit/violent",
    "self-harm", "self-harm/instructions", "self-harm/intent", "sexual", "sexual/minors", "violence",
    "violence/graphic",
]


def _moderation(body: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "modr-wire",
        "model": body.get("model", "omni-moderation-latest"),
        "results": [
            {
                "flagged": False,
                "categories": dict.fromkeys(MODERATION_CATEGORIES, False),
                "category_scores": dict.fromkeys(MODERATION_CATEGORIES, 0.01),
                "category_applied_input_types": {name: ["text"] for name in MODERATION_CATEGORIES},
            }
        ],
    }


def _images() -> dict[str, Any]:
    return {"created": CREATED, "data": [{"url": "https://example.com/image.png", "revised_prompt": "a cat"}]}


def _image_events(ctx: _Ctx) -> _Answer:
    if not ctx.stream:
        return _images()
    kind = "image_generation" if ctx.match[1] == "generations" else "image_edit"
    common = {"b64_json": "iVBORw0KGgo=", "background": "auto", "created_at": CREATED, "output_format": "png",
              "quality": "low", "size": "1024x1024"}
    usage = {"input_tokens": 5, "input_tokens_details": {"image_tokens": 0, "text_tokens": 5},
             "output_tokens": 10, "total_tokens": 15}
    return _sse([(f"{kind}.partial_image", {"type": f"{kind}.partial_image", "partial_image_index": 0, **common}),
                 (f"{kind}.completed", {"type": f"{kind}.completed", "usage": usage, **common})])


def _response_output(body: dict[str, Any]) -> list[dict[str, Any]]:
    """A message (JSON text when a JSON-schema text format was asked for, so ``responses.parse`` has
    something to parse), then a call of the first function tool, if any (arguments valid for
    ``tests/_calls.py``'s ``GetWeather``)."""
    text_config = body.get("text")
    fmt = text_config.get("format") if isinstance(text_config, dict) else None
    text = '{"text": "hello"}' if isinstance(fmt, dict) and fmt.get("type") == "json_schema" else "hello"
    output: list[dict[str, Any]] = [{"type": "message", "id": "msg_wire", "status": "completed", "role": "assistant",
                                     "content": [{"type": "output_text", "text": text, "annotations": []}]}]
    for tool in body.get("tools") or []:
        if isinstance(tool, dict) and tool.get("type") == "function":
            output.append({"type": "function_call", "id": "fc_wire", "call_id": "call_wire", "name": tool.get("name"),
                           "arguments": '{"city": "Paris"}', "status": "completed"})
            break
    return output


def _response(body: dict[str, Any], response_id: str = "resp_wire") -> dict[str, Any]:
    return {
        "id": response_id,
        "object": "response",
        "created_at": CREATED,
        "status": "completed",
        "model": body.get("model", "gpt-4o"),
        "output": _response_output(body),
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
        "error": None,
        "incomplete_details": None,
        "instructions": None,
        "metadata": {},
        "temperature": 1.0,
        "top_p": 1.0,
    }


def _response_events(body: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The whole life of a one-message response: the message and its text part are announced, the text
    arrives in two deltas, then each piece is done and the response completes."""
    done = _response(body)
    created = {**done, "status": "in_progress", "output": []}
    message = done["output"][0]
    text = message["content"][0]["text"]
    half = len(text) // 2
    where = {"item_id": "msg_wire", "output_index": 0}
    events: list[tuple[str, dict[str, Any]]] = [
        ("response.created", {"response": created}),
        ("response.output_item.added", {"output_index": 0, "item": {**message, "status": "in_progress",
                                                                     "content": []}}),
        ("response.content_part.added", {**where, "content_index": 0,
                                         "part": {"type": "output_text", "text": "", "annotations": []}}),
        ("response.output_text.delta", {**where, "content_index": 0, "delta": text[:half], "logprobs": []}),
        ("response.output_text.delta", {**where, "content_index": 0, "delta": text[half:], "logprobs": []}),
        ("response.output_text.done", {**where, "content_index": 0, "text": text, "logprobs": []}),
        ("response.content_part.done", {**where, "content_index": 0, "part": message["content"][0]}),
        ("response.output_item.done", {"output_index": 0, "item": message}),
        ("response.completed", {"response": done}),
    ]
    return [(name, {"type": name, "sequence_number": n, **payload}) for n, (name, payload) in enumerate(events)]


def _list(data: list[dict[str, Any]], *, cursor: bool, query: dict[str, str]) -> dict[str, Any]:
    """A list page. Cursor lists say ``has_more`` until the request carries ``after``, so walking every
    page makes exactly one follow-up request and the wire test sees the cursor both SDKs send."""
    page: dict[str, Any] = {"object": "list", "data": data}
    if cursor:
        page["has_more"] = "after" not in query
        if data:
            page["first_id"], page["last_id"] = data[0]["id"], data[-1]["id"]
    return page


def _sse(events: list[tuple[str | None, dict[str, Any]]]) -> bytes:
    out = []
    for name, payload in events:
        if name:
            out.append(f"event: {name}\n")
        out.append(f"data: {json.dumps(payload)}\n\n")
    out.append("data: [DONE]\n\n")
    return "".join(out).encode()


@dataclass(frozen=True)
class _Ctx:
    match: re.Match[str]
    query: dict[str, str]
    body: dict[str, Any]
    stream: bool


_Answer = dict[str, Any] | bytes | web.Response
_Route = tuple[str, re.Pattern[str], Callable[[_Ctx], _Answer]]


def _paged(make: Callable[[str], dict[str, Any]], prefix: str) -> Callable[[_Ctx], _Answer]:
    def answer(ctx: _Ctx) -> _Answer:
        page = 2 if "after" in ctx.query else 1
        return _list([make(f"{prefix}-{page}a"), make(f"{prefix}-{page}b")], cursor=True, query=ctx.query)

    return answer


def _chat(ctx: _Ctx) -> _Answer:
    if ctx.stream:
        return _sse([(None, chunk) for chunk in _chat_chunks(ctx.body)])
    return _chat_completion(ctx.body)


def _text_completion(ctx: _Ctx) -> _Answer:
    if ctx.stream:
        return _sse([(None, chunk) for chunk in _completion_chunks(ctx.body)])
    return _completion(ctx.body)


def _responses_create(ctx: _Ctx) -> _Answer:
    if ctx.stream:
        return _sse(list(_response_events(ctx.body)))
    return _response(ctx.body)


def _responses_retrieve(ctx: _Ctx) -> _Answer:
    if ctx.stream:
        return _sse(list(_response_events({})))
    return _response({}, ctx.match["id"])


def _input_item(item_id: str) -> dict[str, Any]:
    return {"type": "message", "id": item_id, "status": "completed", "role": "user",
            "content": [{"type": "input_text", "text": "hi"}]}


def _transcription(ctx: _Ctx) -> _Answer:
    if ctx.stream:
        return _sse([(None, {"type": "transcript.text.delta", "delta": "hello"}),
                     (None, {"type": "transcript.text.delta", "delta": " world"}),
                     (None, {"type": "transcript.text.done", "text": "hello world",
                             "usage": {"type": "tokens", "input_tokens": 9, "output_tokens": 2, "total_tokens": 11}})])
    return {"text": "hello world"}


def _stored_chat(completion_id: str) -> dict[str, Any]:
    return {**_chat_completion({"messages": [{"role": "user", "content": "Hi"}]}), "id": completion_id,
            "metadata": {"topic": "wire"}}


def _stored_message(message_id: str) -> dict[str, Any]:
    return {"id": message_id, "role": "user", "content": "Hi", "content_parts": None}


def _conversation(conversation_id: str = "conv_wire") -> dict[str, Any]:
    return {"id": conversation_id, "object": "conversation", "created_at": CREATED, "metadata": {"topic": "wire"}}


def _conversation_item(item_id: str) -> dict[str, Any]:
    return {"type": "message", "id": item_id, "role": "user", "status": "completed",
            "content": [{"type": "input_text", "text": "Hi"}]}


def _conversation_items(ctx: _Ctx) -> _Answer:
    page = 2 if "after" in ctx.query else 1
    data = [_conversation_item(f"msg-{page}a"), _conversation_item(f"msg-{page}b")]
    return {"object": "list", "data": data, "first_id": data[0]["id"], "last_id": data[-1]["id"],
            "has_more": page == 1}


def _upload(upload_id: str = "upload_wire", status: str = "pending", body: dict[str, Any] | None = None) -> dict[str, Any]:
    upload: dict[str, Any] = {"id": upload_id, "object": "upload", "bytes": (body or {}).get("bytes", 10),
                              "created_at": CREATED, "expires_at": CREATED + 3600, "status": status,
                              "filename": (body or {}).get("filename", "data.jsonl"),
                              "purpose": (body or {}).get("purpose", "batch"), "file": None}
    if status == "completed":
        upload["file"] = _file("file-uploaded")
    return upload


ROUTES: list[_Route] = [
    ("POST", re.compile(r"/uploads"), lambda ctx: _upload(body=ctx.body)),
    ("POST", re.compile(r"/uploads/(?P<id>[^/]+)/parts"), lambda ctx: {
        "id": f"part_{len(ctx.body.get('data', ''))}", "object": "upload.part", "created_at": CREATED,
        "upload_id": ctx.match["id"]}),
    ("POST", re.compile(r"/uploads/(?P<id>[^/]+)/complete"), lambda ctx: _upload(ctx.match["id"], "completed")),
    ("POST", re.compile(r"/uploads/(?P<id>[^/]+)/cancel"), lambda ctx: _upload(ctx.match["id"], "cancelled")),
    ("POST", re.compile(r"/responses/input_tokens"), lambda ctx: {"object": "response.input_tokens",
                                                                  "input_tokens": 11}),
    ("POST", re.compile(r"/conversations"), lambda ctx: _conversation()),
    ("GET", re.compile(r"/conversations/(?P<id>[^/]+)"), lambda ctx: _conversation(ctx.match["id"])),
    ("POST", re.compile(r"/conversations/(?P<id>[^/]+)"), lambda ctx: {
        **_conversation(ctx.match["id"]), "metadata": ctx.body.get("metadata")}),
    ("DELETE", re.compile(r"/conversations/(?P<id>[^/]+)"), lambda ctx: {
        "id": ctx.match["id"], "object": "conversation.deleted", "deleted": True}),
    ("POST", re.compile(r"/conversations/[^/]+/items"), lambda ctx: {
        "object": "list", "data": [_conversation_item("msg_new")], "first_id": "msg_new", "last_id": "msg_new",
        "has_more": False}),
    ("GET", re.compile(r"/conversations/[^/]+/items"), _conversation_items),
    ("GET", re.compile(r"/conversations/[^/]+/items/(?P<id>[^/]+)"), lambda ctx: _conversation_item(ctx.match["id"])),
    ("DELETE", re.compile(r"/conversations/(?P<id>[^/]+)/items/[^/]+"), lambda ctx: _conversation(ctx.match["id"])),
    ("POST", re.compile(r"/chat/completions"), _chat),
    ("GET", re.compile(r"/chat/completions"), _paged(_stored_chat, "chatcmpl")),
    ("GET", re.compile(r"/chat/completions/(?P<id>[^/]+)"), lambda ctx: _stored_chat(ctx.match["id"])),
    ("POST", re.compile(r"/chat/completions/(?P<id>[^/]+)"), lambda ctx: {
        **_stored_chat(ctx.match["id"]), "metadata": ctx.body.get("metadata")}),
    ("DELETE", re.compile(r"/chat/completions/(?P<id>[^/]+)"), lambda ctx: {
        "id": ctx.match["id"], "object": "chat.completion.deleted", "deleted": True}),
    ("GET", re.compile(r"/chat/completions/[^/]+/messages"), _paged(_stored_message, "msg")),
    ("POST", re.compile(r"/completions"), _text_completion),
    ("POST", re.compile(r"/embeddings"), lambda ctx: {
        "object": "list", "model": ctx.body.get("model"),
        "data": [{"object": "embedding", "index": 0,
                  "embedding": EMBEDDING_B64 if ctx.body.get("encoding_format") == "base64" else [0.5, -1.0]}],
        "usage": {"prompt_tokens": 2, "total_tokens": 2}}),
    ("GET", re.compile(r"/models"), lambda ctx: _list([_model("gpt-4o"), _model("gpt-4o-mini")], cursor=False,
                                                       query=ctx.query)),
    ("GET", re.compile(r"/models/(?P<id>[^/]+)"), lambda ctx: _model(ctx.match["id"])),
    ("DELETE", re.compile(r"/models/(?P<id>[^/]+)"), lambda ctx: {"id": ctx.match["id"], "object": "model",
                                                                  "deleted": True}),
    ("POST", re.compile(r"/fine_tuning/jobs"), lambda ctx: _job()),
    ("GET", re.compile(r"/fine_tuning/jobs"), _paged(_job, "ftjob")),
    ("GET", re.compile(r"/fine_tuning/jobs/(?P<id>[^/]+)"), lambda ctx: _job(ctx.match["id"])),
    ("POST", re.compile(r"/fine_tuning/jobs/(?P<id>[^/]+)/cancel"), lambda ctx: _job(ctx.match["id"], "cancelled")),
    ("POST", re.compile(r"/fine_tuning/jobs/(?P<id>[^/]+)/pause"), lambda ctx: _job(ctx.match["id"], "paused")),
    ("POST", re.compile(r"/fine_tuning/jobs/(?P<id>[^/]+)/resume"), lambda ctx: _job(ctx.match["id"], "running")),
    ("GET", re.compile(r"/fine_tuning/jobs/[^/]+/events"), _paged(_event, "ftevent")),
    ("GET", re.compile(r"/fine_tuning/jobs/[^/]+/checkpoints"), _paged(_checkpoint, "ftckpt")),
    ("POST", re.compile(r"/files"), lambda ctx: _file()),
    ("GET", re.compile(r"/files"), _paged(_file, "file")),
    ("GET", re.compile(r"/files/(?P<id>[^/]+)"), lambda ctx: _file(ctx.match["id"])),
    ("DELETE", re.compile(r"/files/(?P<id>[^/]+)"), lambda ctx: {"id": ctx.match["id"], "object": "file",
                                                                 "deleted": True}),
    ("GET", re.compile(r"/files/[^/]+/content"), lambda ctx: web.Response(
        body=FILE_BYTES, content_type="application/octet-stream")),
    ("POST", re.compile(r"/batches"), lambda ctx: _batch()),
    ("GET", re.compile(r"/batches"), _paged(_batch, "batch")),
    ("GET", re.compile(r"/batches/(?P<id>[^/]+)"), lambda ctx: _batch(ctx.match["id"])),
    ("POST", re.compile(r"/batches/(?P<id>[^/]+)/cancel"), lambda ctx: {**_batch(ctx.match["id"]),
                                                                        "status": "cancelling"}),
    ("POST", re.compile(r"/moderations"), lambda ctx: _moderation(ctx.body)),
    ("POST", re.compile(r"/images/(generations|edits|variations)"), _image_events),
    ("POST", re.compile(r"/audio/speech"), lambda ctx: web.Response(body=SPEECH_BYTES, content_type="audio/mpeg")),
    ("POST", re.compile(r"/audio/(transcriptions|translations)"), _transcription),
    ("POST", re.compile(r"/responses"), _responses_create),
    ("GET", re.compile(r"/responses/(?P<id>[^/]+)"), _responses_retrieve),
    ("GET", re.compile(r"/responses/[^/]+/input_items"), _paged(_input_item, "msg")),
    ("DELETE", re.compile(r"/responses/(?P<id>[^/]+)"), lambda ctx: web.Response(status=200)),
    ("POST", re.compile(r"/responses/(?P<id>[^/]+)/cancel"), lambda ctx: _response({}, ctx.match["id"])),
    ("POST", re.compile(r"/realtime/client_secrets"), lambda ctx: {
        "value": "ek_wire", "expires_at": CREATED,
        "session": {"type": "realtime", "object": "realtime.session", "id": "sess_wire", "model": "gpt-realtime"}}),
    ("POST", re.compile(r"/realtime/translations/client_secrets"), lambda ctx: {
        "value": "ek_wire", "expires_at": CREATED,
        "session": {"type": "translation", "id": "sess_wire", "model": "gpt-realtime-translate", "expires_at": 0,
                    "audio": {"output": {"language": "fr"}}}}),
    ("POST", re.compile(r"/realtime/calls"), lambda ctx: web.Response(
        body=b"v=0\r\ns=wire answer\r\n", content_type="application/sdp")),
    ("POST", re.compile(r"/realtime/calls/[^/]+/(accept|hangup|refer|reject)"), lambda ctx: web.Response(status=200)),
]
ROUTES += breadth_routes()
ROUTES += admin_routes()
# An agent session's artifact content is bytes, not a JSON sample: answered before the sampled agents routes.
ROUTES.append(("GET", re.compile(r"/agents/sessions/[^/]+/artifacts/[^/]+/content"), lambda ctx: web.Response(
    body=b"artifact bytes\x00\x01", content_type="application/octet-stream")))
ROUTES += agents_routes()
ROUTES += beta_routes()


def _answer(recorded: Recorded, api_path: str) -> web.Response:
    query = dict(recorded.query)
    body: dict[str, Any] = {}
    if recorded.content_type.startswith("application/json") and recorded.body:
        parsed = recorded.json()
        body = parsed if isinstance(parsed, dict) else {}
    elif recorded.content_type.startswith("multipart/form-data"):
        body = {part.name or "": part.data.decode("utf-8", "replace") for part in recorded.parts()
                if part.filename is None}
    # POST carries the flag in the JSON body; GET /responses/{id}?stream=true replays a response's events.
    stream = body.get("stream") in (True, "true") or query.get("stream") == "true"
    for method, pattern, make in ROUTES:
        match = pattern.fullmatch(api_path)
        if method == recorded.method and match:
            answer = make(_Ctx(match, query, body, stream))
            if isinstance(answer, web.Response):
                return answer
            if isinstance(answer, bytes):
                return web.Response(body=answer, content_type="text/event-stream")
            return web.json_response(answer, headers={"x-request-id": "req_wire"})
    return web.json_response(
        {"error": {"message": f"recorder: no canned answer for {recorded.method} {api_path}",
                   "type": "invalid_request_error", "param": None, "code": None}},
        status=404,
    )


@dataclass
class Recorder:
    """``with Recorder() as rec: ... rec.base_url ... rec.requests``. Paths are served under ``/v1``."""

    host: str = "127.0.0.1"
    port: int = 0
    requests: list[Recorded] = field(default_factory=list)
    _thread: threading.Thread | None = None
    _loop: asyncio.AbstractEventLoop | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    def take(self) -> list[Recorded]:
        """The requests recorded since the last ``take()``."""
        taken, self.requests[:] = list(self.requests), []
        return taken

    async def _handle(self, request: web.Request) -> web.Response:
        raw_path, _, raw_query = request.raw_path.partition("?")
        recorded = Recorded(request.method, raw_path, raw_query, CIMultiDict(request.headers), await request.read())
        self.requests.append(recorded)
        # Served under /v1 (OpenAI), Azure's /openai and /openai/deployments/{name} (tests/test_azure.py) and
        # Bedrock's /openai/v1 (tests/test_bedrock.py) and Vertex's /v1/projects/.../publishers/openai/v1.
        api_path = re.sub(r"^(/v1/projects/[^/]+/locations/[^/]+/publishers/openai)?(/openai(/deployments/[^/]+)?)?(/v1)?(?=/)", "", raw_path)
        return _answer(recorded, api_path)

    def __enter__(self) -> Recorder:
        ready = threading.Event()
        errors: list[BaseException] = []
        self._thread = threading.Thread(target=self._serve, args=(ready, errors), daemon=True,
                                        name="wire-recorder")
        self._thread.start()
        ready.wait()
        if errors:
            raise errors[0]
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join()

    def _serve(self, ready: threading.Event, errors: list[BaseException]) -> None:
        loop = asyncio.new_event_loop()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=0.5)
        try:
            loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, self.host, self.port)
            loop.run_until_complete(site.start())
            self.port = int(runner.addresses[0][1])
        except BaseException as exc:
            errors.append(exc)
            loop.run_until_complete(runner.cleanup())
            loop.close()
            ready.set()
            return
        self._loop = loop
        ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(runner.cleanup())
            loop.close()
