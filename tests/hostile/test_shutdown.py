"""Shutdown under load: the seed's Sanic example (examples/sanic_app.py) stopped with SIGINT while a second
SIGINT lands during its ``before_server_stop`` hook, which closes the client.

The race this reproduces: a process group's Ctrl-C reaches a Sanic worker twice, directly and through its
manager (which forwards SIGINT to its workers). The first stops the loop; Sanic then removes its signal
handlers, so the second raises KeyboardInterrupt wherever the worker is, on a loaded machine often inside
``client.close()``. Sanic catches it and runs the hook once more, but the first close had already taken
every connection out of the pool: the rest were never closed, and the worker reported ``ResourceWarning:
unclosed resource <TCPTransport ...>`` at exit. Closing is now resumable: the second run finishes it.

The probe makes the second SIGINT deterministic: it lands right after the close starts.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from openai_core.testing import MockServerProcess

from ..test_web_frameworks import FORBIDDEN, ROOT, free_port

PROBE = '''
import asyncio, gc, os, signal

import psutil

from examples import sanic_app as example

UPSTREAM_PORT = int(os.environ["PROBE_UPSTREAM_PORT"])
app = example.app
runs = []
original_close = example.client.close


async def close():
    runs.append(1)
    if len(runs) == 1:  # the second SIGINT, landing once the close has started
        asyncio.get_running_loop().call_soon(os.kill, os.getpid(), signal.SIGINT)
    await original_close()


example.client.close = close


@app.listener("after_server_stop")
async def report(app):
    gc.collect()
    sockets = [c for c in psutil.Process().net_connections("tcp") if c.raddr and c.raddr.port == UPSTREAM_PORT]
    print(f"PROBE closes={len(runs)} closed={example.client.is_closed()} upstream_sockets={len(sockets)}", flush=True)
'''
PROBE_LINE = re.compile(r"PROBE closes=(\d+) closed=(\w+) upstream_sockets=(\d+)")


@pytest.fixture(scope="module")
def upstream() -> Iterator[MockServerProcess]:
    with MockServerProcess() as srv:
        yield srv


async def chat_load(url: str, n: int, concurrency: int) -> None:
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as http:
        async def one(i: int) -> None:
            r = await http.post("/chat", json={"message": f"question {i}"})
            assert r.json() == {"reply": f"echo: question {i}"}

        await asyncio.gather(*[one(i) for i in range(n)])


@pytest.mark.parametrize("transport", ["httpx", "aiohttp", "lean"])
def test_a_second_sigint_during_close_leaves_no_socket_and_no_warning(
    transport: str, upstream: MockServerProcess, tmp_path: Path
) -> None:
    (tmp_path / "probe_interrupt.py").write_text(PROBE)
    port = free_port()
    env = {**os.environ, "OPENAI_API_KEY": "sk-web", "OPENAI_BASE_URL": upstream.base_url,
           "OPENAI_CORE_TRANSPORT": transport, "PROBE_UPSTREAM_PORT": str(upstream.port),
           "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]), "PYTHONWARNINGS": "default",
           "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sanic", "probe_interrupt:app", "--host", "127.0.0.1", "--port", str(port),
         "--no-motd", "--no-access-logs", "--single-process"],
        cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    lines: list[str] = []

    def read() -> None:
        assert proc.stdout is not None
        with proc.stdout:
            lines.extend(proc.stdout)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None and time.monotonic() < deadline, "".join(lines)[-3000:]
            try:
                httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        asyncio.run(chat_load(f"http://127.0.0.1:{port}", 64, 64))  # one burst: a pool of many idle connections
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        reader.join(10)
    log = "".join(lines)
    assert proc.returncode == 0, log[-3000:]
    assert not [word for word in FORBIDDEN if word in log.replace("KeyboardInterrupt", "")], log[-3000:]
    # The hook ran twice (the first run interrupted), and the client ended closed with no socket left. The
    # lean backend closes every connection before its close first awaits: the second SIGINT finds nothing
    # left to interrupt, and the hook runs once.
    runs = "1" if transport == "lean" else "2"
    assert PROBE_LINE.findall(log) == [(runs, "True", "0")], log[-3000:]
