"""``client.vector_stores.files`` helpers that are more than one API call: upload a file and add it,
wait for a file to be processed. Bound as methods of ``AsyncFiles`` (``resources/vector_stores/files.py``)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

import anyio

from ..._files import FileTypes
from ...types.vector_stores.file_create_params import FileCreateParams
from ...types.vector_stores.vector_store_file import VectorStoreFile
from .._poll import check_max_wait, poll_interval_seconds, remaining

if TYPE_CHECKING:
    from .files import AsyncFiles

__all__ = ["create_and_poll", "poll", "upload", "upload_and_poll"]

Attributes = dict[str, str | float | bool] | None


def _create_params(file_id: str, attributes: Attributes | None, chunking_strategy: Mapping[str, object] | None,
                   *, with_attributes: bool) -> FileCreateParams:
    params: FileCreateParams = {"file_id": file_id}
    if with_attributes and attributes is not None:
        params["attributes"] = attributes
    if chunking_strategy is not None:
        params["chunking_strategy"] = cast(Any, chunking_strategy)
    return params


async def poll(
    self: AsyncFiles,
    file_id: str,
    *,
    vector_store_id: str,
    poll_interval_ms: int | None = None,
    max_wait_seconds: float | None = None,
) -> VectorStoreFile:
    """Retrieve the file until it is no longer ``in_progress`` (``completed``, ``failed`` or ``cancelled``:
    check ``status`` and ``last_error``). The interval is ``poll_interval_ms``, else what the server asks
    for (``openai-poll-after-ms``), else a second; ``max_wait_seconds`` bounds the wait (``TimeoutError``)."""
    deadline = check_max_wait(max_wait_seconds)
    what = f"vector store file {file_id!r}"
    while True:
        remaining(deadline, what)
        response = await self.with_raw_response.retrieve(file_id, vector_store_id=vector_store_id)
        file = response.parse()
        if file.status != "in_progress":
            return file
        await anyio.sleep(min(poll_interval_seconds(poll_interval_ms, response.headers), remaining(deadline, what)))


async def create_and_poll(
    self: AsyncFiles,
    file_id: str,
    *,
    vector_store_id: str,
    attributes: Attributes | None = None,
    poll_interval_ms: int | None = None,
    max_wait_seconds: float | None = None,
    chunking_strategy: Mapping[str, object] | None = None,
) -> VectorStoreFile:
    """Add an uploaded file to the vector store and wait for it to be processed."""
    check_max_wait(max_wait_seconds)
    params = _create_params(file_id, attributes, chunking_strategy, with_attributes=True)
    await self.create(vector_store_id, **params)
    return await poll(self, file_id, vector_store_id=vector_store_id, poll_interval_ms=poll_interval_ms,
                      max_wait_seconds=max_wait_seconds)


async def upload(
    self: AsyncFiles,
    *,
    vector_store_id: str,
    file: FileTypes,
    chunking_strategy: Mapping[str, object] | None = None,
) -> VectorStoreFile:
    """Upload a file (purpose ``assistants``) and add it to the vector store; it is processed afterwards
    (``upload_and_poll`` waits for that)."""
    uploaded = await self._client.files.create(file=file, purpose="assistants")
    return await self.create(vector_store_id, **_create_params(uploaded.id, None, chunking_strategy,
                                                               with_attributes=False))


async def upload_and_poll(
    self: AsyncFiles,
    *,
    vector_store_id: str,
    file: FileTypes,
    attributes: Attributes | None = None,
    poll_interval_ms: int | None = None,
    max_wait_seconds: float | None = None,
    chunking_strategy: Mapping[str, object] | None = None,
) -> VectorStoreFile:
    """Upload a file, add it to the vector store and wait for it to be processed."""
    check_max_wait(max_wait_seconds)
    uploaded = await self._client.files.create(file=file, purpose="assistants")
    return await create_and_poll(self, uploaded.id, vector_store_id=vector_store_id, attributes=attributes,
                                 poll_interval_ms=poll_interval_ms, max_wait_seconds=max_wait_seconds,
                                 chunking_strategy=chunking_strategy)


_ = time  # the sync twin sleeps with time.sleep (scripts/unasync.py rewrites anyio.sleep)
