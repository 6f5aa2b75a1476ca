"""Bytes on the wire for the lean backend: request heads built from cached header lines, response bodies
decoded (gzip/deflate) in bounded pieces.

Most of a request's headers are the client's own (Authorization, User-Agent, X-Stainless-*) and repeat
on every request: each ``name: value`` line is validated and encoded once and then looked up, so a head
costs a join over a few cached lines plus the per-request ones (Idempotency-Key, Content-Length).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from yarl import URL

from .base import TransportConnectionError, TransportRequestError, header_problem

__all__ = ["BodyDecoder", "HeadBuilder", "coding_of", "host_header", "request_target"]

_LINE_CACHE_SIZE = 2048
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Headers this backend writes itself: from the request they would be sent twice or contradict the framing.
_OWN = frozenset({"host", "content-length", "transfer-encoding", "connection"})
# The largest piece a compressed body is inflated into at once: a gzip bomb never sits whole in memory.
_INFLATE_PIECE = 256 * 1024


_ACCEPT, _ACCEPT_ENCODING = 1, 2


def host_header(url: URL) -> str:
    host = url.raw_host or ""
    if ":" in host:
        host = f"[{host}]"
    port = url.port
    if port is not None and port != _DEFAULT_PORTS.get(url.scheme):
        return f"{host}:{port}"
    return host


def request_target(url: URL, *, absolute: bool) -> str:
    """The request line's target: origin form, or the absolute form a plain HTTP proxy needs."""
    path = url.raw_path_qs or "/"
    if absolute:
        return f"{url.scheme}://{host_header(url)}{path}"
    return path


class HeadBuilder:
    """Request heads for one transport. Its cache of header lines belongs to the transport (a closed
    client's key does not stay in a module-level table), and is cleared when full: per-request values
    (Idempotency-Key) pass through it, the client's own lines are re-encoded once per clearing."""

    __slots__ = ("_lines",)

    def __init__(self) -> None:
        self._lines: dict[tuple[str, str], tuple[bytes, int]] = {}

    def _entry(self, name: str, value: str) -> tuple[bytes, int]:
        """The encoded line for one header (b"" for one this backend writes itself) and whether it is
        Accept / Accept-Encoding (so the defaults are not added); validated once, then cached."""
        lower = name.lower()
        if lower in _OWN:
            entry = (b"", 0)
        else:
            problem = header_problem(name, value)
            if problem is not None:
                raise TransportRequestError(f"the request could not be sent: {problem}")
            flag = _ACCEPT if lower == "accept" else _ACCEPT_ENCODING if lower == "accept-encoding" else 0
            entry = (f"{name}: {value}\r\n".encode("ascii"), flag)
        lines = self._lines
        if len(lines) >= _LINE_CACHE_SIZE:
            lines.clear()
        lines[(name, value)] = entry
        return entry

    def build(self, method: str, target: str, host: str, headers: Iterable[tuple[str, str]],
              framing: bytes) -> bytes:
        """The request line and headers; ``framing`` is the Content-Length / Transfer-Encoding line (or b"")."""
        parts = [f"{method} {target} HTTP/1.1\r\nHost: {host}\r\n".encode("ascii")]
        seen = 0
        cached = self._lines.get
        for item in headers:
            entry = cached(item)
            if entry is None:
                entry = self._entry(*item)
            line, flag = entry
            seen |= flag
            parts.append(line)
        if not seen & _ACCEPT:
            parts.append(b"Accept: */*\r\n")
        if not seen & _ACCEPT_ENCODING:
            parts.append(b"Accept-Encoding: gzip, deflate\r\n")
        parts.append(framing)
        parts.append(b"\r\n")
        return b"".join(parts)


class BodyDecoder:
    """Inflates a gzip or deflate body piece by piece (``None`` coding: passes bytes through)."""

    __slots__ = ("_inflate",)

    def __init__(self, coding: str) -> None:
        # wbits 47: a gzip or a zlib header, whichever the body starts with.
        self._inflate = zlib.decompressobj(47)

    def feed(self, data: bytes) -> list[bytes]:
        pieces: list[bytes] = []
        try:
            inflate = self._inflate
            while data:
                piece = inflate.decompress(data, _INFLATE_PIECE)
                if piece:
                    pieces.append(piece)
                data = inflate.unconsumed_tail
        except zlib.error as exc:
            raise TransportConnectionError(f"DecodingError: the compressed body is corrupt ({exc})") from None
        return pieces

    def flush(self) -> bytes:
        try:
            return self._inflate.flush()
        except zlib.error as exc:
            raise TransportConnectionError(f"DecodingError: the compressed body is corrupt ({exc})") from None


def coding_of(headers: list[tuple[str, str]]) -> str | None:
    for name, value in headers:
        if name.lower() == "content-encoding":
            coding = value.strip().lower()
            return coding if coding in ("gzip", "deflate", "x-gzip") else None
    return None
