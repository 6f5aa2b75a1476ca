"""The FastAPI and Sanic examples (examples/) run as users run them: real uvicorn / sanic server processes
on loopback, pointed at the embedded OpenAI-compatible server, driven with concurrent HTTP requests, on
both transports. Every answer must be right, the shutdown hook must close the client, and nothing may
report a loop mix-up, a closed session or an unclosed one."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from openai_core.testing import MockServer

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("attached to a different loop", "Session is closed", "Unclosed client session", "Unclosed connector",
             "Traceback")

pytest.importorskip("fastapi")
pytest.importorskip("sanic")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def command(framework: str, port: int, workers: int) -> list[str]:
    if framework == "fastapi":
        return [sys.executable, "-m", "uvicorn", "examples.fastapi_app:app", "--host", "127.0.0.1",
                "--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    mode = ["--single-process"] if workers == 1 else ["--workers", str(workers)]
    return [sys.executable, "-m", "sanic", "examples.sanic_app:app", "--host", "127.0.0.1", "--port", str(port),
            "--no-motd", *mode]


def wait_ready(url: str, proc: subprocess.Popen[str], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"app exited early: {proc.communicate()[1][-2000:]}")
        try:
            httpx.get(url, timeout=0.5)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("app did not start")


async def drive(base: str, n: int = 200, concurrency: int = 64) -> None:
    gate = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:

        async def one(i: int) -> None:
            async with gate:
                r = await http.post("/chat", json={"message": f"question {i}"})
                assert r.status_code == 200, r.text
                assert r.json() == {"reply": f"echo: question {i}"}

        await asyncio.gather(*[one(i) for i in range(n)])
        streamed = await http.post("/chat/stream", json={"message": "tell me a story about a knight"})
        assert streamed.status_code == 200
        assert streamed.text == "echo: tell me a story about a knight"


@pytest.mark.parametrize(("framework", "workers"), [("fastapi", 1), ("sanic", 1), ("fastapi", 2), ("sanic", 2)])
def test_example_app_on_a_real_server(framework: str, workers: int, transport: str, server: MockServer) -> None:
    port = free_port()
    env = {**os.environ, "OPENAI_API_KEY": "sk-web", "OPENAI_BASE_URL": server.base_url,
           "OPENAI_CORE_TRANSPORT": transport, "PYTHONWARNINGS": "always::ResourceWarning"}
    proc = subprocess.Popen(command(framework, port, workers), cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        wait_ready(f"http://127.0.0.1:{port}/", proc)
        asyncio.run(drive(f"http://127.0.0.1:{port}"))
    finally:
        os.killpg(proc.pid, signal.SIGINT if framework == "sanic" else signal.SIGTERM)
        try:
            out, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
    logs = out + err
    assert not [word for word in FORBIDDEN if word in logs], logs[-3000:]
    # every worker process closed its own client on shutdown (sanic's main process, which imports the
    # app too, may close its unused client as well)
    assert logs.count("openai client closed") >= workers, logs[-3000:]
