"""``HttpxBinaryResponseContent``: what a binary download (``files.content``, ``audio.speech.create``)
returns, with the official SDK's name and methods so code ports unchanged.

The body has been read when the object is made (as in the official SDK, whose plain call reads it), so
every method here is a view of bytes in memory and the class serves the sync and the async client alike.
To write a large download to disk without holding it, use ``with_streaming_response`` and
``stream_to_file`` instead.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import warnings
from collections.abc import AsyncIterator, Iterator
from typing import Any

from typing_extensions import override

from .transports._common import HTTPResponse

__all__ = ["HttpxBinaryResponseContent", "charset_of", "iter_lines", "iter_text", "rechunk"]

_LINE_BREAK = re.compile("\r\n|\r|\n")
_NOT_STREAMED = (
    "the body was read whole before this call; to stream a download to disk use "
    "`.with_streaming_response.<method>(...)` and its `stream_to_file()`"
)


def rechunk(chunks: Iterator[bytes], chunk_size: int | None) -> Iterator[bytes]:
    """``chunks`` regrouped into pieces of exactly ``chunk_size`` bytes (the last may be shorter);
    unchanged when ``chunk_size`` is None."""
    if chunk_size is None:
        yield from (chunk for chunk in chunks if chunk)
        return
    buffer = bytearray()
    for chunk in chunks:
        buffer += chunk
        while len(buffer) >= chunk_size:
            yield bytes(buffer[:chunk_size])
            del buffer[:chunk_size]
    if buffer:
        yield bytes(buffer)


class TextDecoder:
    """Incremental decoding (a character split across two chunks is decoded once whole)."""

    __slots__ = ("_decoder",)

    def __init__(self, encoding: str | None) -> None:
        self._decoder = codecs.getincrementaldecoder(encoding or "utf-8")(errors="replace")

    def feed(self, chunk: bytes, *, final: bool = False) -> str:
        return self._decoder.decode(chunk, final)


class LineSplitter:
    """Lines of a text stream, split on LF, CRLF and CR as httpx splits them; a CR at the end of a
    piece is held back in case the next piece starts with its LF."""

    __slots__ = ("_pending",)

    def __init__(self) -> None:
        self._pending = ""

    def feed(self, text: str, *, final: bool = False) -> list[str]:
        text, self._pending = self._pending + text, ""
        if not final and text.endswith("\r"):
            text, self._pending = text[:-1], "\r"
        lines = _LINE_BREAK.split(text)
        tail = lines.pop()  # what follows the last line break: a line still being received
        if final:
            if tail:
                lines.append(tail)
        else:
            self._pending = tail + self._pending
        return lines


def iter_text(chunks: Iterator[bytes], encoding: str | None) -> Iterator[str]:
    decoder = TextDecoder(encoding)
    for chunk in chunks:
        text = decoder.feed(chunk)
        if text:
            yield text
    tail = decoder.feed(b"", final=True)
    if tail:
        yield tail


def iter_lines(texts: Iterator[str]) -> Iterator[str]:
    splitter = LineSplitter()
    for text in texts:
        yield from splitter.feed(text)
    yield from splitter.feed("", final=True)


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header value, if any."""
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip('"').strip("'")
    return None


class HttpxBinaryResponseContent:
    """A downloaded body: ``.content``, ``.text``, ``.json()``, ``.read()``, ``iter_bytes()``,
    ``write_to_file(path)``, and the async spellings ``aread()`` / ``aiter_bytes()`` /
    ``astream_to_file(path)``. ``response`` is the HTTP response it came from (status, headers)."""

    def __init__(self, content: bytes, response: HTTPResponse) -> None:
        self._content = content
        self.response = response

    @property
    def content(self) -> bytes:
        return self._content

    @property
    def encoding(self) -> str | None:
        return self.charset_encoding

    @property
    def charset_encoding(self) -> str | None:
        return charset_of(self.response.headers.get("content-type"))

    @property
    def text(self) -> str:
        return self._content.decode(self.charset_encoding or "utf-8", errors="replace")

    def json(self, **kwargs: Any) -> Any:
        return json.loads(self.text, **kwargs)

    def read(self) -> bytes:
        return self._content

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return rechunk(iter((self._content,)), chunk_size)

    def iter_raw(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return iter_text(self.iter_bytes(chunk_size), self.charset_encoding)

    def iter_lines(self) -> Iterator[str]:
        return iter_lines(self.iter_text())

    def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the body to ``file`` (it is already in memory)."""
        with open(file, mode="wb") as out:
            out.write(self._content)

    def stream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
        """Deprecated in the official SDK as here: the body was read whole already; use
        ``with_streaming_response`` and its ``stream_to_file`` to stream a download to disk."""
        warnings.warn(_NOT_STREAMED, DeprecationWarning, stacklevel=2)
        self.write_to_file(file)

    def close(self) -> None:
        return None

    async def aread(self) -> bytes:
        return self._content

    async def aiter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        for chunk in self.iter_bytes(chunk_size):
            yield chunk

    async def aiter_raw(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        for chunk in self.iter_bytes(chunk_size):
            yield chunk

    async def aiter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        for text in self.iter_text(chunk_size):
            yield text

    async def aiter_lines(self) -> AsyncIterator[str]:
        for line in self.iter_lines():
            yield line

    async def astream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
        """Deprecated as ``stream_to_file`` is; writes the body already in memory."""
        warnings.warn(_NOT_STREAMED, DeprecationWarning, stacklevel=2)
        self.write_to_file(file)

    async def aclose(self) -> None:
        return None

    @override
    def __repr__(self) -> str:
        return f"<HttpxBinaryResponseContent [{self.response.status_code}] {len(self._content)} bytes>"
