"""The benchmark's default target: a minimal OpenAI-compatible chat server on granian (RSGI), or the
embedded aiohttp.web server where granian is not installed.

Why granian: a benchmark of clients needs a server that is never the bottleneck. granian parses HTTP
and manages connections in Rust; what runs in Python per request is one ``json.loads`` of the request
body, a dict lookup of the answer and one write. Measured on this project's 2-core VM (server pinned
to its own core, ``server µs/req`` column of the table): ~25-40 µs of server CPU per chat completion
here against ~165 µs for the embedded aiohttp.web server, whose fault injection, request recording
and pagination the benchmark does not need. It answers ``POST /v1/chat/completions`` the way the
embedded server does (``"echo: " + last user message``; streamed word by word, one chunk per word
plus the role and finish chunks), so every client parses the same bytes from either server.

``python -m openai_core._bench.server`` is not an entry point: ``BenchServer`` starts granian with
this module's ``app``.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import json
import os
import re
import socket
import ssl
import subprocess
import sys
import time
from json.encoder import encode_basestring_ascii as _q
from typing import Any

__all__ = ["BenchServer", "app", "bench_ca", "tree_cpu_seconds"]

_WORDS = re.compile(r"\S+\s*")
_JSON_HEADERS = [("content-type", "application/json"), ("x-request-id", "req_bench")]
_SSE_HEADERS = [("content-type", "text/event-stream; charset=utf-8"), ("cache-control", "no-cache"),
                ("x-request-id", "req_bench")]
# One write per 64 KiB, as the embedded server does: SSE gives HTTP chunk boundaries no meaning.
_WRITE_SIZE = 64 * 1024
_CREATED = 1_700_000_000
# Answers are cached per (model, prompt, stream): the benchmark repeats one request, and a cache hit
# keeps the server's cost per request to the parse and the write. Bounded so a remote-style run with
# varied prompts cannot grow it without limit.
_CACHE_MAX = 256
_answers: dict[tuple[str, str, bool], bytes] = {}


def _last_user_text(messages: Any) -> str:
    text = ""
    for message in messages if isinstance(messages, list) else ():
        if isinstance(message, dict) and message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, str):
                text = content
            elif isinstance(content, list):
                text = " ".join(p.get("text", "") for p in content if isinstance(p, dict))
    return text


def _chat(model: str, prompt: str) -> bytes:
    content = "echo: " + prompt
    words = len(_WORDS.findall(content))
    return (f'{{"id":"chatcmpl-bench","object":"chat.completion","created":{_CREATED},"model":{_q(model)},'
            f'"choices":[{{"index":0,"message":{{"role":"assistant","content":{_q(content)},"refusal":null,'
            f'"annotations":[]}},"logprobs":null,"finish_reason":"stop"}}],"usage":{{"prompt_tokens":'
            f'{len(_WORDS.findall(prompt))},"completion_tokens":{words},"total_tokens":'
            f'{len(_WORDS.findall(prompt)) + words}}},"system_fingerprint":"fp_bench","service_tier":"default"}}'
            ).encode()


def _chat_stream(model: str, prompt: str) -> bytes:
    head = (f'data: {{"id":"chatcmpl-bench","object":"chat.completion.chunk","created":{_CREATED},'
            f'"model":{_q(model)},"system_fingerprint":"fp_bench","service_tier":"default",'
            '"choices":[{"index":0,"delta":')
    tail = ',"logprobs":null,"finish_reason":null}]}\n\n'
    events = [head + '{"role":"assistant","content":null}' + tail]
    events += [head + '{"content":' + _q(w) + "}" + tail for w in _WORDS.findall("echo: " + prompt)]
    events.append(head + '{},"logprobs":null,"finish_reason":"stop"}]}\n\n')
    events.append("data: [DONE]\n\n")
    return "".join(events).encode()


def _error(message: str) -> bytes:
    return json.dumps({"error": {"message": message, "type": "invalid_request_error", "param": None,
                                 "code": None}}).encode()


# The gateway benchmark (gateway.py): a stream for a model named "hold-..." sends its first event, then
# waits until POST /v1/bench/release, so the client can hold thousands of streams open at once and
# measure them before the rest of each body arrives. Each release starts a fresh generation.
_hold: list[asyncio.Event] = []


def _hold_event() -> asyncio.Event:
    if not _hold:
        _hold.append(asyncio.Event())
    return _hold[0]


async def app(scope: Any, proto: Any) -> None:
    """The RSGI application granian runs."""
    if scope.proto != "http":
        return
    if scope.path == "/v1/bench/release" and scope.method == "POST":
        released = _hold_event()
        _hold[0] = asyncio.Event()
        released.set()
        proto.response_bytes(200, _JSON_HEADERS, b'{"released":true}')
        return
    if scope.path != "/v1/chat/completions" or scope.method != "POST":
        proto.response_bytes(404, _JSON_HEADERS, _error(f"no route {scope.method} {scope.path}"))
        return
    if not scope.headers.get("authorization", "").startswith("Bearer "):
        proto.response_bytes(401, _JSON_HEADERS, _error("missing bearer token"))
        return
    try:
        body = json.loads(await proto())
        model, stream = str(body["model"]), body.get("stream") is True
        prompt = _last_user_text(body["messages"])
    except (ValueError, KeyError, TypeError):
        proto.response_bytes(400, _JSON_HEADERS, _error("expected a JSON body with model and messages"))
        return
    key = (model, prompt, stream)
    answer = _answers.get(key)
    if answer is None:
        if len(_answers) >= _CACHE_MAX:
            _answers.clear()
        answer = _answers[key] = _chat_stream(model, prompt) if stream else _chat(model, prompt)
    if not stream:
        proto.response_bytes(200, _JSON_HEADERS, answer)
        return
    transport = proto.response_stream(200, _SSE_HEADERS)
    if model.startswith("hold-"):
        release = _hold_event()
        first = answer.index(b"\n\n") + 2
        await transport.send_bytes(answer[:first])
        await release.wait()
        answer = answer[first:]
    for start in range(0, len(answer), _WRITE_SIZE):
        await transport.send_bytes(answer[start:start + _WRITE_SIZE])


def _free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        port: int = s.getsockname()[1]
        return port


def tree_cpu_seconds(pid: int) -> float | None:
    """User + system CPU of ``pid`` and its descendants (Linux /proc), None where unknown."""
    tick = os.sysconf("SC_CLK_TCK")
    total, stack, seen = 0.0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            with open(f"/proc/{p}/task/{p}/children") as f:
                stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError, IndexError):
            if p == pid:
                return None
    return total


def bench_ca(folder: str, host: str = "127.0.0.1") -> tuple[str, tuple[str, str]]:
    """A throw-away trustme CA and a certificate for ``host`` issued by it, written to ``folder``:
    ``(CA certificate file, (server chain file, PKCS#8 key file))``. granian reads PKCS#8 keys only."""
    import trustme
    from cryptography.hazmat.primitives import serialization

    ca = trustme.CA()
    leaf = ca.issue_cert(host, "localhost")
    key = serialization.load_pem_private_key(leaf.private_key_pem.bytes(), password=None)
    pkcs8 = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())
    paths = [os.path.join(folder, name) for name in ("ca.pem", "server-chain.pem", "server-key.pem")]
    ca.cert_pem.write_to_path(paths[0])
    with open(paths[1], "wb") as f:
        f.write(b"".join(blob.bytes() for blob in leaf.cert_chain_pems))
    with open(paths[2], "wb") as f:
        f.write(pkcs8)
    return paths[0], (paths[1], paths[2])


class BenchServer:
    """The benchmark's target in its own process tree, pinned to ``cpu`` (Linux) so it never competes
    with the client for a core. ``kind`` is ``"granian"`` or ``"embedded"``."""

    def __init__(self, kind: str = "auto", *, cpu: int | None = None, host: str = "127.0.0.1") -> None:
        if kind == "auto":
            kind = "granian" if importlib.util.find_spec("granian") is not None else "embedded"
        if kind not in ("granian", "embedded"):
            raise ValueError(f"unknown server {kind!r} (granian or embedded)")
        self.kind, self.cpu, self.host = kind, cpu, host
        self.base_url = ""
        # (certificate chain PEM, PKCS#8 key PEM) files: granian serves HTTPS with them (--tls)
        self.tls_files: tuple[str, str] | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._embedded: Any = None
        self.granian_options: list[str] = []
        # "1", or "auto": HTTP/2 too, negotiated by ALPN over TLS (the h2 bench cells; tests/test_http2.py)
        self.http = "1"

    @property
    def pid(self) -> int | None:
        if self._embedded is not None:
            pid: int | None = self._embedded.pid
            return pid
        return self._proc.pid if self._proc else None

    def start(self) -> BenchServer:
        if self.kind == "embedded":
            if self.tls_files is not None:
                raise ValueError("the TLS cells need the granian server (pip install \"openai-core[bench]\")")
            from ..testing import MockServerProcess

            self._embedded = MockServerProcess(cpu=self.cpu).start()
            self.base_url = self._embedded.base_url
            return self
        port = _free_port(self.host)
        cpu = self.cpu
        loop = "uvloop" if importlib.util.find_spec("uvloop") is not None else "asyncio"
        cmd = [sys.executable, "-m", "granian", "--interface", "rsgi", "--http", self.http, "--no-ws",
               "--workers", "1", "--runtime-threads", "1", "--loop", loop, "--log-level", "error",
               "--no-access-log", *self.granian_options, "--host", self.host, "--port", str(port)]
        if self.tls_files is not None:
            cmd += ["--ssl-certificate", self.tls_files[0], "--ssl-keyfile", self.tls_files[1],
                    "--ssl-protocol-min", "tls1.2"]
        cmd.append("openai_core._bench.server:app")
        # Affinity set in the child before exec is inherited by granian's worker process and threads.
        pin = (lambda: os.sched_setaffinity(0, {cpu})) if cpu is not None and hasattr(os, "sched_setaffinity") else None
        self._proc = subprocess.Popen(cmd, preexec_fn=pin, stdout=subprocess.DEVNULL)
        self.base_url = f"{'https' if self.tls_files else 'http'}://{self.host}:{port}/v1"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"granian exited with {self._proc.returncode}")
            if self._answers(port):
                return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("granian did not start within 30 s")

    def _answers(self, port: int) -> bool:
        with contextlib.suppress(OSError), contextlib.ExitStack() as stack:
            s = stack.enter_context(socket.create_connection((self.host, port), timeout=0.5))
            if self.tls_files:
                # Readiness only (the clients verify the certificate): no verification here.
                s = stack.enter_context(ssl._create_unverified_context().wrap_socket(s))
            s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
            return s.recv(64).startswith(b"HTTP/1.1 404")
        return False

    def cpu_seconds(self) -> float | None:
        """CPU the whole server (granian's supervisor, worker and threads) has used so far."""
        pid = self.pid
        return None if pid is None else tree_cpu_seconds(pid)

    def stop(self) -> None:
        if self._embedded is not None:
            self._embedded.stop()
            self._embedded = None
        proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def __enter__(self) -> BenchServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
