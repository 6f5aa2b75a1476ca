"""``client.vector_stores.file_batches`` helpers that are more than one API call: create a batch and wait
for it, upload files and batch them. Bound as methods of ``AsyncFileBatches`` (``file_batches.py``)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import anyio

from ..._files import FileTypes
from ...types.vector_stores.file_batch_create_params import FileBatchCreateParams
from ...types.vector_stores.vector_store_file_batch import VectorStoreFileBatch
from .._poll import poll_interval_seconds

if TYPE_CHECKING:
    from .file_batches import AsyncFileBatches

__all__ = ["create_and_poll", "poll", "upload_and_poll"]


async def poll(
    self: AsyncFileBatches, batch_id: str, *, vector_store_id: str, poll_interval_ms: int | None = None
) -> VectorStoreFileBatch:
    """Retrieve the batch until none of its files is in progress (``file_counts.in_progress``, the official
    SDK's test; the interval: ``poll_interval_ms``, else the server's ``openai-poll-after-ms``, else a
    second)."""
    while True:
        response = await self.with_raw_response.retrieve(batch_id, vector_store_id=vector_store_id)
        batch = response.parse()
        if batch.file_counts.in_progress <= 0:
            return batch
        await anyio.sleep(poll_interval_seconds(poll_interval_ms, response.headers))


async def create_and_poll(
    self: AsyncFileBatches,
    vector_store_id: str,
    *,
    attributes: dict[str, str | float | bool] | None = None,
    chunking_strategy: Mapping[str, object] | None = None,
    file_ids: Sequence[str] | None = None,
    files: Sequence[Mapping[str, object]] | None = None,
    poll_interval_ms: int | None = None,
) -> VectorStoreFileBatch:
    """Create a file batch and wait for its files to be processed."""
    params: FileBatchCreateParams = {}
    if attributes is not None:
        params["attributes"] = attributes
    if chunking_strategy is not None:
        params["chunking_strategy"] = cast(Any, chunking_strategy)
    if file_ids is not None:
        params["file_ids"] = file_ids
    if files is not None:
        params["files"] = cast(Any, files)
    batch = await self.create(vector_store_id, **params)
    return await poll(self, batch.id, vector_store_id=vector_store_id, poll_interval_ms=poll_interval_ms)


async def upload_and_poll(
    self: AsyncFileBatches,
    vector_store_id: str,
    *,
    files: Iterable[FileTypes],
    max_concurrency: int = 5,
    file_ids: Sequence[str] = (),
    poll_interval_ms: int | None = None,
    chunking_strategy: Mapping[str, object] | None = None,
) -> VectorStoreFileBatch:
    """Upload ``files`` (purpose ``assistants``, at most ``max_concurrency`` at a time), then batch them with
    ``file_ids`` and wait. The first failed upload raises (the others are cancelled). Uploaded ids follow
    ``file_ids`` in the order the files were given (the official SDK orders them as uploads finish)."""
    if max_concurrency < 1:
        raise ValueError("max_concurrency must be at least 1")
    pending = list(files)
    uploaded: list[str] = [""] * len(pending)
    # unasync: begin-async-only
    limiter = anyio.CapacityLimiter(max_concurrency)

    async def upload_one(index: int, file: FileTypes) -> None:
        async with limiter:
            uploaded[index] = (await self._client.files.create(file=file, purpose="assistants")).id

    async with anyio.create_task_group() as group:
        for index, file in enumerate(pending):
            group.start_soon(upload_one, index, file)
    # unasync: end-async-only
    # The sync client uploads one file at a time.
    # unasync: sync-only: for index, file in enumerate(pending):
    # unasync: sync-only:     uploaded[index] = self._client.files.create(file=file, purpose="assistants").id
    return await create_and_poll(self, vector_store_id, file_ids=[*file_ids, *uploaded],
                                 poll_interval_ms=poll_interval_ms, chunking_strategy=chunking_strategy)


_ = time  # the sync twin sleeps with time.sleep (scripts/unasync.py rewrites anyio.sleep)
