"""Batches and images over real loopback HTTP, on both transports."""

from __future__ import annotations

import base64
import hashlib

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core._interop import own_class
from openai_core.testing import MockServer
from openai_core.testing._media import image_bytes
from openai_core.types import (
    Batch,
    ImageEditCompletedEvent,
    ImageEditPartialImageEvent,
    ImageGenCompletedEvent,
    ImageGenPartialImageEvent,
    ImagesResponse,
)

from ._recorder import parse_multipart

REQUESTS = b"".join(
    b'{"custom_id": "r%d", "method": "POST", "url": "/v1/chat/completions", "body": {}}\n' % i for i in range(3)
)


async def test_batch_round_trip(client: AsyncOpenAI, server: MockServer) -> None:
    upload = await client.files.create(file=("requests.jsonl", REQUESTS), purpose="batch")
    batch = await client.batches.create(
        input_file_id=upload.id, endpoint="/v1/chat/completions", completion_window="24h",
        metadata={"run": "nightly"}, extra_body={"extra_field": 1}, extra_headers={"X-Batch": "b"},
    )
    assert isinstance(batch, Batch)
    assert (batch.status, batch.input_file_id, batch.endpoint) == ("validating", upload.id, "/v1/chat/completions")
    assert batch.request_counts is not None and batch.request_counts.total == 3
    assert batch.metadata == {"run": "nightly"}
    sent = server.requests[-1]
    assert sent.json() == {"input_file_id": upload.id, "endpoint": "/v1/chat/completions",
                           "completion_window": "24h", "metadata": {"run": "nightly"}, "extra_field": 1}
    assert sent.headers["x-batch"] == "b"

    assert (await client.batches.retrieve(batch.id)).id == batch.id
    cancelling = await client.batches.cancel(batch.id)
    assert cancelling.status == "cancelling" and cancelling.cancelling_at is not None
    assert server.requests[-1].path == f"/v1/batches/{batch.id}/cancel" and server.requests[-1].body == b""
    cancelled = await client.batches.retrieve(batch.id, extra_query={"view": "full"})
    assert cancelled.status == "cancelled" and cancelled.cancelled_at is not None
    assert server.requests[-1].query == {"view": "full"}


async def test_batches_are_cursor_pages(client: AsyncOpenAI) -> None:
    upload = await client.files.create(file=("requests.jsonl", REQUESTS), purpose="batch")
    made = [
        (await client.batches.create(input_file_id=upload.id, endpoint="/v1/embeddings", completion_window="24h")).id
        for _ in range(3)
    ]
    page = await client.batches.list(limit=2)
    assert [b.id for b in page.data] == made[::-1][:2] and page.has_next_page()
    following = await page.get_next_page()
    assert following.data[0].id == made[0]
    every = [b.id async for b in client.batches.list(limit=2)]
    assert every[:3] == made[::-1] and len(every) == len(set(every))


async def test_batch_errors(client: AsyncOpenAI) -> None:
    with pytest.raises(openai.NotFoundError):
        await client.batches.retrieve("batch_missing")
    with pytest.raises(openai.NotFoundError):
        await client.batches.create(input_file_id="file-missing", endpoint="/v1/embeddings", completion_window="24h")
    with pytest.raises(TypeError, match="input_file_id"):
        await client.batches.create(endpoint="/v1/embeddings", completion_window="24h")  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="batch_id"):
        await client.batches.cancel("")


async def test_generate_images(client: AsyncOpenAI, server: MockServer) -> None:
    result = await client.images.generate(prompt="a sea otter", model="gpt-image-1", n=2, size="1024x1024")
    assert isinstance(result, ImagesResponse) and result.data is not None and len(result.data) == 2
    for i, image in enumerate(result.data):
        assert image.b64_json is not None and image.url is None
        assert base64.b64decode(image.b64_json) == image_bytes(b"a sea otter" + i.to_bytes(2, "big"))
    assert result.size == "1024x1024"
    assert server.requests[-1].json() == {"prompt": "a sea otter", "model": "gpt-image-1", "n": 2,
                                          "size": "1024x1024"}

    urls = await client.images.generate(prompt="a sea otter", model="dall-e-3")
    assert urls.data is not None and urls.data[0].url == (
        "https://images.mock/" + hashlib.sha256(image_bytes(b"a sea otter" + bytes(2))).hexdigest() + ".png"
    )
    with pytest.raises(openai.BadRequestError):
        await client.images.generate(prompt="x", n=11)


async def test_streamed_generation_and_edit(client: AsyncOpenAI, server: MockServer) -> None:
    stream = await client.images.generate(prompt="a sea otter", model="gpt-image-1", stream=True, partial_images=2)
    assert isinstance(stream, openai.AsyncStream)
    events = [event async for event in stream]
    assert [e.type for e in events] == ["image_generation.partial_image"] * 2 + ["image_generation.completed"]
    partials, final = events[:2], events[2]
    assert all(isinstance(e, ImageGenPartialImageEvent) for e in partials)
    assert [e.partial_image_index for e in partials if isinstance(e, ImageGenPartialImageEvent)] == [0, 1]
    assert isinstance(final, ImageGenCompletedEvent) and final.usage.total_tokens == 1106
    # the completed image is the one the plain call gives
    assert base64.b64decode(final.b64_json) == image_bytes(b"a sea otter" + bytes(2))
    assert server.requests[-1].json()["stream"] is True
    assert server.requests[-1].headers["accept"] == "text/event-stream"
    assert stream.response.is_closed

    png = image_bytes(b"source")
    edits = await client.images.edit(image=("a.png", png, "image/png"), prompt="add a hat", model="gpt-image-1",
                                     stream=True, partial_images=1)
    edit_events = [event async for event in edits]
    assert [own_class(type(e)) for e in edit_events] == [ImageEditPartialImageEvent, ImageEditCompletedEvent]
    request = server.requests[-1]
    assert {p.name: p.data for p in parse_multipart(request.headers["content-type"], request.body)}["stream"] == b"true"

    # DALL-E cannot stream: the server's 400 is raised at the call, typed
    with pytest.raises(openai.BadRequestError, match="dall-e-2"):
        await client.images.generate(prompt="x", model="dall-e-2", stream=True)


async def test_edit_several_images_and_a_variation(client: AsyncOpenAI, server: MockServer) -> None:
    png = image_bytes(b"source")
    edited = await client.images.edit(
        image=[("a.png", png, "image/png"), ("b.png", png[::-1], "image/png")], prompt="add a hat",
        mask=("mask.png", png), response_format="b64_json",
    )
    assert edited.data is not None and base64.b64decode(edited.data[0].b64_json or "") == image_bytes(
        b"add a hat" + png + png[::-1] + bytes(2)
    )
    request = server.requests[-1]
    parts = parse_multipart(request.headers["content-type"], request.body)
    assert [(p.name, p.filename, p.content_type) for p in parts] == [
        ("prompt", None, None), ("response_format", None, None),
        ("image[]", "a.png", "image/png"), ("image[]", "b.png", "image/png"), ("mask", "mask.png", "image/png"),
    ]

    variation = await client.images.create_variation(image=png, n=3, response_format="url")
    assert variation.data is not None and len(variation.data) == 3
    assert all(image.url and image.url.startswith("https://images.mock/") for image in variation.data)
