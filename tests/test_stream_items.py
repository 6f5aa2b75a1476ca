"""What a stream makes of each event's JSON, over real loopback HTTP on every transport: an event the strict
validator takes is a typed item; one it rejects (a compatible server's unknown value, a missing required
field) is still an item, built leniently with its siblings typed; one that is not JSON raises
``APIResponseValidationError`` naming the item type; an ``{"error": ...}`` payload raises ``APIError``
whether or not it would also validate as a chunk."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

import openai_core
from openai_core.testing.raw import RawConnection, RawServer, http_response

CHUNK: dict[str, Any] = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m",
                         "choices": [{"index": 0, "delta": {"content": "hi"}, "finish_reason": None}]}


@contextlib.asynccontextmanager
async def _stream(transport: str, *payloads: Any) -> AsyncIterator[Any]:
    """A chat stream from a loopback server answering with one event per payload, then [DONE]."""
    body = b"".join(f"data: {json.dumps(p) if not isinstance(p, str) else p}\n\n".encode()
                    for p in (*payloads, "[DONE]"))

    async def handle(conn: RawConnection) -> None:
        while await conn.read_request() is not None:
            await conn.send(http_response(200, body, content_type="text/event-stream"))

    server = RawServer(handle)
    server.start()
    try:
        async with openai_core.AsyncOpenAI(api_key="sk-test", base_url=server.base_url, transport=transport,
                                           max_retries=0) as client:
            yield await client.chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}],
                                                       stream=True)
    finally:
        server.stop()


async def test_strict_then_lenient_events_are_all_typed_items(transport: str) -> None:
    from openai_core.types.chat import ChatCompletionChunk

    odd = json.loads(json.dumps(CHUNK))
    del odd["created"]  # required, missing
    odd["choices"][0]["finish_reason"] = "eos_token"  # not one of the documented values
    odd["choices"][0]["delta"]["content"] = "there"
    async with _stream(transport, CHUNK, odd) as stream:
        items = [item async for item in stream]
    # isinstance: with the official SDK loaded, items are of the bridged subclass (openai_core._interop).
    assert len(items) == 2 and all(isinstance(item, ChatCompletionChunk) for item in items)
    strict, lenient = items
    assert strict.created == 1 and strict.choices[0].delta.content == "hi"
    assert lenient.choices[0].finish_reason == "eos_token"  # kept as sent
    assert lenient.choices[0].delta.content == "there" and lenient.id == "c1"
    assert "created" not in lenient.model_fields_set
    with pytest.raises(AttributeError, match="created is missing"):
        _ = lenient.created


async def test_an_event_that_is_not_json_raises_a_validation_error(transport: str) -> None:
    async with _stream(transport, CHUNK, "{not json") as stream:
        first = await stream.__anext__()
        assert first.choices[0].delta.content == "hi"
        with pytest.raises(openai_core.APIResponseValidationError, match="ChatCompletionChunk") as caught:
            await stream.__anext__()
        assert stream.response.is_closed
    assert "{not json" in str(caught.value)


@pytest.mark.parametrize("where", ["alone", "beside the fields"])
async def test_an_error_payload_raises_whether_or_not_it_also_validates(transport: str, where: str) -> None:
    # {"error": ...} alone fails the chunk's validation; beside every field it validates, the error an extra.
    error = {"message": "the model crashed", "type": "server_error"}
    payload = {"error": error} if where == "alone" else {**CHUNK, "error": error}
    async with _stream(transport, CHUNK, payload, CHUNK) as stream:
        seen = []
        with pytest.raises(openai_core.APIError, match="the model crashed") as caught:
            async for item in stream:
                seen.append(item)
        assert len(seen) == 1 and stream.response.is_closed
    assert caught.value.body == error
    assert not isinstance(caught.value, openai_core.APIResponseValidationError)
