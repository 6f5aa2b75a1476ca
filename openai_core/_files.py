"""multipart/form-data request bodies, encoded here once for every transport.

Uploads (``files.create``, ``audio.transcriptions.create``, ``images.edit`` ...) take what the official
SDK takes as ``FileTypes``: a path, bytes, a binary file object, or a tuple ``(filename, content[,
content_type[, headers]])``. The body is encoded here, not by the HTTP library, so both backends send the
same bytes: the pipeline carries it as ``RequestOptions(content=..., content_type=...)``.

The encoding matches httpx's (which the official SDK uses) part for part: form fields first, then files;
``Content-Disposition: form-data; name="..."; filename="..."`` with the HTML5 escaping of quotes, backslashes
and control characters; a part's ``Content-Type`` guessed from its filename (``application/octet-stream``
when unknown) unless given; a file object read from its start.

Size policy: a body of at most ``BUFFER_LIMIT`` (4 MiB) is encoded into one ``bytes``. Such a body is
replayable, so the pipeline retries it after a 5xx/429 or a dropped connection. A larger body is
streamed in ``CHUNK_SIZE`` (64 KiB) pieces read from disk (or from the file object) while it is sent,
so memory stays flat whatever the file's size; it carries a ``Content-Length`` when every size is known
(paths, bytes, regular files) and is sent chunked otherwise. A streamed body is one-shot, and the
pipeline never retries it (``Request.is_replayable``): resending would need the caller's file again. 4 MiB
keeps typical audio clips, images and fine-tuning files retryable while capping what a burst of
concurrent uploads holds in memory (100 uploads x 4 MiB).

Disk reads happen on the event loop, not in a worker thread: measured here, a 64 KiB read from the page
cache blocks ~20 us, while a thread hop per chunk costs ~300 us (20 MiB: 7 ms inline, 100 ms via
threads). A file on a slow network filesystem would block the loop for its read latency per chunk.
"""

from __future__ import annotations

import contextlib
import io
import mimetypes
import os
import re
import stat
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TypeAlias

__all__ = [
    "BUFFER_LIMIT",
    "CHUNK_SIZE",
    "FileContent",
    "FileTypes",
    "MultipartForm",
    "split_files",
]

FileContent: TypeAlias = IO[bytes] | bytes | os.PathLike[str]
FileTypes: TypeAlias = (
    FileContent
    | tuple[str | None, FileContent]
    | tuple[str | None, FileContent, str | None]
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)

BUFFER_LIMIT = 4 * 1024 * 1024
CHUNK_SIZE = 64 * 1024

# The HTML5 form-encoding escapes httpx applies to names and filenames inside Content-Disposition.
_FORM_ESCAPES = {'"': "%22", "\\": "\\\\", **{chr(c): f"%{c:02X}" for c in range(0x20) if c != 0x1B}}
_FORM_ESCAPE_RE = re.compile("|".join(re.escape(c) for c in _FORM_ESCAPES))
_HEADER_NAME_RE = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_BAD_HEADER_VALUE_RE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def _form_param(name: str, value: str) -> str:
    return f'{name}="{_FORM_ESCAPE_RE.sub(lambda m: _FORM_ESCAPES[m.group(0)], value)}"'


def split_files(
    body: Mapping[str, object], file_keys: Sequence[str]
) -> tuple[dict[str, object], list[tuple[str, object]]]:
    """(form fields, file parts) of a call's parameters. A file parameter holding a list becomes one
    ``key[]`` part per item, as the official SDK sends several images."""
    fields = {key: value for key, value in body.items() if key not in file_keys}
    files: list[tuple[str, object]] = []
    for key in file_keys:
        value = body.get(key)
        if value is None:
            continue
        if isinstance(value, Mapping):  # a reference object (`{"file_id": ...}`) where a file may go
            fields[key] = value
            continue
        if isinstance(value, list):
            files.extend((f"{key}[]", item) for item in value)
        else:
            files.append((key, value))
    return fields, files


class _Part:
    """One part: its header block (delimiter included) and where its data comes from."""

    __slots__ = ("data", "file", "head", "path", "size")

    def __init__(self, head: bytes, *, data: bytes = b"", path: str | None = None,
                 file: IO[bytes] | None = None, size: int | None = 0) -> None:
        self.head = head
        self.data = data  # in memory (all of it, or what was read of `file` while sizing it)
        self.path = path  # streamed from disk
        self.file = file  # streamed from the caller's file object, after `data`
        self.size = size  # bytes still to come from `path` / `file`; None: unknown (read to EOF)


def _file_size(file: IO[bytes]) -> int | None:
    """Bytes from the start of ``file`` to its end, or None when that is unknowable without reading it
    (a pipe, a socket, a non-seekable stream)."""
    try:
        st = os.fstat(file.fileno())
        if stat.S_ISREG(st.st_mode):
            return st.st_size
    except (AttributeError, OSError, ValueError):
        pass
    try:
        position = file.tell()
        end = file.seek(0, os.SEEK_END)
        file.seek(position)
        return end
    except (AttributeError, OSError, ValueError):
        return None


def _rewind(file: IO[bytes]) -> None:
    # httpx (so the official SDK) sends a file object from its start, wherever its position was.
    with contextlib.suppress(AttributeError, OSError, ValueError):
        file.seek(0)


def _unpack(value: object) -> tuple[str | None, object, str | None, Mapping[str, str]]:
    """(filename, content, content_type, headers) of one ``FileTypes`` value."""
    if isinstance(value, tuple):
        if not 2 <= len(value) <= 4:
            raise TypeError(f"a file tuple has 2 to 4 items (filename, content, content_type, headers), "
                            f"not {len(value)}")
        filename, content, content_type, headers = (*value, None, None)[:4]
        return filename, content, content_type, headers or {}
    if isinstance(value, os.PathLike):
        return Path(value).name, value, None, {}
    return Path(str(getattr(value, "name", "upload"))).name, value, None, {}


def _file_part(boundary: str, name: str, value: object) -> _Part:
    filename, content, content_type, headers = _unpack(value)
    if isinstance(content, io.TextIOBase):
        raise TypeError(f"file {name!r} must be opened in binary mode ('rb'), not text mode")
    if not isinstance(content, bytes | bytearray | memoryview | os.PathLike | io.IOBase) and not (
        hasattr(content, "read")
    ):
        raise TypeError(
            f"file {name!r} must be bytes, a binary file object, a path (os.PathLike) or a tuple "
            f"(filename, content[, content_type[, headers]]), not {type(content).__name__}"
        )
    if content_type is None and filename:
        content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    lines = [f"--{boundary}\r\nContent-Disposition: form-data; {_form_param('name', name)}"]
    if filename:
        lines.append(f"; {_form_param('filename', filename)}")
    header_items = dict(headers)
    if content_type is not None and not any(key.lower() == "content-type" for key in header_items):
        header_items["Content-Type"] = content_type
    for key, header_value in header_items.items():
        if not _HEADER_NAME_RE.fullmatch(key) or _BAD_HEADER_VALUE_RE.search(header_value):
            raise ValueError(f"invalid multipart header {key!r}: {header_value!r}")
        lines.append(f"\r\n{key}: {header_value}")
    lines.append("\r\n\r\n")
    head = "".join(lines).encode()

    if isinstance(content, bytes | bytearray | memoryview):
        return _Part(head, data=bytes(content))
    if isinstance(content, os.PathLike):
        path = os.fspath(content)
        return _Part(head, path=path, size=os.stat(path).st_size)
    file: IO[bytes] = content  # type: ignore[assignment]
    _rewind(file)
    return _Part(head, file=file, size=_file_size(file))


def _read_exactly(file: IO[bytes], size: int, what: str) -> bytes:
    data = file.read(size)
    if len(data) != size:
        raise OSError(f"{what} shrank while it was being uploaded")
    return data


class MultipartForm:
    """A multipart/form-data body: ``buffered`` (the whole body as bytes) when it is at most
    ``buffer_limit`` bytes, else streamed by ``aiter_bytes()`` / ``iter_bytes()`` with
    ``content_length`` (None when a file object's size is unknown: the body goes chunked)."""

    __slots__ = ("_parts", "_tail", "buffered", "content_length", "content_type")

    def __init__(
        self,
        fields: Sequence[tuple[str, str]],
        files: Sequence[tuple[str, object]],
        *,
        boundary: str | None = None,
        buffer_limit: int = BUFFER_LIMIT,
    ) -> None:
        boundary = boundary or os.urandom(16).hex()
        self.content_type = f"multipart/form-data; boundary={boundary}"
        parts = [
            _Part(f"--{boundary}\r\nContent-Disposition: form-data; {_form_param('name', name)}\r\n\r\n".encode(),
                  data=value.encode())
            for name, value in fields
        ]
        parts.extend(_file_part(boundary, name, value) for name, value in files)
        self._parts = parts
        self._tail = f"--{boundary}--\r\n".encode()

        # Size the body; read a file object of unknown size up to what is left of the budget, so a
        # small stream still becomes a (retryable) bytes body.
        budget = buffer_limit - len(self._tail)
        length: int | None = len(self._tail)
        for part in parts:
            budget -= len(part.head) + len(part.data) + 2
            if part.size is None and part.file is not None:
                if budget >= 0:
                    prefix = part.file.read(budget + 1)
                    part.data += prefix
                    budget -= len(prefix)
                    if budget >= 0:  # the stream ended within the budget: its size is known now
                        part.file, part.size = None, 0
            else:
                budget -= part.size or 0
            if length is not None:
                length = None if part.size is None else length + len(part.head) + len(part.data) + part.size + 2
        self.content_length = length

        self.buffered: bytes | None = None
        if budget >= 0:
            chunks: list[bytes] = []
            for part in parts:
                chunks += (part.head, part.data, self._read_rest(part), b"\r\n")
            chunks.append(self._tail)
            self.buffered = b"".join(chunks)

    @staticmethod
    def _read_rest(part: _Part) -> bytes:
        if part.path is not None:
            with open(part.path, "rb") as file:
                return _read_exactly(file, part.size or 0, part.path)
        if part.file is not None:
            return _read_exactly(part.file, part.size or 0, "the file object")
        return b""

    def iter_bytes(self) -> Iterator[bytes]:
        """The body in pieces of at most ``CHUNK_SIZE`` bytes of file data (each part's header block
        and the delimiters come as pieces of their own)."""
        if self.buffered is not None:
            yield self.buffered
            return
        for part in self._parts:
            yield part.head
            data = part.data
            for start in range(0, len(data), CHUNK_SIZE):
                yield data[start : start + CHUNK_SIZE]
            if part.path is not None:
                with open(part.path, "rb") as file:
                    yield from _chunks(file, part.size, part.path)
            elif part.file is not None:
                yield from _chunks(part.file, part.size, "the file object")
            yield b"\r\n"
        yield self._tail

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        """``iter_bytes()`` for an async transport (reads happen on the loop: see the module notes)."""
        for chunk in self.iter_bytes():
            yield chunk


def _chunks(file: IO[bytes], size: int | None, what: str) -> Iterator[bytes]:
    """``size`` bytes of ``file`` (to EOF when None) in ``CHUNK_SIZE`` pieces. A file that ends early
    raises OSError rather than sending a body shorter than its Content-Length; one that grew is sent as
    it was when sized."""
    left = size
    while left is None or left > 0:
        chunk = file.read(CHUNK_SIZE if left is None else min(CHUNK_SIZE, left))
        if not chunk:
            if left is not None:
                raise OSError(f"{what} shrank while it was being uploaded")
            return
        if left is not None:
            left -= len(chunk)
        yield chunk
