"""Objects that live on after the call, over real loopback HTTP on both transports (and, generated into
tests/sync/, on the sync client): fine-tuning jobs paused, resumed and cancelled; background responses
cancelled or finished; uploads waited for until processed."""

from __future__ import annotations

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core.testing import MockServer


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
