"""The generated surface end to end against the embedded server's state, over real loopback HTTP on both
transports (and, generated into tests/sync/, on the sync client): vector stores searched after their files
are processed, containers holding files, evals graded, videos generated and downloaded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import openai_core as openai
from openai_core import AsyncOpenAI
from openai_core.testing import MockServer

REFUNDS = b"Refunds are paid within 30 days.\n\nShipping takes five days."
WARRANTY = b"The warranty covers two years of repairs."


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    # Its own server: these tests create files and stores that other modules' exact counts must not see.
    with MockServer() as srv:
        yield srv


async def test_vector_store_files_search_and_delete(client: AsyncOpenAI, server: MockServer) -> None:
    refunds = await client.files.create(file=("refunds.txt", REFUNDS), purpose="assistants")
    store = await client.vector_stores.create(name="policies", file_ids=[refunds.id], metadata={"team": "care"})
    assert (store.name, store.metadata, store.file_counts.total) == ("policies", {"team": "care"}, 1)
    assert server.requests[-1].headers["openai-beta"] == "assistants=v2"

    added = await client.vector_stores.files.upload_and_poll(
        vector_store_id=store.id, file=("warranty.txt", WARRANTY), poll_interval_ms=1)
    assert added.status == "completed"
    assert (await client.vector_stores.files.poll(refunds.id, vector_store_id=store.id)).status == "completed"
    tagged = await client.vector_stores.files.update(added.id, vector_store_id=store.id, attributes={"kind": "legal"})
    assert tagged.attributes == {"kind": "legal"}

    hits = await client.vector_stores.search(store.id, query="how many days for refunds", max_num_results=2)
    assert hits.data[0].file_id == refunds.id
    assert hits.data[0].content[0].text == "Refunds are paid within 30 days."
    legal = await client.vector_stores.search(store.id, query="repairs warranty",
                                              filters={"type": "eq", "key": "kind", "value": "legal"})
    assert [hit.file_id for hit in legal.data] == [added.id]
    chunks = await client.vector_stores.files.content(refunds.id, vector_store_id=store.id)
    assert [chunk.text for chunk in chunks.data] == ["Refunds are paid within 30 days.", "Shipping takes five days."]

    listed = await client.vector_stores.files.list(store.id, filter="completed")
    assert sorted(f.id for f in listed.data) == sorted([refunds.id, added.id])
    assert (await client.vector_stores.retrieve(store.id)).file_counts.completed == 2
    assert (await client.vector_stores.files.delete(added.id, vector_store_id=store.id)).deleted is True
    assert (await client.vector_stores.update(store.id, name="renamed")).name == "renamed"
    assert (await client.vector_stores.delete(store.id)).deleted is True
    with pytest.raises(openai.NotFoundError):
        await client.vector_stores.retrieve(store.id)


async def test_vector_store_file_batches(client: AsyncOpenAI) -> None:
    store = await client.vector_stores.create(name="batch")
    first = await client.files.create(file=("a.txt", b"alpha"), purpose="assistants")
    batch = await client.vector_stores.file_batches.upload_and_poll(
        store.id, files=[("b.txt", b"beta"), ("c.txt", b"gamma")], file_ids=[first.id], max_concurrency=2,
        poll_interval_ms=1)
    assert (batch.status, batch.file_counts.completed, batch.file_counts.total) == ("completed", 3, 3)
    files = await client.vector_stores.file_batches.list_files(batch.id, vector_store_id=store.id)
    assert len(files.data) == 3 and first.id in {f.id for f in files.data}

    pending = await client.vector_stores.file_batches.create(store.id, file_ids=[first.id])
    assert pending.status == "in_progress"
    cancelled = await client.vector_stores.file_batches.cancel(pending.id, vector_store_id=store.id)
    assert (cancelled.status, cancelled.file_counts.cancelled) == ("cancelled", 1)
    with pytest.raises(openai.BadRequestError):
        await client.vector_stores.file_batches.create(store.id)


async def test_container_files(client: AsyncOpenAI) -> None:
    box = await client.containers.create(name="sandbox", memory_limit="4g")
    assert (box.name, box.memory_limit) == ("sandbox", "4g")
    uploaded = await client.containers.files.create(box.id, file=("data.csv", b"a,b\n1,2\n"))
    assert (uploaded.path, uploaded.bytes) == ("/mnt/data/data.csv", 8)
    source = await client.files.create(file=("notes.txt", b"hello"), purpose="user_data")
    copied = await client.containers.files.create(box.id, file_id=source.id)
    assert copied.path == "/mnt/data/notes.txt"
    content = await client.containers.files.content.retrieve(uploaded.id, container_id=box.id)
    assert content.content == b"a,b\n1,2\n"
    assert {f.id for f in (await client.containers.files.list(box.id)).data} == {uploaded.id, copied.id}
    assert await client.containers.files.delete(uploaded.id, container_id=box.id) is None
    with pytest.raises(openai.NotFoundError):
        await client.containers.files.retrieve(uploaded.id, container_id=box.id)
    assert await client.containers.delete(box.id) is None
    with pytest.raises(openai.NotFoundError):
        await client.containers.retrieve(box.id)


CAPITALS = [
    {"item": {"q": "France", "a": "Paris"}, "sample": {"output_text": "Paris"}},
    {"item": {"q": "Italy", "a": "Rome"}, "sample": {"output_text": "Milan"}},
]


async def test_eval_runs_are_graded(client: AsyncOpenAI) -> None:
    made = await client.evals.create(
        name="capitals", data_source_config={"type": "custom", "item_schema": {"type": "object"}},
        testing_criteria=[{"type": "string_check", "name": "exact", "input": "{{sample.output_text}}",
                           "reference": "{{item.a}}", "operation": "eq"}])
    run = await client.evals.runs.create(made.id, name="first",
                                         data_source={"type": "jsonl",
                                                      "source": {"type": "file_content", "content": CAPITALS}})
    assert run.status == "queued"
    done = await client.evals.runs.retrieve(run.id, eval_id=made.id)
    assert done.status == "completed"
    assert (done.result_counts.total, done.result_counts.passed, done.result_counts.failed) == (2, 1, 1)
    items = await client.evals.runs.output_items.list(run.id, eval_id=made.id, status="fail")
    assert [item.datasource_item["q"] for item in items.data] == ["Italy"]
    one = await client.evals.runs.output_items.retrieve(items.data[0].id, eval_id=made.id, run_id=run.id)
    assert (one.results[0].name, one.results[0].passed, one.results[0].score) == ("exact", False, 0.0)

    rows = b"\n".join(b'{"item": {"a": "x"}, "sample": {"output_text": "x"}}' for _ in range(3))
    data = await client.files.create(file=("rows.jsonl", rows), purpose="evals")
    from_file = await client.evals.runs.create(made.id, data_source={
        "type": "jsonl", "source": {"type": "file_id", "id": data.id}})
    cancelled = await client.evals.runs.cancel(from_file.id, eval_id=made.id)
    assert cancelled.status == "canceled"
    assert [r.id for r in (await client.evals.runs.list(made.id, status="completed")).data] == [run.id]
    assert (await client.evals.runs.delete(run.id, eval_id=made.id)).deleted is True
    assert (await client.evals.update(made.id, name="v2")).name == "v2"
    assert (await client.evals.delete(made.id)).deleted is True

    graded = await client.fine_tuning.alpha.graders.run(
        grader={"type": "string_check", "name": "g", "input": "{{sample.output_text}}", "reference": "{{item.a}}",
                "operation": "ilike"}, model_sample="PARIS, France", item={"a": "paris"})
    assert graded.reward == 1.0


@pytest.mark.filterwarnings("ignore:The Sora API:DeprecationWarning")
async def test_video_generated_polled_and_downloaded(client: AsyncOpenAI, server: MockServer) -> None:
    video = await client.videos.create_and_poll(prompt="a calico cat", seconds="4", poll_interval_ms=1)
    assert (video.status, video.progress) == ("completed", 100)
    polls = [r for r in server.requests if r.path == f"/v1/videos/{video.id}"]
    assert len(polls) == 2  # in_progress, then completed
    clip = await client.videos.download_content(video.id)
    assert clip.content.endswith(b"video:a calico cat")
    thumbnail = await client.videos.download_content(video.id, variant="thumbnail")
    assert thumbnail.content.endswith(b"thumbnail:a calico cat")
    remixed = await client.videos.remix(video.id, prompt="at night")
    assert (remixed.remixed_from_video_id, remixed.status) == (video.id, "queued")
    with pytest.raises(openai.BadRequestError, match="not completed"):
        await client.videos.download_content(remixed.id)
    assert {v.id for v in (await client.videos.list()).data} >= {video.id, remixed.id}
    assert (await client.videos.delete(remixed.id)).deleted is True
