"""The multipart/form-data encoder (``openai_core._files``) without I/O: byte-identical to httpx's (which
the official SDK uses) for every form of file the official SDK accepts, and the buffer/stream size policy."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openai_core._files import BUFFER_LIMIT, CHUNK_SIZE, MultipartForm, split_files
from openai_core._qs import flatten_query

BOUNDARY = "0123456789abcdef0123456789abcdef"
DATA = b'{"prompt": "a"}\r\n--0123456789abcdef0123456789abcdef\r\n\x00\xff\n'


def httpx_encoding(fields: list[tuple[str, str]], files: list[tuple[str, Any]]) -> tuple[bytes, int | None]:
    data: dict[str, Any] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    stream = httpx._multipart.MultipartStream(data, files, boundary=BOUNDARY.encode())
    return b"".join(stream.iter_chunks()), stream.get_content_length()


def ours(fields: list[tuple[str, str]], files: list[tuple[str, Any]], **kwargs: Any) -> MultipartForm:
    return MultipartForm(fields, files, boundary=BOUNDARY, **kwargs)


def body_of(form: MultipartForm) -> bytes:
    return form.buffered if form.buffered is not None else b"".join(form.iter_bytes())


@pytest.fixture
def upload(tmp_path: Path) -> Path:
    path = tmp_path / "train data.jsonl"
    path.write_bytes(DATA)
    return path


# File forms the official SDK accepts, as (name, value) lists; each is built afresh per use (a file object
# is read when encoded).
CASES: dict[str, Callable[[Path], list[tuple[str, Any]]]] = {
    "bytes": lambda path: [("file", DATA)],
    "tuple": lambda path: [("file", ("a.jsonl", DATA))],
    "tuple+type": lambda path: [("file", ("a.jsonl", DATA, "application/jsonl"))],
    "tuple+headers": lambda path: [("file", ("a.png", DATA, "image/png", {"X-Part": "1"}))],
    "tuple+type-in-headers": lambda path: [("file", ("a.png", DATA, None, {"content-type": "image/x-custom"}))],
    "no filename": lambda path: [("file", (None, DATA))],
    "file object": lambda path: [("file", io.BytesIO(DATA))],
    "open file": lambda path: [("file", path.open("rb"))],
    "escaped filename": lambda path: [("file", ('we"ird\\na\nme\x01.txt', DATA))],
    "unknown extension": lambda path: [("file", ("blob.zzz", DATA))],
    "several": lambda path: [("image[]", ("a.png", DATA)), ("image[]", ("b.png", DATA)), ("mask", ("m.png", DATA))],
    "unicode": lambda path: [("file", ("résumé.pdf", DATA))],
}


FIELDS = flatten_query({"purpose": "fine-tune", "flag": True, "n": 2, "ts": ["word", "segment"],
                        "expires_after": {"anchor": "created_at", "seconds": 3600}, "skip": None})


def test_fields_are_named_as_the_official_sdk_names_them() -> None:
    assert FIELDS == [("purpose", "fine-tune"), ("flag", "true"), ("n", "2"), ("ts[]", "word"),
                      ("ts[]", "segment"), ("expires_after[anchor]", "created_at"),
                      ("expires_after[seconds]", "3600")]


@pytest.mark.parametrize("case", list(CASES))
def test_byte_identical_to_httpx(case: str, upload: Path) -> None:
    theirs, mine = CASES[case](upload), CASES[case](upload)
    expected, expected_length = httpx_encoding(FIELDS, theirs)
    form = ours(FIELDS, mine)
    for _, value in [*theirs, *mine]:
        if isinstance(value, io.IOBase):
            value.close()
    assert form.buffered == expected
    assert form.content_length == expected_length == len(expected)
    assert form.content_type == f"multipart/form-data; boundary={BOUNDARY}"


def test_a_path_is_sent_as_its_name_and_bytes(upload: Path) -> None:
    expected, _ = httpx_encoding(FIELDS, [("file", (upload.name, DATA))])
    assert ours(FIELDS, [("file", upload)]).buffered == expected
    assert ours(FIELDS, [("file", ("renamed.txt", upload))]).buffered == httpx_encoding(
        FIELDS, [("file", ("renamed.txt", DATA))])[0]


def test_a_file_object_is_sent_from_its_start_as_httpx_does() -> None:
    file = io.BytesIO(DATA)
    file.seek(5)
    assert ours([], [("file", file)]).buffered == httpx_encoding([], [("file", io.BytesIO(DATA))])[0]


def test_split_files_takes_file_parameters_out_and_lists_become_array_parts() -> None:
    fields, files = split_files({"prompt": "p", "image": [b"1", b"2"], "mask": b"m", "n": 1}, ("image", "mask"))
    assert fields == {"prompt": "p", "n": 1}
    assert files == [("image[]", b"1"), ("image[]", b"2"), ("mask", b"m")]


@pytest.mark.parametrize(
    "value, error",
    [(io.StringIO("text"), TypeError), ("a string", TypeError), (123, TypeError), (("a",), TypeError),
     (("a", b"x", "text/plain", {"Bad Name": "v"}), ValueError),
     (("a", b"x", "text/plain", {"X": "bad\nvalue"}), ValueError)],
)
def test_bad_file_values_are_refused(value: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        ours([], [("file", value)])


# -- size policy -----------------------------------------------------------------------------------------


def test_a_small_body_is_one_bytes_object_so_it_can_be_retried(upload: Path) -> None:
    form = ours(FIELDS, [("file", upload)])
    assert isinstance(form.buffered, bytes)
    assert list(form.iter_bytes()) == [form.buffered]


def test_a_large_file_is_streamed_in_bounded_chunks_with_a_content_length(tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    payload = os.urandom(BUFFER_LIMIT + 3 * CHUNK_SIZE + 17)
    path.write_bytes(payload)
    form = ours(FIELDS, [("file", path)])
    assert form.buffered is None
    chunks = list(form.iter_bytes())
    assert max(len(chunk) for chunk in chunks) <= CHUNK_SIZE
    body = b"".join(chunks)
    assert body == httpx_encoding(FIELDS, [("file", (path.name, payload))])[0]
    assert form.content_length == len(body)
    # every iteration reads the file again: a transport may start over
    assert b"".join(form.iter_bytes()) == body


async def test_the_async_stream_gives_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    path.write_bytes(os.urandom(BUFFER_LIMIT + 1))
    form = ours([], [("file", path)])
    assert b"".join([chunk async for chunk in form.aiter_bytes()]) == b"".join(form.iter_bytes())


def test_the_limit_is_on_the_whole_body() -> None:
    small = ours([], [("file", b"x" * 100)], buffer_limit=1000)
    assert small.buffered is not None and len(small.buffered) <= 1000
    over = ours([], [("file", b"x" * 1000)], buffer_limit=1000)
    assert over.buffered is None
    assert b"".join(over.iter_bytes()) == small.buffered.replace(b"x" * 100, b"x" * 1000)


class Unseekable(io.RawIOBase):
    """A stream whose size cannot be known without reading it (a pipe, a socket)."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_an_unknown_size_stream_that_fits_is_buffered() -> None:
    form = ours([], [("file", ("s.bin", Unseekable(b"abc" * 100)))])
    assert form.buffered == httpx_encoding([], [("file", ("s.bin", b"abc" * 100))])[0]
    assert form.content_length == len(form.buffered)


def test_an_unknown_size_stream_that_does_not_fit_is_sent_chunked() -> None:
    payload = os.urandom(5000)
    form = ours([], [("file", ("s.bin", Unseekable(payload)))], buffer_limit=1000)
    assert form.buffered is None and form.content_length is None  # no Content-Length: chunked transfer
    assert b"".join(form.iter_bytes()) == httpx_encoding([], [("file", ("s.bin", payload))])[0]


def test_a_file_that_shrinks_while_streaming_fails_instead_of_sending_a_short_body(tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    path.write_bytes(b"x" * 5000)
    form = ours([], [("file", path)], buffer_limit=1000)
    path.write_bytes(b"x" * 10)
    with pytest.raises(OSError, match="shrank"):
        b"".join(form.iter_bytes())


@settings(max_examples=60, deadline=None)
@given(
    filename=st.text(min_size=1, max_size=20),
    data=st.binary(max_size=300),
    content_type=st.sampled_from([None, "application/octet-stream", "audio/mpeg"]),
    field=st.text(max_size=20),
    limit=st.sampled_from([1, 400, BUFFER_LIMIT]),
)
def test_any_upload_encodes_as_httpx_does(
    filename: str, data: bytes, content_type: str | None, field: str, limit: int
) -> None:
    expected, _ = httpx_encoding([("prompt", field)], [("file", (filename, data, content_type))])
    form = ours([("prompt", field)], [("file", (filename, data, content_type))], buffer_limit=limit)
    assert body_of(form) == expected
    assert form.content_length == len(expected)
