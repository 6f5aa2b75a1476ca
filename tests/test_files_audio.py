"""Files and audio over real loopback HTTP, on both transports: uploads in every form the official SDK
takes, downloads (whole, and streamed to disk), large uploads streamed without being held in memory, and
the per-call options (extra_headers / extra_query / extra_body / timeout) on these methods."""

from __future__ import annotations

import asyncio  # unasync: async-only
import hashlib
import io
import os
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core._files import BUFFER_LIMIT
from openai_core.testing import MockServer, MockServerProcess
from openai_core.testing._media import speech_bytes, transcript_text
from openai_core.types import FileDeleted, FileObject
from openai_core.types.audio import (
    Transcription,
    TranscriptionDiarized,
    TranscriptionTextDeltaEvent,
    TranscriptionTextDoneEvent,
    TranscriptionVerbose,
    Translation,
)

from ._recorder import parse_multipart
from .conftest import client_sockets

DATA = b'{"prompt": "a", "completion": "b"}\r\n--not-a-boundary\r\n\x00\xff\n'
MiB = 1024 * 1024


async def settled(check: Callable[[], bool]) -> bool:
    """``check()`` within a second: asyncio closes a transport's socket on a later turn of the loop."""
    for _ in range(100):
        if check():
            return True
        await asyncio.sleep(0.01)  # unasync: async-only
        # unasync: sync-only: import time
        # unasync: sync-only: time.sleep(0.01)
    return check()


def last_parts(server: MockServer) -> dict[str, tuple[str | None, str | None, bytes]]:
    """name -> (filename, content type, data) of the last request's multipart body."""
    request = server.requests[-1]
    return {p.name or "": (p.filename, p.content_type, p.data)
            for p in parse_multipart(request.headers["content-type"], request.body)}


# -- uploads and downloads -------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["path", "bytes", "file object", "tuple", "tuple+type", "tuple+path"])
async def test_upload_every_form_and_get_the_exact_bytes_back(
    client: AsyncOpenAI, server: MockServer, tmp_path: Path, form: str
) -> None:
    path = tmp_path / "train.jsonl"
    path.write_bytes(DATA)
    with path.open("rb") as handle:
        value = {
            "path": path,
            "bytes": DATA,
            "file object": handle,
            "tuple": ("named.jsonl", DATA),
            "tuple+type": ("named.jsonl", DATA, "application/jsonl"),
            "tuple+path": ("other.jsonl", path),
        }[form]
        created = await client.files.create(file=value, purpose="fine-tune")  # type: ignore[arg-type]
    assert isinstance(created, FileObject)
    expected_name = {"path": "train.jsonl", "bytes": "upload", "file object": "train.jsonl",
                     "tuple+path": "other.jsonl"}.get(form, "named.jsonl")
    assert (created.filename, created.bytes, created.purpose) == (expected_name, len(DATA), "fine-tune")
    filename, content_type, data = last_parts(server)["file"]
    assert (filename, data) == (expected_name, DATA)
    assert content_type == ("application/jsonl" if form == "tuple+type" else "application/octet-stream")
    assert last_parts(server)["purpose"][2] == b"fine-tune"

    content = await client.files.content(created.id)
    assert content.content == DATA and content.read() == DATA and await content.aread() == DATA
    assert b"".join([chunk async for chunk in content.aiter_bytes(7)]) == DATA
    assert server.requests[-1].headers["accept"] == "application/binary"
    content.write_to_file(tmp_path / "copy")
    assert (tmp_path / "copy").read_bytes() == DATA


async def test_retrieve_list_delete(client: AsyncOpenAI) -> None:
    ids = [(await client.files.create(file=(f"f{i}.txt", b"x" * i), purpose="assistants")).id for i in range(3)]
    got = await client.files.retrieve(ids[1])
    assert (got.id, got.bytes, got.filename) == (ids[1], 1, "f1.txt")

    page = await client.files.list(purpose="assistants", limit=2)
    assert [f.id for f in page.data] == ids[::-1][:2] and page.has_next_page()
    assert (await page.get_next_page()).data[0].id == ids[0]
    walked = [f.id async for f in client.files.list(purpose="assistants", limit=2)]
    assert walked[:3] == ids[::-1]
    ascending = await client.files.list(purpose="assistants", order="asc", limit=100)
    assert [f.id for f in ascending.data][-3:] == ids

    deleted = await client.files.delete(ids[0])
    assert isinstance(deleted, FileDeleted) and (deleted.id, deleted.deleted) == (ids[0], True)
    with pytest.raises(openai.NotFoundError):
        await client.files.retrieve(ids[0])
    with pytest.raises(ValueError, match="file_id"):
        await client.files.content("")


async def test_nested_and_extra_form_fields(client: AsyncOpenAI, server: MockServer) -> None:
    created = await client.files.create(
        file=("b.jsonl", b"{}\n"), purpose="batch", expires_after={"anchor": "created_at", "seconds": 3600},
        extra_body={"note": "hi", "tags": ["a", "b"]},
        extra_headers={"X-Trace": "t-1"}, extra_query={"debug": "1"},
    )
    assert created.expires_at == created.created_at + 3600
    request = server.requests[-1]
    parts = parse_multipart(request.headers["content-type"], request.body)
    assert [(p.name, p.data) for p in parts if p.filename is None] == [
        ("purpose", b"batch"), ("expires_after[anchor]", b"created_at"), ("expires_after[seconds]", b"3600"),
        ("note", b"hi"), ("tags[]", b"a"), ("tags[]", b"b"),
    ]
    assert request.headers["x-trace"] == "t-1" and request.query == {"debug": "1"}
    assert request.headers["content-length"] == str(len(request.body))


async def test_timeout_is_honoured_on_uploads(server: MockServer, transport: str) -> None:
    async with AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport, max_retries=0) as c:
        with pytest.raises(openai.APITimeoutError):
            await c.files.create(file=b"x", purpose="assistants", timeout=0.2,
                                 extra_headers={"X-Mock-Fault": "kind=slow_headers;delay=2"})
        with pytest.raises(openai.APITimeoutError):
            await c.audio.speech.create(model="tts-1", voice="alloy", input="hi", timeout=0.2,
                                        extra_headers={"X-Mock-Fault": "kind=slow_headers;delay=2"})


async def test_a_small_upload_is_retried_with_the_same_body(client: AsyncOpenAI, server: MockServer) -> None:
    key = f"retry-small-{os.urandom(4).hex()}"
    created = await client.files.create(
        file=("r.txt", DATA), purpose="assistants",
        extra_headers={"X-Mock-Fault": "kind=status;code=500;times=1;retry_after_ms=1", "X-Mock-Fault-Key": key},
    )
    assert server.attempts(key) == 2 and created.bytes == len(DATA)
    first, second = server.requests[-2:]
    assert first.body == second.body  # the replayed body is byte for byte the first one


async def test_a_streamed_upload_is_never_retried(client: AsyncOpenAI, server: MockServer, tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    path.write_bytes(b"z" * (BUFFER_LIMIT + 1))
    key = f"retry-big-{os.urandom(4).hex()}"
    with pytest.raises(openai.InternalServerError):
        await client.files.create(
            file=path, purpose="assistants",
            extra_headers={"X-Mock-Fault": "kind=status;code=500;times=1", "X-Mock-Fault-Key": key},
        )
    assert server.attempts(key) == 1  # resending would need the caller's file again
    sent = server.requests[-1]
    assert len(sent.body) > BUFFER_LIMIT and sent.body.count(b"z") == BUFFER_LIMIT + 1
    assert sent.headers["content-length"] == str(len(sent.body))  # streamed, its length known up front
    assert "transfer-encoding" not in sent.headers


# -- large files: streamed both ways, never held whole ----------------------------------------------------


@pytest.fixture(scope="module")
def remote() -> Iterator[MockServerProcess]:
    # A server in another process: the memory traced here is the client's alone.
    with MockServerProcess() as proc:
        yield proc


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.bin"
    with path.open("wb") as out:
        for i in range(20):
            out.write(hashlib.sha256(bytes([i])).digest() * (MiB // 32))
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_a_20_mib_upload_and_download_stream_in_bounded_memory(
    remote: MockServerProcess, transport: str, big_file: Path, tmp_path: Path
) -> None:
    async with AsyncOpenAI(api_key="sk-test", base_url=remote.base_url, transport=transport) as c:
        await c.models.list()  # transport set up and warm before measuring
        tracemalloc.start()
        try:
            created = await c.files.create(file=big_file, purpose="batch")
            _, upload_peak = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            out = tmp_path / "down.bin"
            async with c.files.with_streaming_response.content(created.id) as response:
                assert response.status_code == 200
                await response.stream_to_file(out)
            _, download_peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert created.bytes == 20 * MiB  # the server counted every byte
    assert sha256(out) == sha256(big_file)
    # 20 MiB went each way; the client held a few chunks at a time
    print(f"peaks: upload {upload_peak / MiB:.2f} MiB, download {download_peak / MiB:.2f} MiB")
    assert upload_peak < 3 * MiB, upload_peak
    assert download_peak < 3 * MiB, download_peak


async def test_speech_streams_to_file_and_releases_the_connection(
    client: AsyncOpenAI, server: MockServer, tmp_path: Path
) -> None:
    text = "A sentence read aloud. " * 40
    out = tmp_path / "speech.mp3"
    async with client.audio.speech.with_streaming_response.create(
        model="gpt-4o-mini-tts", voice="alloy", input=text, response_format="mp3"
    ) as response:
        assert response.headers["content-type"] == "audio/mpeg"
        assert response.headers.get("content-length") is None  # sent chunked
        assert not response.is_closed and client_sockets(server.port) == 1
        await response.stream_to_file(out)
    assert out.read_bytes() == speech_bytes(text, "mp3") and len(out.read_bytes()) == 4096 * len(text)
    assert response.is_closed
    assert server.requests[-1].headers["accept"] == "application/octet-stream"
    assert server.requests[-1].json() == {"model": "gpt-4o-mini-tts", "voice": "alloy", "input": text,
                                          "response_format": "mp3"}


async def test_leaving_a_streamed_download_unread_drops_the_connection(
    client: AsyncOpenAI, server: MockServer
) -> None:
    async with client.audio.speech.with_streaming_response.create(
        model="tts-1", voice="alloy", input="x" * 1000
    ) as response:
        async for _chunk in response.iter_bytes():
            break
        # Sync: the abandoned iterator is finalised at once (reference counting) and its GeneratorExit
        # already drops the connection; an async generator waits for the block's exit.
        assert client_sockets(server.port) == 1  # unasync: async-only
    assert response.is_closed
    assert await settled(lambda: client_sockets(server.port) == 0)  # closed on exit, not kept half-read
    # read to the end, the connection goes back to the pool and serves the next call
    async with client.audio.speech.with_streaming_response.create(model="tts-1", voice="alloy", input="ok") as r:
        assert await r.parse() == speech_bytes("ok")
    assert client_sockets(server.port) == 1
    await client.models.list()
    assert client_sockets(server.port) == 1
    await client.close()
    assert client_sockets(server.port) == 0


async def test_speech_whole(client: AsyncOpenAI, server: MockServer) -> None:
    speech = await client.audio.speech.create(model="tts-1", voice={"id": "voice_1"}, input="Hello",
                                              response_format="wav", speed=1.5, extra_query={"trace": "1"})
    assert speech.content == speech_bytes("Hello", "wav") and speech.content.startswith(b"RIFF")
    assert speech.response.headers["content-type"] == "audio/wav"
    assert server.requests[-1].query == {"trace": "1"}


# -- transcriptions and translations ---------------------------------------------------------------------


async def test_transcription_formats(client: AsyncOpenAI, server: MockServer) -> None:
    audio = ("talk.mp3", b"\x01" * 32_000, "audio/mpeg")
    text = transcript_text("talk.mp3", 32_000)

    plain = await client.audio.transcriptions.create(file=audio, model="whisper-1")
    assert isinstance(plain, Transcription) and plain.text == text
    assert last_parts(server)["file"] == ("talk.mp3", "audio/mpeg", audio[1])

    verbose = await client.audio.transcriptions.create(
        file=audio, model="whisper-1", response_format="verbose_json", timestamp_granularities=["word", "segment"],
        language="en", temperature=0.5,
    )
    assert isinstance(verbose, TranscriptionVerbose)
    assert (verbose.text, verbose.duration, verbose.language) == (text, 2.0, "en")
    assert verbose.words is not None and [w.word for w in verbose.words] == text.split()
    assert verbose.segments is not None and verbose.segments[0].temperature == 0.5
    assert [p.data for p in parse_multipart(server.requests[-1].headers["content-type"], server.requests[-1].body)
            if p.name == "timestamp_granularities[]"] == [b"word", b"segment"]

    diarized = await client.audio.transcriptions.create(file=audio, model="gpt-4o-transcribe-diarize",
                                                        response_format="diarized_json")
    assert isinstance(diarized, TranscriptionDiarized) and diarized.segments[0].speaker == "A"

    as_text = await client.audio.transcriptions.create(file=audio, model="whisper-1", response_format="text")
    assert as_text == text + "\n"
    srt = await client.audio.transcriptions.create(file=audio, model="whisper-1", response_format="srt")
    assert srt == f"1\n00:00:00,000 --> 00:00:02,000\n{text}\n\n"
    vtt = await client.audio.transcriptions.create(file=audio, model="whisper-1", response_format="vtt")
    assert vtt.startswith("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n")


async def test_streamed_transcription(client: AsyncOpenAI, server: MockServer) -> None:
    audio = ("talk.wav", b"\x02" * 16_000, "audio/wav")
    text = transcript_text("talk.wav", 16_000)
    stream = await client.audio.transcriptions.create(file=audio, model="gpt-4o-mini-transcribe", stream=True)
    assert isinstance(stream, openai.AsyncStream)
    events = [event async for event in stream]
    *deltas, done = events
    assert all(isinstance(e, TranscriptionTextDeltaEvent) for e in deltas) and len(deltas) == len(text.split())
    assert "".join(e.delta for e in deltas if isinstance(e, TranscriptionTextDeltaEvent)) == text
    assert isinstance(done, TranscriptionTextDoneEvent) and done.text == text
    assert done.usage is not None and done.usage.total_tokens == 11 * len(deltas)
    assert stream.response.is_closed
    sent = server.requests[-1]
    assert sent.headers["accept"] == "text/event-stream"
    assert last_parts(server)["stream"] == (None, None, b"true")

    # The server's refusal (whisper-1 cannot stream) is raised at create(), as a typed status error.
    with pytest.raises(openai.BadRequestError, match="whisper-1"):
        await client.audio.transcriptions.create(file=audio, model="whisper-1", stream=True)


async def test_translation_from_a_file_object(client: AsyncOpenAI, server: MockServer) -> None:
    buffer = io.BytesIO(b"\x02" * 1600)
    buffer.name = "/tmp/dir/clip.wav"
    translated = await client.audio.translations.create(file=buffer, model="whisper-1", prompt="Hi")
    assert isinstance(translated, Translation)
    assert translated.text == transcript_text("clip.wav", 1600, task="translate")
    assert last_parts(server)["file"] == ("clip.wav", "audio/x-wav", b"\x02" * 1600)
