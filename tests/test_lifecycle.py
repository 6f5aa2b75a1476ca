"""Objects that live on after the call, over real loopback HTTP on both transports (and, generated into
tests/sync/, on the sync client): fine-tuning jobs paused, resumed and cancelled; background responses
cancelled or finished; uploads waited for until processed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core.testing import MockServer


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    # Its own server: these tests create jobs, files and completions, which other modules' exact
    # counts on the session's server must not see.
    with MockServer() as srv:
        yield srv


async def test_fine_tuning_job_pause_resume_cancel(client: AsyncOpenAI, server: MockServer) -> None:
    job = await client.fine_tuning.jobs.create(model="gpt-4o-mini", training_file="file-abc")
    paused = await client.fine_tuning.jobs.pause(job.id)
    assert (paused.id, paused.status) == (job.id, "paused")
    assert (server.requests[-1].method, server.requests[-1].path) == ("POST", f"/v1/fine_tuning/jobs/{job.id}/pause")
    assert server.requests[-1].body == b""
    with pytest.raises(openai.BadRequestError, match="cannot be paused"):
        await client.fine_tuning.jobs.pause(job.id)

    resumed = await client.fine_tuning.jobs.resume(job.id)
    assert resumed.status == "running"
    assert (await client.fine_tuning.jobs.retrieve(job.id)).status == "running"
    cancelled = await client.fine_tuning.jobs.cancel(job.id)
    assert cancelled.status == "cancelled"
    with pytest.raises(openai.BadRequestError, match="cannot be resumed"):
        await client.fine_tuning.jobs.resume(job.id)
    with pytest.raises(openai.NotFoundError):
        await client.fine_tuning.jobs.pause("ftjob-missing")


async def test_background_response_cancelled_or_finished(client: AsyncOpenAI) -> None:
    queued = await client.responses.create(model="gpt-4o", input="a long essay", background=True)
    assert (queued.status, queued.background, queued.output) == ("queued", True, [])
    cancelled = await client.responses.cancel(queued.id)
    assert (cancelled.id, cancelled.status) == (queued.id, "cancelled")
    assert (await client.responses.cancel(queued.id)).status == "cancelled"  # cancelling again is harmless
    assert (await client.responses.retrieve(queued.id)).status == "cancelled"

    other = await client.responses.create(model="gpt-4o", input="short", background=True)
    finished = await client.responses.retrieve(other.id)
    assert finished.status == "completed" and finished.output_text == "echo: short"
    with pytest.raises(openai.BadRequestError, match="completed"):
        await client.responses.cancel(other.id)

    foreground = await client.responses.create(model="gpt-4o", input="now")
    with pytest.raises(openai.BadRequestError, match="background"):
        await client.responses.cancel(foreground.id)


async def test_wait_for_processing(client: AsyncOpenAI, server: MockServer) -> None:
    upload = await client.files.create(file=("train.jsonl", b'{"prompt": "a"}\n'), purpose="fine-tune")
    assert upload.status == "uploaded"
    before = len(server.requests)
    ready = await client.files.wait_for_processing(upload.id, poll_interval=0.01)
    assert (ready.id, ready.status) == (upload.id, "processed")
    polls = server.requests[before:]
    assert [(r.method, r.path) for r in polls] == [("GET", f"/v1/files/{upload.id}")] * 2

    slow = await client.files.create(file=("more.jsonl", b"{}\n"), purpose="fine-tune")
    with pytest.raises(RuntimeError, match=f"waiting for file {slow.id}"):
        await client.files.wait_for_processing(slow.id, poll_interval=0.01, max_wait_seconds=0)

    batch_input = await client.files.create(file=("in.jsonl", b"{}\n"), purpose="batch")
    assert (await client.files.wait_for_processing(batch_input.id)).status == "processed"  # no sleep at all


async def test_retrieve_content_is_deprecated_text(client: AsyncOpenAI) -> None:
    upload = await client.files.create(file=("notes.txt", "héllo".encode()), purpose="assistants")
    with pytest.deprecated_call():
        text = await client.files.retrieve_content(upload.id)
    assert text == "héllo"


async def test_stored_chat_completions(client: AsyncOpenAI, server: MockServer) -> None:
    tag = f"t{id(client)}"  # the server is shared by the session: filter on this test's own metadata
    made = [
        await client.chat.completions.create(
            model=model, messages=[{"role": "system", "content": "be brief"}, {"role": "user", "content": text}],
            store=True, metadata={"run": tag, "n": str(i)},
        )
        for i, (model, text) in enumerate([("gpt-4o", "one"), ("gpt-4o-mini", "two"), ("gpt-4o", "three")])
    ]
    await client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "not kept"}],
                                         metadata={"run": tag})

    listed = [c.id async for c in client.chat.completions.list(metadata={"run": tag}, limit=2)]
    assert listed == [c.id for c in made]  # oldest first, two pages of two, the unstored one absent
    assert server.requests[-1].query == {"metadata[run]": tag, "limit": "2", "after": made[1].id}
    newest_4o = await client.chat.completions.list(metadata={"run": tag}, model="gpt-4o", order="desc")
    assert [c.id for c in newest_4o.data] == [made[2].id, made[0].id]

    fetched = await client.chat.completions.retrieve(made[1].id)
    assert fetched.choices[0].message.content == "echo: two" and fetched.model == "gpt-4o-mini"
    updated = await client.chat.completions.update(made[1].id, metadata={"run": tag, "reviewed": "yes"})
    assert updated.id == made[1].id and server.requests[-1].json() == {"metadata": {"run": tag, "reviewed": "yes"}}
    assert [c.id for c in (await client.chat.completions.list(metadata={"reviewed": "yes", "run": tag})).data] == [
        made[1].id
    ]

    messages = await client.chat.completions.messages.list(made[1].id)
    assert [(m.role, m.content) for m in messages.data] == [("system", "be brief"), ("user", "two")]
    assert all(m.id.startswith(made[1].id) for m in messages.data)

    deleted = await client.chat.completions.delete(made[1].id)
    assert (deleted.id, deleted.deleted, deleted.object) == (made[1].id, True, "chat.completion.deleted")
    with pytest.raises(openai.NotFoundError):
        await client.chat.completions.retrieve(made[1].id)
    with pytest.raises(openai.NotFoundError):
        await client.chat.completions.messages.list(made[1].id)


async def test_conversations_and_their_items(client: AsyncOpenAI, server: MockServer) -> None:
    conversation = await client.conversations.create(
        items=[{"role": "system", "content": "be brief"}], metadata={"topic": "demo"}
    )
    assert conversation.object == "conversation" and conversation.metadata == {"topic": "demo"}
    assert (await client.conversations.retrieve(conversation.id)).id == conversation.id

    added = await client.conversations.items.create(
        conversation.id, items=[{"role": "user", "content": "hello"}], include=["message.output_text.logprobs"]
    )
    sent = server.requests[-1]
    assert sent.query == {"include[]": "message.output_text.logprobs"} and "include" not in sent.json()
    assert [item.type for item in added.data] == ["message"]

    # a response in the conversation appends its input and its output
    reply = await client.responses.create(model="gpt-4o", input="how are you", conversation=conversation.id)
    assert reply.conversation is not None and reply.conversation.id == conversation.id
    newest_first = [item.id async for item in client.conversations.items.list(conversation.id, limit=2)]
    oldest_first = await client.conversations.items.list(conversation.id, order="asc")
    assert [item.id for item in oldest_first.data] == newest_first[::-1]
    texts = [item.content[0].text for item in oldest_first.data if item.type == "message"]
    assert texts == ["be brief", "hello", "how are you", "echo: how are you"]

    first = oldest_first.data[0]
    fetched = await client.conversations.items.retrieve(first.id, conversation_id=conversation.id)
    assert fetched.id == first.id and fetched.type == "message"
    after_delete = await client.conversations.items.delete(first.id, conversation_id=conversation.id)
    assert after_delete.id == conversation.id
    with pytest.raises(openai.NotFoundError):
        await client.conversations.items.retrieve(first.id, conversation_id=conversation.id)

    updated = await client.conversations.update(conversation.id, metadata={"topic": "done"})
    assert updated.metadata == {"topic": "done"}
    deleted = await client.conversations.delete(conversation.id)
    assert (deleted.id, deleted.deleted, deleted.object) == (conversation.id, True, "conversation.deleted")
    with pytest.raises(openai.NotFoundError):
        await client.responses.create(model="gpt-4o", input="x", conversation=conversation.id)


async def test_uploads_in_parts(client: AsyncOpenAI, server: MockServer, tmp_path: Path) -> None:
    payload = bytes(range(256)) * 40  # 10,240 bytes
    path = tmp_path / "big.jsonl"
    path.write_bytes(payload)
    upload = await client.uploads.upload_file_chunked(file=path, mime_type="text/jsonl", purpose="batch",
                                                      part_size=4096, md5=hashlib.md5(payload).hexdigest())
    assert (upload.status, upload.filename, upload.bytes) == ("completed", "big.jsonl", len(payload))
    assert upload.file is not None and (await client.files.content(upload.file.id)).content == payload
    part_requests = [r for r in server.requests if r.path.endswith("/parts") and upload.id in r.path]
    assert len(part_requests) == 3  # 4,096 + 4,096 + 2,048

    from_bytes = await client.uploads.upload_file_chunked(file=payload, filename="b.bin", bytes=len(payload),
                                                          mime_type="application/octet-stream",
                                                          purpose="assistants", part_size=8192)
    assert from_bytes.file is not None and (await client.files.content(from_bytes.file.id)).content == payload

    # by hand: parts out of order are joined in part_ids order; a cancelled upload takes no more parts
    started = await client.uploads.create(bytes=6, filename="x.txt", mime_type="text/plain", purpose="assistants")
    second = await client.uploads.parts.create(started.id, data=b"def")
    first = await client.uploads.parts.create(started.id, data=("a.txt", b"abc", "text/plain"))
    done = await client.uploads.complete(started.id, part_ids=[first.id, second.id])
    assert done.file is not None and (await client.files.content(done.file.id)).content == b"abcdef"
    with pytest.raises(openai.BadRequestError, match="completed"):
        await client.uploads.cancel(started.id)

    dropped = await client.uploads.create(bytes=3, filename="y.txt", mime_type="text/plain", purpose="assistants")
    assert (await client.uploads.cancel(dropped.id)).status == "cancelled"
    with pytest.raises(openai.BadRequestError, match="cancelled"):
        await client.uploads.parts.create(dropped.id, data=b"abc")
    with pytest.raises(TypeError, match="filename"):
        await client.uploads.upload_file_chunked(file=b"abc", mime_type="text/plain", purpose="assistants")
