"""Table entries (see ``tests/_calls.py``) for the generated surface: vector stores, containers, skills.

Imported by ``_calls.py`` so they join ``CALLS``; the recorder's canned answers for these routes are in
``_recorder_breadth.py``. ``check`` functions assert what Prism's spec-built answer parses to.
"""

from __future__ import annotations

from typing import Any

import openai_core.types as t
from openai_core.types import containers as containers_t
from openai_core.types import skills as skills_t
from openai_core.types import vector_stores as vs_t

from ._calls import UNSERVABLE, WIRE_ONLY, api_call, collect, no_check

DOC_BYTES = b"Vector stores hold chunks of this text.\n\x00\xff"
ZIP_NAME = "SKILL.md"
# Prism answers the spec's first enum value (`in_progress`) for a status: a poll would never end there.
POLLS_FOREVER_ON_PRISM = WIRE_ONLY


def is_(cls: type, **fields: Any) -> Any:
    def check(result: Any) -> None:
        assert isinstance(result, cls), type(result)
        for name, value in fields.items():
            # A class: Prism answers the spec's example where it has one, or a placeholder of that type.
            if isinstance(value, type):
                assert isinstance(getattr(result, name), value), (name, getattr(result, name))
            else:
                assert getattr(result, name) == value, (name, getattr(result, name))

    return check


def page_of(cls: type, **fields: Any) -> Any:
    item = is_(cls, **fields)

    def check(result: Any) -> None:
        assert len(result.data) == 1
        item(result.data[0])

    return check


# -- vector_stores -----------------------------------------------------------------------------------------

VS = is_(t.VectorStore, id=str, object="vector_store")
VSF = is_(vs_t.VectorStoreFile, id=str, object="vector_store.file")
VSB = is_(vs_t.VectorStoreFileBatch, id=str, object="vector_store.files_batch")


@api_call("vector_stores.create", VS)
async def vector_stores_create(client: Any) -> Any:
    return await client.vector_stores.create(
        name="docs", file_ids=["file-1", "file-2"], metadata={"team": "core"}, description="Team docs",
        expires_after={"anchor": "last_active_at", "days": 7},
        chunking_strategy={"type": "static", "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400}},
    )


@api_call("vector_stores.retrieve", VS)
async def vector_stores_retrieve(client: Any) -> Any:
    return await client.vector_stores.retrieve("vs_abc")


@api_call("vector_stores.update", VS)
async def vector_stores_update(client: Any) -> Any:
    return await client.vector_stores.update("vs_abc", name="renamed", expires_after=None, metadata={"v": "2"})


@api_call("vector_stores.list", page_of(t.VectorStore, id=str))
async def vector_stores_list(client: Any) -> Any:
    return await client.vector_stores.list(limit=2, order="asc", after="vs_0", extra_headers={"X-Call-Header": "vs"})


@api_call("vector_stores.list[all pages]", no_check, prism=WIRE_ONLY)
async def vector_stores_list_all(client: Any) -> Any:
    # Wire only: Prism's static pages say has_more forever.
    return [store.id async for store in client.vector_stores.list(limit=2)]


@api_call("vector_stores.delete", is_(t.VectorStoreDeleted, id=str, deleted=True))
async def vector_stores_delete(client: Any) -> Any:
    return await client.vector_stores.delete("vs_abc")


@api_call("vector_stores.search", page_of(t.VectorStoreSearchResponse, file_id=str))
async def vector_stores_search(client: Any) -> Any:
    return await client.vector_stores.search(
        "vs_abc", query=["refund policy", "returns"], max_num_results=3, rewrite_query=True,
        filters={"type": "eq", "key": "lang", "value": "en"},
        ranking_options={"ranker": "auto", "score_threshold": 0.5},
    )


@api_call("vector_stores.search[compound filter]", no_check, prism=WIRE_ONLY)
async def vector_stores_search_compound(client: Any) -> Any:
    # Wire only: Prism refuses any compound filter (each comparison inside matches two `oneOf` branches of the
    # spec's filter schema, for the official SDK too).
    return await client.vector_stores.search(
        "vs_abc", query="refunds",
        filters={"type": "and", "filters": [{"type": "eq", "key": "lang", "value": "en"},
                                            {"type": "gte", "key": "year", "value": 2024}]},
    )


@api_call("vector_stores.files.create", VSF)
async def vs_files_create(client: Any) -> Any:
    return await client.vector_stores.files.create("vs_abc", file_id="file-1", attributes={"lang": "en", "year": 2024},
                                                   chunking_strategy={"type": "auto"})


@api_call("vector_stores.files.retrieve", VSF)
async def vs_files_retrieve(client: Any) -> Any:
    return await client.vector_stores.files.retrieve("file-1", vector_store_id="vs_abc")


@api_call("vector_stores.files.update", VSF)
async def vs_files_update(client: Any) -> Any:
    return await client.vector_stores.files.update("file-1", vector_store_id="vs_abc", attributes={"lang": "fr"})


@api_call("vector_stores.files.list", page_of(vs_t.VectorStoreFile, id=str))
async def vs_files_list(client: Any) -> Any:
    return await client.vector_stores.files.list("vs_abc", filter="completed", limit=5, order="desc", before="file-9")


@api_call("vector_stores.files.delete", is_(vs_t.VectorStoreFileDeleted, id=str, deleted=True))
async def vs_files_delete(client: Any) -> Any:
    return await client.vector_stores.files.delete("file-1", vector_store_id="vs_abc")


@api_call("vector_stores.files.content", page_of(vs_t.FileContentResponse, text=str))
async def vs_files_content(client: Any) -> Any:
    return await client.vector_stores.files.content("file-1", vector_store_id="vs_abc")


@api_call("vector_stores.files.create_and_poll", no_check, prism=POLLS_FOREVER_ON_PRISM)
async def vs_files_create_and_poll(client: Any) -> Any:
    return await client.vector_stores.files.create_and_poll("file-1", vector_store_id="vs_abc", poll_interval_ms=1,
                                                            attributes={"k": "v"})


@api_call("vector_stores.files.poll", no_check, prism=POLLS_FOREVER_ON_PRISM)
async def vs_files_poll(client: Any) -> Any:
    return await client.vector_stores.files.poll("file-pending", vector_store_id="vs_abc", poll_interval_ms=1)


@api_call("vector_stores.files.upload", VSF)
async def vs_files_upload(client: Any) -> Any:
    return await client.vector_stores.files.upload(vector_store_id="vs_abc", file=("doc.txt", DOC_BYTES, "text/plain"))


@api_call("vector_stores.files.upload_and_poll", no_check, prism=POLLS_FOREVER_ON_PRISM)
async def vs_files_upload_and_poll(client: Any) -> Any:
    return await client.vector_stores.files.upload_and_poll(
        vector_store_id="vs_abc", file=("doc.txt", DOC_BYTES, "text/plain"), poll_interval_ms=1,
        chunking_strategy={"type": "auto"})


@api_call("vector_stores.file_batches.create", VSB)
async def vs_batches_create(client: Any) -> Any:
    return await client.vector_stores.file_batches.create("vs_abc", file_ids=["file-1", "file-2"],
                                                          attributes={"batch": "1"})


@api_call("vector_stores.file_batches.retrieve", VSB)
async def vs_batches_retrieve(client: Any) -> Any:
    return await client.vector_stores.file_batches.retrieve("vsfb_1", vector_store_id="vs_abc")


@api_call("vector_stores.file_batches.cancel", VSB)
async def vs_batches_cancel(client: Any) -> Any:
    return await client.vector_stores.file_batches.cancel("vsfb_1", vector_store_id="vs_abc")


@api_call("vector_stores.file_batches.list_files", page_of(vs_t.VectorStoreFile, id=str))
async def vs_batches_list_files(client: Any) -> Any:
    return await client.vector_stores.file_batches.list_files("vsfb_1", vector_store_id="vs_abc", filter="failed",
                                                              limit=3)


@api_call("vector_stores.file_batches.create_and_poll", no_check, prism=POLLS_FOREVER_ON_PRISM)
async def vs_batches_create_and_poll(client: Any) -> Any:
    return await client.vector_stores.file_batches.create_and_poll("vs_abc", file_ids=["file-1"], poll_interval_ms=1)


@api_call("vector_stores.file_batches.poll", no_check, prism=POLLS_FOREVER_ON_PRISM)
async def vs_batches_poll(client: Any) -> Any:
    return await client.vector_stores.file_batches.poll("vsfb_pending", vector_store_id="vs_abc", poll_interval_ms=1)


@api_call("vector_stores.file_batches.upload_and_poll", no_check, prism=POLLS_FOREVER_ON_PRISM)
async def vs_batches_upload_and_poll(client: Any) -> Any:
    # One upload at a time: the official SDK orders the uploaded ids as uploads finish.
    return await client.vector_stores.file_batches.upload_and_poll(
        "vs_abc", files=[("a.txt", DOC_BYTES, "text/plain"), ("b.txt", b"second", "text/plain")],
        file_ids=["file-0"], max_concurrency=1, poll_interval_ms=1)


# -- containers -------------------------------------------------------------------------------------------


@api_call("containers.create", is_(t.ContainerCreateResponse, id=str, object=str))
async def containers_create(client: Any) -> Any:
    return await client.containers.create(name="sandbox", file_ids=["file-1"], memory_limit="4g",
                                          expires_after={"anchor": "last_active_at", "minutes": 20})


@api_call("containers.retrieve", is_(t.ContainerRetrieveResponse, id=str))
async def containers_retrieve(client: Any) -> Any:
    return await client.containers.retrieve("cntr_1")


@api_call("containers.list", page_of(t.ContainerListResponse, id=str))
async def containers_list(client: Any) -> Any:
    return await client.containers.list(limit=2, order="asc")


@api_call("containers.delete", lambda result: None)
async def containers_delete(client: Any) -> Any:
    result = await client.containers.delete("cntr_1")
    assert result is None
    return result


@api_call("containers.files.create", is_(containers_t.FileCreateResponse, id=str))
async def container_files_create(client: Any) -> Any:
    return await client.containers.files.create("cntr_1", file=("data.csv", b"a,b\n1,2\n", "text/csv"))


@api_call("containers.files.create[file_id]", is_(containers_t.FileCreateResponse, id=str))
async def container_files_create_id(client: Any) -> Any:
    return await client.containers.files.create("cntr_1", file_id="file-1")


@api_call("containers.files.retrieve", is_(containers_t.FileRetrieveResponse, id=str))
async def container_files_retrieve(client: Any) -> Any:
    return await client.containers.files.retrieve("cfile_1", container_id="cntr_1")


@api_call("containers.files.list", page_of(containers_t.FileListResponse, id=str))
async def container_files_list(client: Any) -> Any:
    return await client.containers.files.list("cntr_1", limit=10)


@api_call("containers.files.delete", lambda result: None)
async def container_files_delete(client: Any) -> Any:
    return await client.containers.files.delete("cfile_1", container_id="cntr_1")


def is_bytes(result: Any) -> None:
    assert isinstance(result, bytes)


@api_call("containers.files.content.retrieve", is_bytes)
async def container_files_content(client: Any) -> Any:
    # Prism can answer this one: the spec declares the download as JSON-less `200` with no content type.
    content = await client.containers.files.content.retrieve("cfile_1", container_id="cntr_1")
    return content.content


# -- skills -----------------------------------------------------------------------------------------------

SKILL = is_(t.Skill, id=str, object="skill")
VERSION = is_(skills_t.SkillVersion, id=str)
SKILL_FILE = (ZIP_NAME, b"---\nname: greet\n---\nSay hi.\n", "text/markdown")


@api_call("skills.create", SKILL)
async def skills_create(client: Any) -> Any:
    return await client.skills.create(files=SKILL_FILE)


@api_call("skills.create[several files]", no_check, prism=WIRE_ONLY)
async def skills_create_several(client: Any) -> Any:
    # Wire only: several files go out as repeated `files[]` parts (the official SDK's form), which Prism's form
    # validation does not map to the spec's `files` array (as for images.edit with several images).
    return await client.skills.create(files=[SKILL_FILE, ("helpers.py", b"print('hi')\n", "text/x-python")])


@api_call("skills.retrieve", SKILL)
async def skills_retrieve(client: Any) -> Any:
    return await client.skills.retrieve("skill_1")


@api_call("skills.update", SKILL)
async def skills_update(client: Any) -> Any:
    return await client.skills.update("skill_1", default_version="2")


@api_call("skills.list", page_of(t.Skill, id=str))
async def skills_list(client: Any) -> Any:
    return await client.skills.list(limit=5, order="desc")


@api_call("skills.delete", is_(t.DeletedSkill, id=str, deleted=True))
async def skills_delete(client: Any) -> Any:
    return await client.skills.delete("skill_1")


@api_call("skills.content.retrieve", no_check, prism=UNSERVABLE)
async def skills_content(client: Any) -> Any:
    return (await client.skills.content.retrieve("skill_1")).content


@api_call("skills.versions.create", VERSION)
async def skill_versions_create(client: Any) -> Any:
    return await client.skills.versions.create("skill_1", files=SKILL_FILE, default=True)


@api_call("skills.versions.retrieve", VERSION)
async def skill_versions_retrieve(client: Any) -> Any:
    return await client.skills.versions.retrieve("2", skill_id="skill_1")


@api_call("skills.versions.list", page_of(skills_t.SkillVersion, id=str))
async def skill_versions_list(client: Any) -> Any:
    return await client.skills.versions.list("skill_1", limit=2)


@api_call("skills.versions.delete", is_(skills_t.DeletedSkillVersion, id=str, deleted=True))
async def skill_versions_delete(client: Any) -> Any:
    return await client.skills.versions.delete("2", skill_id="skill_1")


@api_call("skills.versions.content.retrieve", no_check, prism=UNSERVABLE)
async def skill_versions_content(client: Any) -> Any:
    return (await client.skills.versions.content.retrieve("2", skill_id="skill_1")).content


_ = collect
