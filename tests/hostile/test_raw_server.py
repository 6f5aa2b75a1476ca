"""The raw test server itself: stopping it while clients are still connecting leaves no socket behind.

A socket the server forgets is closed by the garbage collector with a ResourceWarning, which pytest pins on
whatever test happens to be running then: the hostile memory test failed CI that way. The race is at the
stop: a connection accepted in the loop step that closes the server was never wrapped in a transport."""

from __future__ import annotations

import contextlib
import gc
import socket
import threading
import time
import warnings

from openai_core.testing.raw import RawConnection, RawServer


async def _read_one(conn: RawConnection) -> None:
    await conn.read_request()


def _connect_until(port: int, done: threading.Event, opened: list[socket.socket]) -> None:
    while not done.is_set():
        with contextlib.suppress(OSError):  # refused once the listening socket is gone
            opened.append(socket.create_connection(("127.0.0.1", port), timeout=1))


def test_stopping_while_clients_connect_closes_every_accepted_socket() -> None:
    accepted = 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        for _ in range(40):
            server = RawServer(_read_one).start()
            done, opened = threading.Event(), []
            hammer = threading.Thread(target=_connect_until, args=(server.port, done, opened))
            hammer.start()
            time.sleep(0.003)
            server.stop()
            done.set()
            hammer.join()
            accepted += server.connections
            for sock in opened:
                sock.close()
        gc.collect()  # once: a collection walks the whole heap, which under pytest is large
    leaked = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert leaked == []
    assert accepted > 40  # the stop did race live connections
