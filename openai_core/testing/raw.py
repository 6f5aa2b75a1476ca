"""A raw asyncio TCP server for hostile-server tests: each connection is handed to a coroutine that reads
and writes bytes itself, so it can send what no well-behaved HTTP server would (a ``Content-Length``
shorter than the body, a second response behind the first, an endless body, a slow trickle, a reset).

    async def smuggle(conn: RawConnection) -> None:
        await conn.read_request()
        await conn.send(http_response(200, b'{"a": 1}') + http_response(200, b'{"b": 2}'))

    with RawServer(smuggle) as server:
        client = AsyncOpenAI(base_url=server.base_url, api_key="sk-test")

The server runs on a background thread with its own event loop (like ``MockServer``), so sync clients,
async clients on any loop, and child processes can all talk to it.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from types import TracebackType

__all__ = ["RawConnection", "RawRequest", "RawServer", "http_response"]

_MAX_HEAD = 64 * 1024


@dataclass
class RawRequest:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes = b""

    @property
    def content_length(self) -> int:
        return int(self.headers.get("content-length", "0") or 0)


def http_response(
    status: int = 200,
    body: bytes = b"",
    *,
    content_type: str | None = "application/json",
    headers: dict[str, str] | None = None,
    content_length: int | None = None,
) -> bytes:
    """One HTTP/1.1 response as bytes; ``content_length`` overrides the true length (to lie about it)."""
    lines = [f"HTTP/1.1 {status} X"]
    if content_type is not None:
        lines.append(f"Content-Type: {content_type}")
    all_headers = dict(headers or {})
    if "transfer-encoding" not in {k.lower() for k in all_headers}:
        all_headers.setdefault("Content-Length", str(len(body) if content_length is None else content_length))
    lines.extend(f"{k}: {v}" for k, v in all_headers.items())
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class RawConnection:
    """One accepted connection, as the handler sees it."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, index: int,
                 server: RawServer) -> None:
        self.reader = reader
        self.writer = writer
        self.index = index  # 0 for the server's first connection, 1 for the second, ...
        self.server = server

    async def read_head(self) -> RawRequest | None:
        """The request line and headers; None when the client closed the connection first."""
        try:
            head = await self.reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            return None
        text = head.decode("latin-1")
        request_line, *header_lines = text.split("\r\n")
        method, target, _ = [*request_line.split(" ", 2), "", ""][:3]
        headers: dict[str, str] = {}
        for line in header_lines:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        request = RawRequest(method, target, headers)
        self.server.requests.append(request)
        return request

    async def read_request(self) -> RawRequest | None:
        """The head and the whole ``Content-Length`` body (chunked bodies are not needed here)."""
        request = await self.read_head()
        if request is not None and request.content_length:
            try:
                request.body = await self.reader.readexactly(request.content_length)
            except (asyncio.IncompleteReadError, ConnectionError):
                return None
        return request

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    def reset(self) -> None:
        """Close with a TCP RST instead of a FIN."""
        sock = self.writer.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.writer.transport.abort()


Handler = Callable[[RawConnection], Awaitable[None]]


@dataclass
class _Stats:
    connections: int = 0
    requests: list[RawRequest] = field(default_factory=list)


class RawServer:
    """Serves ``handler`` on a free loopback port from a background thread."""

    def __init__(self, handler: Handler, host: str = "127.0.0.1") -> None:
        self.handler = handler
        self.host = host
        self.port = 0
        self._stats = _Stats()
        self.requests = self._stats.requests
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stopped: asyncio.Event | None = None

    @property
    def connections(self) -> int:
        """Connections accepted so far."""
        return self._stats.connections

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        return self.url + "/v1"

    def start(self) -> RawServer:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), daemon=True, name="raw-server")
        self._thread.start()
        ready.wait()
        return self

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        stopped = self._stopped
        assert stopped is not None
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(stopped.set)
        thread.join(timeout=10)
        self._thread = None

    def __enter__(self) -> RawServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def _run(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve(ready))
        finally:
            # A transport closed in the last step still has its socket's close queued: run it, so no socket
            # is left for the garbage collector to warn about (in whichever test it happens to run).
            loop.run_until_complete(asyncio.sleep(0))
            loop.close()
            self._loop = None
            ready.set()

    @staticmethod
    async def _settle_accepts() -> None:
        # Each accepted connection is a task (asyncio's `_accept_connection2`) that builds the transport
        # and waits one step for `connection_made`: run the loop until none is left (bounded: a few steps).
        current = asyncio.current_task()
        for _ in range(50):
            pending = [task for task in asyncio.all_tasks()
                       if task is not current and getattr(task.get_coro(), "__name__", "") == "_accept_connection2"]
            if not pending:
                return
            await asyncio.wait(pending, timeout=0.5)

    @staticmethod
    async def _close(writer: asyncio.StreamWriter) -> None:
        # A FIN once what was written has left (abort() would drop it and reset the connection).
        if writer.transport.is_closing():
            return
        writer.close()
        try:
            await asyncio.wait_for(writer.wait_closed(), 2)
        except (TimeoutError, ConnectionError, asyncio.CancelledError):
            writer.transport.abort()

    async def _serve(self, ready: threading.Event) -> None:
        self._stopped = asyncio.Event()
        tasks: set[asyncio.Task[None]] = set()

        async def on_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            index = self._stats.connections
            self._stats.connections += 1
            task = asyncio.current_task()
            assert task is not None
            tasks.add(task)
            try:
                await self.handler(RawConnection(reader, writer, index, self))
            except (ConnectionError, asyncio.IncompleteReadError):
                pass  # the client went away: expected for most hostile cases
            except asyncio.CancelledError:
                pass  # the server is stopping; asyncio's stream callback chokes on a cancelled task
            finally:
                tasks.discard(task)
                await self._close(writer)

        # Every accepted transport, its handler started or not: a connection accepted just as the server
        # stops never runs `on_client`, and would otherwise keep its socket open past the loop.
        transports: set[asyncio.Transport] = set()
        loop = asyncio.get_running_loop()

        class Protocol(asyncio.StreamReaderProtocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                if isinstance(transport, asyncio.Transport):
                    transports.add(transport)
                    self._tracked = transport
                super().connection_made(transport)

            def connection_lost(self, exc: Exception | None) -> None:
                transports.discard(getattr(self, "_tracked", None))
                super().connection_lost(exc)

        def factory() -> Protocol:
            return Protocol(asyncio.StreamReader(limit=_MAX_HEAD, loop=loop), on_client)

        server = await loop.create_server(factory, self.host, 0)
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        async with server:
            await self._stopped.wait()
            # Stop accepting before closing: a connection accepted in the same loop step is wrapped in a
            # transport one step later, and after `server.close()` that wrapping fails half-way (asyncio's
            # Server no longer takes it), leaving a socket nobody closes. So the listening sockets stop
            # being read first, the accepted connections become tracked transports, and then it closes.
            for listening in server.sockets:
                with contextlib.suppress(NotImplementedError, ValueError, OSError):
                    loop.remove_reader(listening.fileno())
            await self._settle_accepts()
            server.close()
            for task in list(tasks):
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for transport in transports:
                # Closing ones too: a transport closed with bytes still buffered (a client that stopped
                # reading a hostile body) stays open until they drain, which at shutdown they never do.
                transport.abort()
            await asyncio.sleep(0)  # the aborted transports' sockets close on the next loop step
