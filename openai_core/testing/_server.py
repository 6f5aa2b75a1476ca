"""Running the app: :class:`MockServer` (a background thread with its own loop) and :func:`run`."""

from __future__ import annotations

import asyncio
import contextlib
import os
import ssl
import subprocess
import sys
import threading
from types import TracebackType

from aiohttp import web

from ._app import create_app
from ._state import RecordedRequest, ServerState

__all__ = ["MockServer", "MockServerProcess", "run"]


def _runner(app: web.Application, *, handle_signals: bool, shutdown_timeout: float) -> web.AppRunner:
    # No access log: it is the single biggest per-request cost for a benchmark target.
    return web.AppRunner(app, access_log=None, handle_signals=handle_signals, shutdown_timeout=shutdown_timeout)


def _origin(scheme: str, host: str, port: int) -> str:
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"{scheme}://{host}:{port}"


class MockServer:
    """The OpenAI-compatible server on a background daemon thread::

        with MockServer() as server:
            client = AsyncOpenAI(base_url=server.base_url, api_key="sk-test")
            ...
            assert server.requests[-1].json()["model"] == "gpt-4o"
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, num_jobs: int = 45,
                 ssl_context: ssl.SSLContext | None = None, latency: float = 0.0) -> None:
        self.host = host
        self.port = port
        self.ssl_context = ssl_context
        self.state = ServerState(num_jobs=num_jobs, latency=latency)
        self.requests: list[RecordedRequest] = self.state.requests
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None

    # -- addresses -----------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return _origin("https" if self.ssl_context else "http", self.host, self.port)

    @property
    def base_url(self) -> str:
        return self.url + "/v1"

    # -- lifecycle -------------------------------------------------------------------------------------

    def start(self) -> MockServer:
        """Start serving (no-op if already running); returns once the socket is listening."""
        if self._thread is not None:
            return self
        ready = threading.Event()
        errors: list[BaseException] = []
        thread = threading.Thread(target=self._serve, args=(ready, errors), daemon=True,
                                  name=f"openai_core-mock-server-{id(self):x}")
        thread.start()
        ready.wait()
        if errors:
            thread.join()
            raise errors[0]
        self._thread = thread
        return self

    def stop(self) -> None:
        """Stop serving, close every connection and join the thread. Idempotent."""
        thread, loop = self._thread, self._loop
        if thread is None:
            return
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # loop already closed
                loop.call_soon_threadsafe(loop.stop)
        if thread is threading.current_thread():  # pragma: no cover - stop() from a handler: cannot join
            return
        thread.join()
        self._thread = None

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def _serve(self, ready: threading.Event, errors: list[BaseException]) -> None:
        loop = asyncio.new_event_loop()
        try:
            try:
                runner = loop.run_until_complete(self._startup())
            except BaseException as exc:
                errors.append(exc)
                return
            self._runner = runner
            self._loop = loop
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(self._shutdown(runner))
                loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            self._loop = None
            self._runner = None
            loop.close()
            ready.set()

    async def _startup(self) -> web.AppRunner:
        runner = _runner(create_app(state=self.state), handle_signals=False, shutdown_timeout=0.5)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port, ssl_context=self.ssl_context, backlog=1024)
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self.port = int(runner.addresses[0][1])
        return runner

    @staticmethod
    async def _shutdown(runner: web.AppRunner) -> None:
        await runner.cleanup()  # stops listening, closes idle connections, cancels slow handlers
        current = asyncio.current_task()
        leftovers = [t for t in asyncio.all_tasks() if t is not current]
        for task in leftovers:
            task.cancel()
        await asyncio.gather(*leftovers, return_exceptions=True)

    # -- inspection ----------------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget the recorded requests and the fault attempt counters."""
        self.state.clear()

    def attempts(self, key: str) -> int:
        """How many requests arrived with this fault key (``X-Mock-Fault-Key``, else ``Idempotency-Key``,
        else ``"<METHOD> <path> <sha1 of body>"`` for fault requests)."""
        return self.state.attempts(key)

    def open_connections(self) -> int:
        """Connections currently open on the server side."""
        loop, runner = self._loop, self._runner
        if loop is None or runner is None:
            return 0

        async def count() -> int:
            server = runner.server
            return len(server.connections) if server is not None else 0

        if threading.current_thread() is self._thread:  # pragma: no cover - called from a handler
            server = runner.server
            return len(server.connections) if server is not None else 0
        try:
            return asyncio.run_coroutine_threadsafe(count(), loop).result(timeout=10)
        except RuntimeError:  # loop closed while asking
            return 0


def run(host: str = "127.0.0.1", port: int = 8000, *, num_jobs: int = 45,
        max_recorded: int | None = 100_000, latency: float = 0.0) -> None:
    """Serve in the foreground until interrupted (``openai-core mock-server``); prints the base URL.

    ``max_recorded`` bounds the request log (oldest dropped first) so a long benchmark run does not
    grow memory without limit; ``None`` keeps everything. ``latency``: seconds each model call takes.
    """

    async def serve() -> None:
        state = ServerState(num_jobs=num_jobs, max_recorded=max_recorded, latency=latency)
        runner = _runner(create_app(state=state), handle_signals=True, shutdown_timeout=1.0)
        await runner.setup()
        try:
            await web.TCPSite(runner, host, port, backlog=1024).start()
            print(f"{_origin('http', host, int(runner.addresses[0][1]))}/v1", flush=True)
            await asyncio.Event().wait()
        finally:
            await runner.cleanup()

    with contextlib.suppress(KeyboardInterrupt, web.GracefulExit):
        asyncio.run(serve())


class MockServerProcess:
    """The server in a child process (``openai-core mock-server``), so it does not share the client's
    interpreter lock: what benchmarks and the demo measure against. ``cpu`` pins the child to one core
    (Linux), so client and server do not fight over the same one."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, num_jobs: int = 45, cpu: int | None = None,
                 latency: float = 0.0) -> None:
        self.host = host
        self.port = port
        self._num_jobs = num_jobs
        self._cpu = cpu
        self._latency = latency
        self._proc: subprocess.Popen[str] | None = None
        self.base_url = ""

    @property
    def url(self) -> str:
        return self.base_url.removesuffix("/v1")

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def start(self) -> MockServerProcess:
        cmd = [sys.executable, "-m", "openai_core", "mock-server", "--host", self.host,
               "--port", str(self.port), "--jobs", str(self._num_jobs), "--latency", str(self._latency)]
        self._proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline().strip()
        if not line.startswith("http"):
            self.stop()
            raise RuntimeError(f"mock server did not start (printed {line!r})")
        self.base_url = line
        self.port = int(line.rsplit(":", 1)[1].split("/", 1)[0])
        if self._cpu is not None and hasattr(os, "sched_setaffinity"):
            with contextlib.suppress(OSError):
                os.sched_setaffinity(self._proc.pid, {self._cpu})
        return self

    def cpu_seconds(self) -> float | None:
        """User + system CPU the server has used so far (Linux), None where unknown."""
        if self._proc is None:
            return None
        try:
            with open(f"/proc/{self._proc.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()

    def __enter__(self) -> MockServerProcess:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
