"""The FastAPI and Sanic examples (examples/) run as users run them: real uvicorn / sanic server processes
on loopback ports, pointed at the embedded OpenAI-compatible server (its own process), driven with
concurrent HTTP requests on both transports.

Per run: a browser that disconnects mid-stream makes the app close its upstream connection; 200 chats at
64 concurrent all get their own answer; the streamed relays are complete; the upstream saw exactly the
requests sent (no hidden retries); with several workers each worker process has its own client and its
own connections; after shutdown every process that served has closed its client and holds no upstream
socket; and the logs show no loop mix-up, closed or unclosed session, traceback or ResourceWarning.

The apps are the example modules unchanged, loaded through a small probe module (written to a temp
dir) that adds one step after the example's own shutdown hook: report whether the client is closed and
how many sockets this process still has to the upstream. A process cannot be inspected from outside in
the moment between closing its client and exiting, and after it exits the OS has closed everything.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from openai_core.testing import MockServerProcess

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = (
    "attached to a different loop",
    "Session is closed",
    "session is closed",
    "Unclosed client session",
    "Unclosed connector",
    "Unclosed response",
    "Task was destroyed",
    "Exception ignored",
    "ResourceWarning",
    "Traceback",
)
REQUESTS, CONCURRENCY = 200, 64
STORY = "tell me a story about a knight"
# The upstream sends the first event, then waits this long: the browser leaves during the wait, and
# only the app closing its side can end the upstream connection before the wait is over.
SLOW_STREAM = "fault:kind=slow_body;delay=30"
STREAM_PATHS = {"fastapi": ["/chat/stream"], "sanic": ["/chat/stream", "/chat/respond"]}

PROBE_FASTAPI = '''
import gc, os
from contextlib import asynccontextmanager

import psutil

from examples import fastapi_app as example

UPSTREAM_PORT = int(os.environ["PROBE_UPSTREAM_PORT"])


def report():
    gc.collect()  # anything dropped without being closed warns now, into the log the test reads
    sockets = [c for c in psutil.Process().net_connections("tcp") if c.raddr and c.raddr.port == UPSTREAM_PORT]
    print(f"PROBE pid={os.getpid()} closed={example.client.is_closed()} upstream_sockets={len(sockets)}",
          flush=True)


def probed(app):
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(a):
        async with inner(a) as state:  # the example's own startup and shutdown (lifespan or on_event)
            yield state
        report()

    app.router.lifespan_context = lifespan
    return app


app = probed(example.app)
app_on_event = probed(example.app_on_event)
'''

PROBE_SANIC = '''
import gc, os

import psutil

from examples import sanic_app as example

UPSTREAM_PORT = int(os.environ["PROBE_UPSTREAM_PORT"])
app = example.app


@app.listener("after_server_stop")  # after the example's before_server_stop, which closes the client
async def report(app):
    gc.collect()
    sockets = [c for c in psutil.Process().net_connections("tcp") if c.raddr and c.raddr.port == UPSTREAM_PORT]
    print(f"PROBE pid={os.getpid()} closed={example.client.is_closed()} upstream_sockets={len(sockets)}",
          flush=True)
'''

PROBE_LINE = re.compile(r"PROBE pid=(\d+) closed=(\w+) upstream_sockets=(\d+)")


@pytest.fixture(scope="module")
def upstream() -> Iterator[MockServerProcess]:
    with MockServerProcess() as srv:
        yield srv


@pytest.fixture(scope="module")
def probe_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web_probes")
    (path / "probe_fastapi.py").write_text(PROBE_FASTAPI)
    (path / "probe_sanic.py").write_text(PROBE_SANIC)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class AppServer:
    """One example app under its real server (uvicorn / sanic CLI) in a child process."""

    def __init__(self, framework: str, app: str, workers: int, transport: str, upstream: MockServerProcess,
                 probe_dir: Path) -> None:
        self.framework, self.workers, self.upstream_port = framework, workers, upstream.port
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        host_port = ["--host", "127.0.0.1", "--port", str(self.port)]
        if framework == "fastapi":
            cmd = ["-m", "uvicorn", f"probe_fastapi:{app}", *host_port, "--workers", str(workers),
                   "--log-level", "info", "--no-access-log"]
        else:
            mode = ["--single-process"] if workers == 1 else ["--workers", str(workers)]
            cmd = ["-m", "sanic", f"probe_sanic:{app}", *host_port, "--no-motd", "--no-access-logs", *mode]
        env = {**os.environ, "OPENAI_API_KEY": "sk-web", "OPENAI_BASE_URL": upstream.base_url,
               "OPENAI_CORE_TRANSPORT": transport, "PROBE_UPSTREAM_PORT": str(upstream.port),
               "PYTHONPATH": os.pathsep.join([str(probe_dir), str(ROOT)]),
               "PYTHONWARNINGS": "always::ResourceWarning", "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen([sys.executable, *cmd], cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        with self.proc.stdout:
            for line in self.proc.stdout:
                self.lines.append(line)

    @property
    def log(self) -> str:
        return "".join(self.lines)

    def wait_ready(self, timeout: float = 60.0) -> None:
        # Every worker says it is serving (uvicorn: per worker process; sanic: per worker, multi-worker
        # mode only), then the port answers.
        marker = "Application startup complete" if self.framework == "fastapi" else "Worker ready"
        expected = self.workers if self.framework == "fastapi" or self.workers > 1 else 0
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self._reader.join(5)
                raise RuntimeError(f"app exited early:\n{self.log[-3000:]}")
            if self.log.count(marker) >= expected:
                try:
                    httpx.get(self.url + "/", timeout=1)
                    return
                except httpx.HTTPError:
                    pass
            time.sleep(0.1)
        raise RuntimeError(f"app did not start:\n{self.log[-3000:]}")

    def worker_pids(self) -> list[int]:
        """The processes serving the port: the app process itself, or its workers."""
        main = psutil.Process(self.proc.pid)
        if self.workers == 1:
            return [main.pid]
        return [p.pid for p in main.children(recursive=True) if self._listens(p)]

    def _listens(self, process: psutil.Process) -> bool:
        try:
            return any(c.status == psutil.CONN_LISTEN and c.laddr.port == self.port
                       for c in process.net_connections("tcp"))
        except psutil.NoSuchProcess:
            return False

    def upstream_sockets(self) -> dict[int, set[tuple[str, int]]]:
        """Per process of the app's tree, the local addresses of its connections to the upstream."""
        main = psutil.Process(self.proc.pid)
        found: dict[int, set[tuple[str, int]]] = {}
        for process in [main, *main.children(recursive=True)]:
            try:
                conns = process.net_connections("tcp")
            except psutil.NoSuchProcess:
                continue
            found[process.pid] = {(c.laddr.ip, c.laddr.port) for c in conns
                                  if c.raddr and c.raddr.port == self.upstream_port}
        return found

    def total_upstream(self) -> int:
        return sum(len(s) for s in self.upstream_sockets().values())

    def stop(self) -> str:
        """SIGTERM to the main process, as a process manager stops a server; its workers stop with it."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            raise
        finally:
            self._reader.join(10)
        return self.log


async def wait_until(condition: Callable[[], bool], within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def browser_leaves_mid_stream(app: AppServer, http: httpx.AsyncClient, path: str) -> None:
    assert app.total_upstream() == 0  # run first, on an empty pool: the one upstream socket is this stream's
    statuses: list[int] = []

    async def browse() -> None:
        async with http.stream("POST", path, json={"message": STORY, "model": SLOW_STREAM}) as response:
            statuses.append(response.status_code)
            async for _ in response.aiter_bytes():
                pass

    browser = asyncio.create_task(browse())
    await wait_until(lambda: app.total_upstream() == 1, 10, f"{path}: the app to open the upstream stream")
    if app.framework == "fastapi":
        # StreamingResponse sends its headers before the first chunk (sanic sends them with the first
        # chunk, which the upstream holds back), so the browser is mid-response here.
        await wait_until(lambda: statuses == [200], 10, f"{path}: the response headers")
    browser.cancel()  # the browser leaves: its connection to the app is closed mid-response
    with contextlib.suppress(asyncio.CancelledError):
        await browser
    await wait_until(lambda: app.total_upstream() == 0, 10, f"{path}: the app to close the upstream stream")


async def chat_load(http: httpx.AsyncClient, start: int, n: int) -> None:
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(i: int) -> None:
        async with gate:
            r = await http.post("/chat", json={"message": f"question {i}"})
            assert r.status_code == 200, r.text
            assert r.json() == {"reply": f"echo: question {i}"}

    await asyncio.gather(*[one(i) for i in range(start, start + n)])


async def exercise(app: AppServer) -> int:
    """Drive the app; returns how many chat requests it should have sent upstream."""
    sent = 0
    limits = httpx.Limits(max_connections=CONCURRENCY)
    async with httpx.AsyncClient(base_url=app.url, timeout=30, limits=limits) as http:
        for path in STREAM_PATHS[app.framework]:
            await browser_leaves_mid_stream(app, http, path)
            sent += 1

        await chat_load(http, 0, REQUESTS)
        sent += REQUESTS
        sockets = app.upstream_sockets()
        workers = app.worker_pids()
        assert len(workers) == app.workers
        # Nothing outside the workers talks upstream, and no connection is shared between processes.
        assert not any(addrs for pid, addrs in sockets.items() if pid not in workers), sockets
        owned = [addr for pid in workers for addr in sockets.get(pid, set())]
        assert owned and len(owned) == len(set(owned)), sockets
        # With several workers, each serving one has its own client with its own connections. Which
        # worker accepts a browser connection is the kernel's choice: new browser connections until
        # more than one worker has served (bounded; in practice the first load does it).
        rounds = 0
        while app.workers > 1 and sum(1 for pid in workers if app.upstream_sockets().get(pid)) < 2:
            rounds += 1
            assert rounds <= 5, f"only one worker ever served: {app.upstream_sockets()}"
            async with httpx.AsyncClient(base_url=app.url, timeout=30, limits=limits) as fresh:
                await chat_load(fresh, REQUESTS * rounds, CONCURRENCY)
            sent += CONCURRENCY

        for path in STREAM_PATHS[app.framework]:
            r = await http.post(path, json={"message": STORY})
            assert r.status_code == 200
            assert r.headers["content-type"].startswith("text/plain")
            assert r.text == "echo: " + STORY
            sent += 1
    return sent


def without_known_noise(log: str, port: int) -> str:
    """The log without uvicorn's own leak: its multi-worker supervisor binds the listening socket and
    exits without closing it (uvicorn/main.py: `Multiprocess(config, sockets=[config.bind_socket()])`),
    which Python reports at exit. Any other unclosed socket, e.g. one with a peer, still counts."""
    listening = f"laddr=('127.0.0.1', {port})>"
    return "".join(line for line in log.splitlines(keepends=True)
                   if listening not in line and "ResourceWarning: Enable tracemalloc" not in line)


def upstream_chat_requests(upstream: MockServerProcess) -> int:
    recorded = httpx.get(upstream.url + "/_mock/requests", timeout=10).json()
    return sum(1 for r in recorded if r["method"] == "POST" and r["path"] == "/v1/chat/completions")


# One single-worker run per framework and transport, one multi-worker run per framework; the FastAPI
# multi-worker run uses the on_event("shutdown") form of the example, the others its lifespan form.
RUNS = [
    pytest.param("fastapi", "app", 1, "httpx", id="fastapi-lifespan-httpx"),
    pytest.param("fastapi", "app", 1, "aiohttp", id="fastapi-lifespan-aiohttp"),
    pytest.param("fastapi", "app_on_event", 2, "aiohttp", id="fastapi-on_event-2workers-aiohttp"),
    pytest.param("sanic", "app", 1, "httpx", id="sanic-httpx"),
    pytest.param("sanic", "app", 1, "aiohttp", id="sanic-aiohttp"),
    pytest.param("fastapi", "app", 1, "lean", id="fastapi-lifespan-lean"),
    pytest.param("sanic", "app", 2, "httpx", id="sanic-2workers-httpx"),
]


@pytest.mark.parametrize(("framework", "app_name", "workers", "transport"), RUNS)
def test_example_app_on_a_real_server(framework: str, app_name: str, workers: int, transport: str,
                                      upstream: MockServerProcess, probe_dir: Path) -> None:
    httpx.post(upstream.url + "/_mock/reset", timeout=10).raise_for_status()
    app = AppServer(framework, app_name, workers, transport, upstream, probe_dir)
    try:
        app.wait_ready()
        workers_pids = app.worker_pids()
        sent = asyncio.run(exercise(app))
    finally:
        log = app.stop()

    assert upstream_chat_requests(upstream) == sent
    # uvicorn re-raises the signal after its graceful shutdown (exit by SIGTERM); sanic exits 0
    assert app.proc.returncode in (0, -signal.SIGTERM), log[-3000:]
    assert not [word for word in FORBIDDEN if word in without_known_noise(log, app.port)], log[-3000:]
    probes = {int(pid): (closed, int(n)) for pid, closed, n in PROBE_LINE.findall(log)}
    # Every worker ran the example's shutdown hook: its client is closed and it holds no upstream
    # socket. (Sanic's main process imports the app too; if it reports, the same holds there.)
    assert set(workers_pids) <= set(probes), log[-3000:]
    assert all(report == ("True", 0) for report in probes.values()), probes
