"""The embedded OpenAI-compatible server (``openai_core.testing``), driven with raw aiohttp and httpx
over loopback: every route, auth, every fault kind, the request log, control routes and lifecycle."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import math
import ssl
import struct
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import httpx
import pytest
import pytest_asyncio

from openai_core.testing import FaultSpecError, MockServer, RecordedRequest, parse_fault

AUTH = {"Authorization": "Bearer sk-test"}
CHAT = "/v1/chat/completions"
LIBS = ["aiohttp", "httpx"]


# ------------------------------------------------------------------------------------------ helpers


@dataclass
class Fetched:
    status: int
    headers: dict[str, str]
    body: bytes
    error: BaseException | None  # raised while reading the body (after the headers arrived)
    t_headers: float
    t_total: float

    def json(self) -> Any:
        return json.loads(self.body)

    def events(self) -> list[tuple[str | None, str]]:
        return parse_sse(self.body)


def parse_sse(body: bytes) -> list[tuple[str | None, str]]:
    """(event name, data) per SSE block."""
    out: list[tuple[str | None, str]] = []
    for block in body.decode().split("\n\n"):
        if not block:
            continue
        name, data = None, []
        for line in block.split("\n"):
            if line.startswith("event: "):
                name = line[len("event: "):]
            elif line.startswith("data: "):
                data.append(line[len("data: "):])
        out.append((name, "\n".join(data)))
    return out


class Raw:
    """The same few calls over a raw aiohttp session or a raw httpx client."""

    def __init__(self, lib: str, base: str) -> None:
        self.lib = lib
        self.base = base
        self._aio: aiohttp.ClientSession | None = None
        self._httpx: httpx.AsyncClient | None = None
        if lib == "aiohttp":
            self._aio = aiohttp.ClientSession()
            self.connection_errors: tuple[type[BaseException], ...] = (aiohttp.ClientConnectionError,)
            self.payload_errors: tuple[type[BaseException], ...] = (aiohttp.ClientPayloadError,)
        else:
            self._httpx = httpx.AsyncClient(timeout=10)
            self.connection_errors = (httpx.TransportError,)
            self.payload_errors = (httpx.RemoteProtocolError, httpx.ReadError)

    async def aclose(self) -> None:
        if self._aio is not None:
            await self._aio.close()
        if self._httpx is not None:
            await self._httpx.aclose()

    async def fetch(self, method: str, path: str, *, json_body: Any = None, content: bytes | None = None,
                    headers: dict[str, str] | None = None, auth: bool = True) -> Fetched:
        all_headers = {**(AUTH if auth else {}), **(headers or {})}
        if json_body is not None:
            content = json.dumps(json_body).encode()
            all_headers.setdefault("Content-Type", "application/json")
        url = self.base + path
        t0 = time.monotonic()
        received = bytearray()
        error: BaseException | None = None
        if self._aio is not None:
            async with self._aio.request(method, url, data=content, headers=all_headers) as r:
                t_headers = time.monotonic() - t0
                try:
                    async for chunk in r.content.iter_any():
                        received += chunk
                except aiohttp.ClientPayloadError as exc:
                    error = exc
                status, resp_headers = r.status, r.headers
        else:
            assert self._httpx is not None
            async with self._httpx.stream(method, url, content=content, headers=all_headers) as r:
                t_headers = time.monotonic() - t0
                try:
                    async for chunk in r.aiter_raw():
                        received += chunk
                except httpx.TransportError as exc:
                    error = exc
                status, resp_headers = r.status_code, r.headers  # type: ignore[assignment]
        return Fetched(status, {k.lower(): v for k, v in resp_headers.items()}, bytes(received), error,
                       t_headers, time.monotonic() - t0)

    async def ok(self, method: str, path: str, *, status: int = 200, **kw: Any) -> Fetched:
        """A fetch whose body arrived whole, with the expected status."""
        r = await self.fetch(method, path, **kw)
        assert r.error is None, r.error
        assert r.status == status, r.body
        return r


@pytest.fixture(autouse=True)
def no_server_errors(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Faults and clients leaving early must not make the server log errors (it runs in this process)."""
    yield
    assert [r.getMessage() for r in caplog.records if r.levelno >= 30] == []


@pytest.fixture(scope="session")
def srv() -> Iterator[MockServer]:
    with MockServer() as server:
        yield server


@pytest_asyncio.fixture(loop_scope="function", params=LIBS)
async def raw(request: pytest.FixtureRequest, srv: MockServer) -> AsyncIterator[Raw]:
    client = Raw(request.param, srv.url)
    try:
        yield client
    finally:
        await client.aclose()


def chat_body(text: str = "hello world", **extra: Any) -> dict[str, Any]:
    return {"model": "gpt-4o", "messages": [{"role": "user", "content": text}], **extra}


def assert_error(r: Fetched, status: int, *, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    assert r.status == status, r.body
    assert r.headers["content-type"].startswith("application/json")
    error = r.json()["error"]
    assert set(error) == {"message", "type", "param", "code"}
    assert error["message"] and error["type"] == "invalid_request_error"
    if param is not None:
        assert error["param"] == param
    if code is not None:
        assert error["code"] == code
    return dict(error)


async def wait_until(predicate: Any, within: float = 3.0) -> bool:
    deadline = time.monotonic() + within
    while not predicate():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.01)
    return True


def server_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("openai_core-mock-server")]


# --------------------------------------------------------------------------------------------- auth


async def test_auth_required_and_request_ids(raw: Raw) -> None:
    for headers in ({}, {"Authorization": "Bearer"}, {"Authorization": "Basic abc"}):
        r = await raw.fetch("GET", "/v1/models", headers=headers, auth=False)
        error = r.json()["error"]
        assert r.status == 401
        assert error["code"] == "invalid_api_key" and error["type"] == "invalid_request_error"
        assert error["param"] is None and "API key" in error["message"]
    ids = [(await raw.ok("GET", "/v1/models")).headers["x-request-id"] for _ in range(3)]
    assert all(i.startswith("req_") and int(i[4:], 16) > 0 for i in ids)
    assert len(set(ids)) == 3
    assert r.headers["x-request-id"].startswith("req_")


# --------------------------------------------------------------------------------------------- chat


async def test_chat_completion(raw: Raw) -> None:
    body = {"model": "gpt-4o", "messages": [
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "first question"},
        {"role": "assistant", "content": "an answer"},
        {"role": "user", "content": "hello   world again"},
    ]}
    r = await raw.ok("POST", CHAT, json_body=body)
    assert r.headers["content-type"] == "application/json"
    data = r.json()
    assert data["id"].startswith("chatcmpl-") and data["object"] == "chat.completion"
    assert isinstance(data["created"], int) and abs(data["created"] - time.time()) < 60
    assert data["model"] == "gpt-4o"
    assert data["system_fingerprint"] == "fp_mock" and data["service_tier"] == "default"
    assert data["choices"] == [{
        "index": 0,
        "message": {"role": "assistant", "content": "echo: hello   world again", "refusal": None, "annotations": []},
        "logprobs": None,
        "finish_reason": "stop",
    }]
    usage = data["usage"]
    assert (usage["prompt_tokens"], usage["completion_tokens"], usage["total_tokens"]) == (9, 4, 13)


async def test_chat_content_parts_n_and_max_tokens(raw: Raw) -> None:
    parts = [{"type": "text", "text": "look at"}, {"type": "image_url", "image_url": {"url": "x"}},
             {"type": "text", "text": "this picture"}]
    data = (await raw.ok("POST", CHAT, json_body={"model": "m", "messages": [{"role": "user", "content": parts}],
                                                  "n": 3})).json()
    assert [c["index"] for c in data["choices"]] == [0, 1, 2]
    assert {c["message"]["content"] for c in data["choices"]} == {"echo: look at this picture"}
    assert data["usage"]["completion_tokens"] == 3 * 5

    for key in ("max_tokens", "max_completion_tokens"):
        data = (await raw.ok("POST", CHAT, json_body=chat_body("one two three four", **{key: 3}))).json()
        assert data["choices"][0]["message"]["content"] == "echo: one two"
        assert data["choices"][0]["finish_reason"] == "length"
        assert data["usage"]["completion_tokens"] == 3
    data = (await raw.ok("POST", CHAT, json_body=chat_body("short", max_tokens=50))).json()
    assert data["choices"][0]["finish_reason"] == "stop"
    assert data["choices"][0]["message"]["content"] == "echo: short"


async def test_chat_validation(raw: Raw) -> None:
    assert_error(await raw.fetch("POST", CHAT, json_body={"messages": [{"role": "user", "content": "x"}]}),
                 400, param="model")
    assert_error(await raw.fetch("POST", CHAT, json_body={"model": "m"}), 400, param="messages")
    assert_error(await raw.fetch("POST", CHAT, json_body={"model": "m", "messages": []}), 400, param="messages")
    assert_error(await raw.fetch("POST", CHAT, json_body=chat_body(n=0)), 400, param="n")
    error = assert_error(await raw.fetch("POST", CHAT, content=b"{not json"), 400)
    assert "JSON" in error["message"]
    assert_error(await raw.fetch("POST", CHAT, json_body=[1, 2]), 400)


async def test_chat_stream(raw: Raw) -> None:
    text = "the quick  brown fox\njumps over"
    plain = (await raw.ok("POST", CHAT, json_body=chat_body(text))).json()["choices"][0]["message"]["content"]
    r = await raw.ok("POST", CHAT, json_body=chat_body(text, stream=True))
    assert r.headers["content-type"].startswith("text/event-stream")
    assert r.headers["x-request-id"].startswith("req_")
    events = r.events()
    assert events[-1] == (None, "[DONE]")
    chunks = [json.loads(data) for _, data in events[:-1]]
    assert {(c["id"], c["created"], c["model"], c["object"], c["system_fingerprint"]) for c in chunks} == {
        (chunks[0]["id"], chunks[0]["created"], "gpt-4o", "chat.completion.chunk", "fp_mock")}
    assert chunks[0]["id"].startswith("chatcmpl-")
    assert chunks[0]["choices"][0]["delta"] == {"role": "assistant", "content": None}
    words = chunks[1:-1]
    assert len(words) == 7  # "echo:" + 6 words, one chunk each
    assert "".join(c["choices"][0]["delta"]["content"] for c in words) == plain == "echo: " + text
    assert all(c["choices"][0]["finish_reason"] is None for c in chunks[:-1])
    assert chunks[-1]["choices"] == [{"index": 0, "delta": {}, "logprobs": None, "finish_reason": "stop"}]
    assert all("usage" not in c for c in chunks)


async def test_chat_stream_usage_n_and_max_tokens(raw: Raw) -> None:
    body = chat_body("a b c d", stream=True, n=2, max_tokens=3, stream_options={"include_usage": True})
    events = (await raw.ok("POST", CHAT, json_body=body)).events()
    assert events[-1][1] == "[DONE]"
    chunks = [json.loads(d) for _, d in events[:-1]]
    usage_chunk = chunks[-1]
    assert usage_chunk["choices"] == []
    assert usage_chunk["usage"]["prompt_tokens"] == 4
    assert usage_chunk["usage"]["completion_tokens"] == 6 and usage_chunk["usage"]["total_tokens"] == 10
    assert all(c["usage"] is None for c in chunks[:-1])
    for index in (0, 1):
        mine = [c["choices"][0] for c in chunks[:-1] if c["choices"][0]["index"] == index]
        assert mine[0]["delta"]["role"] == "assistant"
        assert "".join(c["delta"].get("content") or "" for c in mine) == "echo: a b"
        assert mine[-1]["finish_reason"] == "length"


async def test_big_stream_concatenates_exactly(raw: Raw) -> None:
    text = " ".join(f"w{i}é" for i in range(3000))  # > one 64 KiB write, non-ASCII escaped
    events = (await raw.ok("POST", CHAT, json_body=chat_body(text, stream=True))).events()
    deltas = [json.loads(d)["choices"][0]["delta"].get("content") for _, d in events[1:-2]]
    assert len(deltas) == 3001
    assert "".join(deltas) == "echo: " + text


# -------------------------------------------------------------------------------------- completions


async def test_legacy_completions(raw: Raw) -> None:
    data = (await raw.ok("POST", "/v1/completions", json_body={"model": "gpt-3.5-turbo-instruct",
                                                              "prompt": "say this"})).json()
    assert data["object"] == "text_completion" and data["id"].startswith("cmpl-")
    assert data["model"] == "gpt-3.5-turbo-instruct"
    assert data["choices"] == [{"text": "echo: say this", "index": 0, "logprobs": None, "finish_reason": "stop"}]
    assert data["usage"]["prompt_tokens"] == 2 and data["usage"]["completion_tokens"] == 3

    data = (await raw.ok("POST", "/v1/completions", json_body={"model": "m", "prompt": ["a", "b c"]})).json()
    assert [c["text"] for c in data["choices"]] == ["echo: a", "echo: b c"]
    assert [c["index"] for c in data["choices"]] == [0, 1]

    events = (await raw.ok("POST", "/v1/completions",
                           json_body={"model": "m", "prompt": "x y z", "stream": True})).events()
    assert events[-1][1] == "[DONE]"
    chunks = [json.loads(d) for _, d in events[:-1]]
    assert {c["object"] for c in chunks} == {"text_completion"}
    assert "".join(c["choices"][0]["text"] for c in chunks) == "echo: x y z"
    assert [c["choices"][0]["finish_reason"] for c in chunks][-2:] == [None, "stop"]
    assert_error(await raw.fetch("POST", "/v1/completions", json_body={"model": "m"}), 400, param="prompt")


# ------------------------------------------------------------------------------------------- models


async def test_models(raw: Raw) -> None:
    data = (await raw.ok("GET", "/v1/models")).json()
    assert data["object"] == "list"
    assert [m["id"] for m in data["data"]] == ["gpt-4", "gpt-4o", "gpt-4o-mini", "text-embedding-3-small"]
    for m in data["data"]:
        assert m["object"] == "model" and isinstance(m["created"], int) and m["owned_by"] in ("openai", "system")
    one = (await raw.ok("GET", "/v1/models/gpt-4o-mini")).json()
    assert one == data["data"][2]
    assert_error(await raw.fetch("GET", "/v1/models/nope"), 404, param="model", code="model_not_found")
    deleted = (await raw.ok("DELETE", "/v1/models/gpt-4")).json()
    assert deleted == {"id": "gpt-4", "object": "model", "deleted": True}
    assert_error(await raw.fetch("DELETE", "/v1/models/nope"), 404, code="model_not_found")


# --------------------------------------------------------------------------------------- embeddings


async def test_embeddings(raw: Raw) -> None:
    async def embed(**body: Any) -> dict[str, Any]:
        return dict((await raw.ok("POST", "/v1/embeddings", json_body={"model": "text-embedding-3-small",
                                                                       **body})).json())

    data = await embed(input="hello world")
    assert data["object"] == "list" and data["model"] == "text-embedding-3-small"
    assert data["usage"] == {"prompt_tokens": 2, "total_tokens": 2}
    [item] = data["data"]
    assert item["object"] == "embedding" and item["index"] == 0
    vector = item["embedding"]
    assert len(vector) == 8 and math.isclose(math.sqrt(sum(v * v for v in vector)), 1.0, rel_tol=1e-5)
    assert (await embed(input="hello world"))["data"][0]["embedding"] == vector  # deterministic
    assert (await embed(input="hello there"))["data"][0]["embedding"] != vector

    encoded = (await embed(input="hello world", encoding_format="base64"))["data"][0]["embedding"]
    raw_bytes = base64.b64decode(encoded)
    assert list(struct.unpack("<8f", raw_bytes)) == vector

    many = await embed(input=["a", "b", "c"], dimensions=3)
    assert [d["index"] for d in many["data"]] == [0, 1, 2]
    assert all(len(d["embedding"]) == 3 for d in many["data"])
    assert many["data"][0]["embedding"] != many["data"][1]["embedding"]

    tokens = await embed(input=[1, 2, 3])
    assert len(tokens["data"]) == 1 and tokens["usage"]["prompt_tokens"] == 3
    token_lists = await embed(input=[[1, 2], [3]])
    assert len(token_lists["data"]) == 2 and token_lists["usage"]["prompt_tokens"] == 3
    assert token_lists["data"][0]["embedding"] != token_lists["data"][1]["embedding"]

    assert_error(await raw.fetch("POST", "/v1/embeddings", json_body={"model": "m"}), 400, param="input")
    assert_error(await raw.fetch("POST", "/v1/embeddings", json_body={"input": "x"}), 400, param="model")
    assert_error(await raw.fetch("POST", "/v1/embeddings", json_body={"model": "m", "input": "x",
                                                                       "encoding_format": "hex"}),
                 400, param="encoding_format")


# -------------------------------------------------------------------------------------- fine-tuning


async def test_fine_tuning_pagination_walks_every_job_once(raw: Raw, srv: MockServer) -> None:
    seen: list[dict[str, Any]] = []
    after: str | None = None
    pages = 0
    while True:
        query = f"?limit=7&after={after}" if after else "?limit=7"
        page = (await raw.ok("GET", "/v1/fine_tuning/jobs" + query)).json()
        assert page["object"] == "list"
        pages += 1
        seen += page["data"]
        if not page["has_more"]:
            break
        after = page["data"][-1]["id"]
    ids = [j["id"] for j in seen]
    assert len(ids) == len(set(ids))
    generated = [i for i in ids if i < "ftjob-00045"]
    assert generated == [f"ftjob-{i:05d}" for i in range(45)]  # created by other tests come first
    assert pages == math.ceil(len(ids) / 7)
    created = [j["created_at"] for j in seen]
    assert created == sorted(created, reverse=True)

    default = (await raw.ok("GET", "/v1/fine_tuning/jobs")).json()
    assert len(default["data"]) == 20 and default["has_more"] is True
    job = next(j for j in seen if j["id"] == "ftjob-00004")
    assert job["object"] == "fine_tuning.job" and job["status"] == "succeeded"
    assert job["organization_id"] and job["fine_tuned_model"].startswith("ft:")
    assert set(job["hyperparameters"]) == {"n_epochs", "batch_size", "learning_rate_multiplier"}
    assert job["method"] == {"type": "supervised", "supervised": {"hyperparameters": job["hyperparameters"]}}
    assert job["error"] is None and job["result_files"] and isinstance(job["trained_tokens"], int)
    assert job["finished_at"] > job["created_at"]

    for bad in ("0", "101", "abc"):
        assert_error(await raw.fetch("GET", f"/v1/fine_tuning/jobs?limit={bad}"), 400, param="limit")
    error = assert_error(await raw.fetch("GET", "/v1/fine_tuning/jobs?after=ftjob-nope"), 400, param="after")
    assert "after" in error["message"]


async def test_fine_tuning_create_retrieve_cancel(raw: Raw) -> None:
    suffix = uuid.uuid4().hex[:8]
    job = (await raw.ok("POST", "/v1/fine_tuning/jobs", json_body={
        "model": "gpt-4o-mini", "training_file": f"file-{suffix}", "suffix": suffix,
        "hyperparameters": {"n_epochs": 2}})).json()
    assert job["status"] == "validating_files" and job["object"] == "fine_tuning.job"
    assert job["training_file"] == f"file-{suffix}" and job["model"] == "gpt-4o-mini"
    assert job["hyperparameters"] == {"n_epochs": 2} and job["fine_tuned_model"] is None
    first = (await raw.ok("GET", "/v1/fine_tuning/jobs?limit=1")).json()["data"][0]
    assert first["id"] == job["id"]
    assert (await raw.ok("GET", f"/v1/fine_tuning/jobs/{job['id']}")).json() == job

    cancelled = (await raw.ok("POST", f"/v1/fine_tuning/jobs/{job['id']}/cancel")).json()
    assert cancelled["id"] == job["id"] and cancelled["status"] == "cancelled"
    assert (await raw.ok("GET", f"/v1/fine_tuning/jobs/{job['id']}")).json()["status"] == "cancelled"
    events = (await raw.ok("GET", f"/v1/fine_tuning/jobs/{job['id']}/events")).json()["data"]
    assert "cancelled" in events[0]["message"]

    assert_error(await raw.fetch("GET", "/v1/fine_tuning/jobs/ftjob-missing"), 404)
    assert_error(await raw.fetch("POST", "/v1/fine_tuning/jobs/ftjob-missing/cancel"), 404)
    assert_error(await raw.fetch("POST", "/v1/fine_tuning/jobs", json_body={"model": "m"}), 400,
                 param="training_file")


async def test_fine_tuning_events_and_checkpoints(raw: Raw) -> None:
    base = "/v1/fine_tuning/jobs/ftjob-00003"
    everything = (await raw.ok("GET", base + "/events")).json()
    assert everything["object"] == "list" and everything["has_more"] is False
    assert len(everything["data"]) == 5
    for event in everything["data"]:
        assert event["object"] == "fine_tuning.job.event" and event["type"] == "message"
        assert event["level"] == "info" and event["data"] == {} and event["message"]
    walked: list[str] = []
    after = None
    while True:
        page = (await raw.ok("GET", base + "/events?limit=2" + (f"&after={after}" if after else ""))).json()
        walked += [e["id"] for e in page["data"]]
        if not page["has_more"]:
            break
        after = walked[-1]
    assert walked == [e["id"] for e in everything["data"]]

    checkpoints = (await raw.ok("GET", base + "/checkpoints")).json()
    assert [c["step_number"] for c in checkpoints["data"]] == [30, 20, 10]
    for c in checkpoints["data"]:
        assert c["object"] == "fine_tuning.job.checkpoint" and c["fine_tuning_job_id"] == "ftjob-00003"
        assert c["fine_tuned_model_checkpoint"].endswith(f"step-{c['step_number']}")
        assert c["metrics"]["step"] == c["step_number"]
    page = (await raw.ok("GET", base + f"/checkpoints?limit=1&after={checkpoints['data'][0]['id']}")).json()
    assert [c["step_number"] for c in page["data"]] == [20] and page["has_more"] is True
    assert_error(await raw.fetch("GET", "/v1/fine_tuning/jobs/ftjob-missing/events"), 404)


# ------------------------------------------------------------------------------------------- faults


def fault(spec: str, key: str | None = None) -> dict[str, str]:
    headers = {"X-Mock-Fault": spec}
    if key is not None:
        headers["X-Mock-Fault-Key"] = key
    return headers


async def test_fault_status(raw: Raw) -> None:
    r = await raw.fetch("POST", CHAT, json_body=chat_body(), headers=fault(
        "kind=status;code=429;retry_after=2;retry_after_ms=1500;should_retry=false"))
    assert r.status == 429
    assert (r.headers["retry-after"], r.headers["retry-after-ms"], r.headers["x-should-retry"]) == ("2", "1500", "false")
    error = r.json()["error"]
    assert "429" in error["message"] and error["code"] == "rate_limit_exceeded"
    assert r.headers["x-request-id"].startswith("req_")

    r = await raw.fetch("GET", "/v1/models", headers=fault("kind=status;code=502;body=html"))
    assert r.status == 502 and r.headers["content-type"].startswith("text/html")
    assert r.body.startswith(b"<html>") and b"502 Bad Gateway" in r.body and "retry-after" not in r.headers
    r = await raw.fetch("GET", "/v1/models", headers=fault("kind=status;code=503;body=text"))
    assert r.status == 503 and r.headers["content-type"].startswith("text/plain") and b"503" in r.body
    r = await raw.fetch("GET", "/v1/models", headers=fault("kind=status;code=500;body=empty"))
    assert r.status == 500 and r.body == b""
    r = await raw.fetch("GET", "/v1/models", headers=fault("kind=status;code=500"))
    assert r.json()["error"]["type"] == "server_error"


async def test_fault_reset(raw: Raw) -> None:
    with pytest.raises(raw.connection_errors):
        await raw.fetch("POST", CHAT, json_body=chat_body(), headers=fault("kind=reset"))
    # the client recovers on a new connection
    assert (await raw.ok("POST", CHAT, json_body=chat_body("after reset"))).json()["choices"][0]["message"][
        "content"] == "echo: after reset"


async def test_fault_slow_headers_and_slow_body(raw: Raw) -> None:
    r = await raw.ok("POST", CHAT, json_body=chat_body("slow"), headers=fault("kind=slow_headers;delay=0.25"))
    assert r.t_headers >= 0.25 and r.json()["choices"][0]["message"]["content"] == "echo: slow"

    r = await raw.ok("POST", CHAT, json_body=chat_body("slow body"), headers=fault("kind=slow_body;delay=0.3"))
    assert r.t_headers < 0.25 <= 0.3 <= r.t_total
    assert r.headers.get("transfer-encoding") == "chunked"
    assert r.json()["choices"][0]["message"]["content"] == "echo: slow body"

    r = await raw.ok("POST", CHAT, json_body=chat_body("slow stream", stream=True),
                     headers=fault("kind=slow_body;delay=0.3"))
    assert r.t_headers < 0.25 and r.t_total >= 0.3
    events = r.events()
    assert events[-1][1] == "[DONE]"
    assert "".join(json.loads(d)["choices"][0]["delta"].get("content") or "" for _, d in events[:-1]) == \
        "echo: slow stream"


@pytest.mark.parametrize("mode", ["length", "chunked"])
async def test_fault_truncate(raw: Raw, mode: str) -> None:
    r = await raw.fetch("POST", CHAT, json_body=chat_body(), headers=fault(f"kind=truncate;mode={mode}"))
    assert r.status == 200
    assert isinstance(r.error, raw.payload_errors)
    assert r.body.startswith(b'{"id":"chatcmpl-') and len(r.body) > 100
    if mode == "length":
        assert int(r.headers["content-length"]) > len(r.body)
    else:
        assert r.headers["transfer-encoding"] == "chunked"
    with pytest.raises(ValueError):
        json.loads(r.body)


async def test_fault_stream_cut(raw: Raw) -> None:
    r = await raw.fetch("POST", CHAT, json_body=chat_body("a b c d e f", stream=True),
                        headers=fault("kind=stream_cut;after=3"))
    assert r.status == 200 and isinstance(r.error, raw.payload_errors)
    events = r.events()
    assert len(events) == 3 and all(json.loads(d)["object"] == "chat.completion.chunk" for _, d in events)
    assert b"[DONE]" not in r.body


@pytest.mark.parametrize("style", ["event", "payload"])
async def test_fault_sse_error(raw: Raw, style: str) -> None:
    r = await raw.ok("POST", CHAT, json_body=chat_body("a b c d e f", stream=True),
                     headers=fault(f"kind=sse_error;after=2;style={style}"))
    events = r.events()
    assert [json.loads(d)["object"] for _, d in events[:2]] == ["chat.completion.chunk"] * 2
    name, data = events[2]
    assert name == ("error" if style == "event" else None)
    error = json.loads(data)["error"]
    assert error["type"] == "server_error" and error["message"]
    assert events[3:] == [(None, "[DONE]")]


async def test_fault_bad_body(raw: Raw) -> None:
    r = await raw.ok("POST", CHAT, json_body=chat_body(), headers=fault("kind=bad_body;body=nonjson"))
    assert r.headers["content-type"] == "application/json" and r.body
    with pytest.raises(ValueError):
        json.loads(r.body)
    r = await raw.ok("POST", CHAT, json_body=chat_body(), headers=fault("kind=bad_body;body=html"))
    assert r.headers["content-type"].startswith("text/html") and b"<html>" in r.body
    r = await raw.ok("POST", CHAT, json_body=chat_body(), headers=fault("kind=bad_body;body=empty"))
    assert r.body == b"" and r.headers["content-length"] == "0"
    r = await raw.ok("POST", CHAT, json_body=chat_body(), headers=fault(
        "kind=bad_body;body=truncated_json;content_type=text/plain"))
    assert r.headers["content-type"].startswith("text/plain")
    assert r.body.startswith(b'{"id":"chatcmpl-') and int(r.headers["content-length"]) == len(r.body)
    full = (await raw.ok("POST", CHAT, json_body=chat_body())).body
    assert abs(len(r.body) - len(full) // 2) <= 2  # the chat ids differ in length by at most one digit
    with pytest.raises(ValueError):
        json.loads(r.body)


async def test_fault_times_and_attempts(raw: Raw, srv: MockServer) -> None:
    key = f"retry-{uuid.uuid4().hex}"
    statuses = [(await raw.fetch("POST", CHAT, json_body=chat_body(), headers=fault(
        "kind=status;code=503;times=2", key))).status for _ in range(4)]
    assert statuses == [503, 503, 200, 200]
    assert srv.attempts(key) == 4

    idem = f"idem-{uuid.uuid4().hex}"
    for expected in (500, 200):
        r = await raw.fetch("POST", CHAT, json_body=chat_body(), headers={
            "X-Mock-Fault": "kind=status;code=500;times=1", "Idempotency-Key": idem})
        assert r.status == expected
    assert srv.attempts(idem) == 2
    # requests with a key but no fault are counted too
    await raw.ok("GET", "/v1/models", headers={"Idempotency-Key": idem})
    assert srv.attempts(idem) == 3
    assert srv.attempts("never-used") == 0


async def test_fault_in_model_name(raw: Raw, srv: MockServer) -> None:
    """Clients that cannot set headers pick a fault with model="fault:<spec>"; the key is method+path+sha1."""
    model = "fault:kind=status;code=500;times=2"
    body = chat_body(f"unique {uuid.uuid4().hex}") | {"model": model}
    statuses = [(await raw.fetch("POST", CHAT, json_body=body)).status for _ in range(3)]
    assert statuses == [500, 500, 200]
    recorded = srv.requests[-1]
    key = f"POST {CHAT} {hashlib.sha1(recorded.body).hexdigest()}"
    assert srv.attempts(key) == 3
    r = await raw.ok("POST", CHAT, json_body=body)
    assert r.json()["model"] == model  # the normal answer echoes the model as given

    r = await raw.fetch("POST", CHAT, json_body=chat_body(stream=True) | {"model": "fault:kind=stream_cut;after=1"})
    assert isinstance(r.error, raw.payload_errors) and len(r.events()) == 1


@pytest.mark.parametrize("spec, fragment", [
    ("kind=nope", "unknown kind"),
    ("code=429", "'kind' is required"),
    ("kind=status", "requires: code"),
    ("kind=status;code=abc", "not an integer"),
    ("kind=status;code=42", "between 100 and 599"),
    ("kind=slow_body", "requires: delay"),
    ("kind=slow_headers;delay=-1", ">= 0"),
    ("kind=truncate;mode=sideways", "mode="),
    ("kind=reset;colour=red", "unknown key"),
    ("kind=reset;times=x", "not an integer"),
    ("kind=bad_body;body=weird", "body="),
    ("kind=reset;oops", "expected key=value"),
])
async def test_fault_malformed(raw: Raw, spec: str, fragment: str) -> None:
    r = await raw.fetch("POST", CHAT, json_body=chat_body(), headers=fault(spec))
    error = assert_error(r, 400, param="X-Mock-Fault", code="invalid_fault_spec")
    assert fragment in error["message"]


def test_parse_fault_values() -> None:
    f = parse_fault(" kind=status ; code=429; retry_after=1.5 ;times=3;body=html")
    assert (f.kind, f.code, f.retry_after, f.times, f.body) == ("status", 429, "1.5", 3, "html")
    assert parse_fault("kind=slow_body;delay=0.5").delay == 0.5
    assert parse_fault("kind=sse_error;after=4").style == "event"
    assert parse_fault("kind=truncate").mode == "length" and parse_fault("kind=truncate").times is None
    with pytest.raises(FaultSpecError, match="given twice"):
        parse_fault("kind=reset;kind=reset")


# ------------------------------------------------------------------------------ log & control routes


async def test_request_log(raw: Raw, srv: MockServer) -> None:
    srv.clear()
    assert srv.requests == []
    await raw.ok("POST", CHAT, json_body=chat_body("logged"), headers={"X-Custom": "yes"})
    await raw.ok("GET", "/v1/fine_tuning/jobs?limit=2&limit=3&after=ftjob-00001")
    await raw.ok("GET", "/_mock/health")
    r = await raw.fetch("GET", "/v1/does-not-exist")
    assert_error(r, 404)
    assert "Invalid URL" in r.json()["error"]["message"]

    assert [(q.method, q.path) for q in srv.requests] == [
        ("POST", CHAT), ("GET", "/v1/fine_tuning/jobs"), ("GET", "/v1/does-not-exist")]
    chat, jobs, _ = srv.requests
    assert isinstance(chat, RecordedRequest)
    assert chat.json() == chat_body("logged") and chat.query == {}
    assert chat.headers["x-custom"] == "yes" and chat.headers["authorization"] == "Bearer sk-test"
    assert all(name == name.lower() for name in chat.headers)
    assert jobs.query == {"limit": "3", "after": "ftjob-00001"} and jobs.body == b""
    assert len((await raw.ok("GET", "/v1/fine_tuning/jobs?limit=2&limit=3")).json()["data"]) == 3
    srv.clear()
    assert srv.requests == []


async def test_control_routes(raw: Raw, srv: MockServer) -> None:
    health = await raw.ok("GET", "/_mock/health", auth=False)
    assert health.json() == {"status": "ok"}
    await raw.ok("POST", "/_mock/reset", auth=False)
    key = uuid.uuid4().hex
    await raw.ok("POST", "/v1/embeddings", json_body={"model": "m", "input": "é"}, headers={"X-Mock-Fault-Key": key})
    log = (await raw.ok("GET", "/_mock/requests", auth=False)).json()
    assert len(log) == 1
    assert log[0]["method"] == "POST" and log[0]["path"] == "/v1/embeddings"
    assert json.loads(log[0]["body"]) == {"model": "m", "input": "é"}
    assert log[0]["headers"]["x-mock-fault-key"] == key
    attempts = (await raw.ok("GET", f"/_mock/attempts?key={key}", auth=False)).json()
    assert attempts == {"key": key, "attempts": 1}
    assert (await raw.ok("POST", "/_mock/reset", auth=False)).json() == {"status": "ok"}
    assert srv.requests == [] and srv.attempts(key) == 0
    assert (await raw.ok("GET", "/_mock/requests", auth=False)).json() == []


async def test_open_connections_return_to_zero(srv: MockServer) -> None:
    for lib in LIBS:
        client = Raw(lib, srv.url)
        await asyncio.gather(*(client.ok("GET", "/v1/models") for _ in range(4)))
        assert srv.open_connections() >= 1
        await client.aclose()
        assert await wait_until(lambda: srv.open_connections() == 0), srv.open_connections()


# ---------------------------------------------------------------------------------------- lifecycle


async def test_mock_server_start_stop() -> None:
    before = len(server_threads())
    server = MockServer(num_jobs=3)
    assert server.start() is server and server.start() is server  # second start is a no-op
    assert server.port > 0 and server.base_url == f"http://127.0.0.1:{server.port}/v1"
    assert server.url == f"http://127.0.0.1:{server.port}"
    assert len(server_threads()) == before + 1
    client = Raw("aiohttp", server.url)
    try:
        jobs = (await client.ok("GET", "/v1/fine_tuning/jobs")).json()
        assert [j["id"] for j in jobs["data"]] == ["ftjob-00000", "ftjob-00001", "ftjob-00002"]
        assert server.open_connections() == 1  # the idle keep-alive connection
        slow = asyncio.create_task(client.fetch("GET", "/v1/models", headers=fault("kind=slow_headers;delay=10")))
        assert await wait_until(lambda: len(server.requests) == 2)
        t0 = time.monotonic()
        await asyncio.to_thread(server.stop)  # closes the idle and the busy connection
        assert time.monotonic() - t0 < 3
        with pytest.raises(aiohttp.ClientConnectionError):
            await slow
        assert len(server_threads()) == before and server.open_connections() == 0
        server.stop()  # idempotent
        with pytest.raises(aiohttp.ClientConnectionError):
            await client.fetch("GET", "/v1/models")
    finally:
        await client.aclose()

    with MockServer() as other:
        assert (await asyncio.to_thread(httpx.get, other.url + "/_mock/health")).json() == {"status": "ok"}
    assert len(server_threads()) == before


async def test_https(tmp_path: Any) -> None:
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(server_ctx)
    client_ctx = ssl.create_default_context()
    ca.configure_trust(client_ctx)
    with MockServer(ssl_context=server_ctx) as server:
        assert server.base_url.startswith("https://127.0.0.1:")
        async with httpx.AsyncClient(verify=client_ctx) as client:
            r = await client.post(server.base_url + "/chat/completions", json=chat_body("secure"), headers=AUTH)
        assert r.json()["choices"][0]["message"]["content"] == "echo: secure"


def test_run_in_another_process() -> None:
    code = "from openai_core.testing import run; run(port=0, num_jobs=2)"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v1")
        jobs = httpx.get(base_url + "/fine_tuning/jobs", headers=AUTH).json()
        assert [j["id"] for j in jobs["data"]] == ["ftjob-00000", "ftjob-00001"]
        assert httpx.get(base_url.removesuffix("/v1") + "/_mock/requests").json()[0]["path"] == "/v1/fine_tuning/jobs"
    finally:
        proc.terminate()
        assert proc.wait(timeout=10) == 0
        if proc.stdout is not None:
            proc.stdout.close()


async def test_client_leaving_mid_stream_logs_no_server_error(srv: MockServer) -> None:
    text = " ".join(["word"] * 20_000)  # several 64 KiB writes
    for spec in ("kind=slow_body;delay=0.3", None):
        async with aiohttp.ClientSession(headers=AUTH) as session:
            headers = fault(spec) if spec else {}
            async with session.post(srv.base_url + "/chat/completions", json=chat_body(text, stream=True),
                                    headers=headers) as r:
                assert (await r.content.readany()).startswith(b"data: ")
                r.close()  # drop the connection mid-stream
    await asyncio.sleep(0.5)  # the server notices; `no_server_errors` checks that it logged nothing
