"""Vector stores: stores, their files and file batches, and search, over the server's uploaded files.

A file added to a store is ``in_progress`` when added and ``completed`` from its first retrieve on (so
``files.poll`` / ``create_and_poll`` see both states without waiting); a batch likewise. Chunks
are the file's paragraphs; search scores a chunk by the share of the query's words it contains, and
honours ``eq``/``ne``/``in``/``nin``/numeric comparison filters and ``and``/``or`` on file attributes.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._common import ApiError, dumps, metadata_field
from ._finetune import paginate

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = ["VectorStoreStore", "register"]

_WORD = re.compile(r"\w+")


def _counts(files: list[dict[str, Any]]) -> dict[str, int]:
    counts = {"in_progress": 0, "completed": 0, "failed": 0, "cancelled": 0}
    for file in files:
        counts[file["status"]] = counts.get(file["status"], 0) + 1
    return {**counts, "total": len(files)}


class VectorStoreStore:
    def __init__(self) -> None:
        self.stores: list[dict[str, Any]] = []
        self.by_id: dict[str, dict[str, Any]] = {}
        self.files: dict[str, list[dict[str, Any]]] = {}  # store id -> its files, newest first
        self.batches: dict[str, dict[str, Any]] = {}
        self._next = 1

    def _id(self, prefix: str) -> str:
        self._next += 1
        return f"{prefix}_{self._next - 1:06d}"

    def store(self, store_id: str) -> dict[str, Any]:
        found = self.by_id.get(store_id)
        if found is None:
            raise ApiError(404, f"No vector store found with id '{store_id}'.", param="vector_store_id")
        found["file_counts"] = _counts(self.files[store_id])
        found["usage_bytes"] = sum(f["usage_bytes"] for f in self.files[store_id])
        found["last_active_at"] = int(time.time())
        return found

    def file(self, store_id: str, file_id: str, *, advance: bool = True) -> dict[str, Any]:
        self.store(store_id)
        for file in self.files[store_id]:
            if file["id"] == file_id:
                if advance and file["status"] == "in_progress":
                    file["status"] = "completed"
                return file
        raise ApiError(404, f"No file found with id '{file_id}' in vector store '{store_id}'.", param="file_id")


def _public(file: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in file.items() if not k.startswith("_")}


def _add_file(state: ServerState, store_id: str, file_id: str, body: dict[str, Any],
              batch_id: str | None = None) -> dict[str, Any]:
    if file_id not in state.files.by_id:
        raise ApiError(404, f"No such File object: {file_id}", param="file_id")
    vs = state.vector_stores
    vs.files[store_id] = [f for f in vs.files[store_id] if f["id"] != file_id]
    data = state.files.contents[file_id]
    chunks = [p.strip() for p in data.decode("utf-8", "replace").split("\n\n") if p.strip()]
    file = {"id": file_id, "object": "vector_store.file", "created_at": int(time.time()), "usage_bytes": len(data),
            "vector_store_id": store_id, "status": "in_progress", "last_error": None,
            "attributes": body.get("attributes"), "chunking_strategy": body.get("chunking_strategy")
            or {"type": "static", "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400}},
            "_chunks": chunks, "_batch": batch_id}
    vs.files[store_id].insert(0, file)
    return file


def create_store(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    vs = state.vector_stores
    store_id = vs._id("vs")
    now = int(time.time())
    store = {"id": store_id, "object": "vector_store", "created_at": now, "name": body.get("name") or "",
             "description": body.get("description"), "usage_bytes": 0, "status": "completed",
             "metadata": metadata_field(body.get("metadata")), "expires_after": body.get("expires_after"),
             "expires_at": None, "last_active_at": now}
    vs.stores.insert(0, store)
    vs.by_id[store_id] = store
    vs.files[store_id] = []
    for file_id in body.get("file_ids") or []:
        _add_file(state, store_id, file_id, body)
    return dumps(vs.store(store_id))


def get_store(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    return dumps(state.vector_stores.store(request.match_info["vector_store_id"]))


def update_store(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    store = state.vector_stores.store(request.match_info["vector_store_id"])
    for key in ("name", "expires_after"):
        if key in body:
            store[key] = body[key]
    if "metadata" in body:
        store["metadata"] = metadata_field(body["metadata"])
    return dumps(store)


def list_stores(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    return paginate(request, [state.vector_stores.store(s["id"]) for s in state.vector_stores.stores])


def delete_store(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    vs = state.vector_stores
    store = vs.store(request.match_info["vector_store_id"])
    vs.stores.remove(store)
    del vs.by_id[store["id"]], vs.files[store["id"]]
    return dumps({"id": store["id"], "object": "vector_store.deleted", "deleted": True})


def add_file(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    store_id = request.match_info["vector_store_id"]
    state.vector_stores.store(store_id)
    if not isinstance(body.get("file_id"), str):
        raise ApiError(400, "Missing required parameter: 'file_id'.", param="file_id", code="missing_required_parameter")
    return dumps(_public(_add_file(state, store_id, body["file_id"], body)))


def get_file(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    info = request.match_info
    return dumps(_public(state.vector_stores.file(info["vector_store_id"], info["file_id"])))


def update_file(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    info = request.match_info
    file = state.vector_stores.file(info["vector_store_id"], info["file_id"], advance=False)
    file["attributes"] = body.get("attributes")
    return dumps(_public(file))


def _filtered(request: web.Request, files: list[dict[str, Any]]) -> list[dict[str, Any]]:
    wanted = request.query.get("filter")
    return [_public(f) for f in files if wanted is None or f["status"] == wanted]


def list_files(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    store_id = request.match_info["vector_store_id"]
    state.vector_stores.store(store_id)
    return paginate(request, _filtered(request, state.vector_stores.files[store_id]))


def delete_file(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    info = request.match_info
    vs = state.vector_stores
    file = vs.file(info["vector_store_id"], info["file_id"], advance=False)
    vs.files[info["vector_store_id"]].remove(file)
    return dumps({"id": file["id"], "object": "vector_store.file.deleted", "deleted": True})


def file_content(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    info = request.match_info
    file = state.vector_stores.file(info["vector_store_id"], info["file_id"], advance=False)
    return dumps({"object": "vector_store.file_content.page", "has_more": False, "next_page": None,
                  "data": [{"type": "text", "text": chunk} for chunk in file["_chunks"]]})


def _batch_view(state: ServerState, batch: dict[str, Any]) -> dict[str, Any]:
    files = [f for f in state.vector_stores.files.get(batch["vector_store_id"], []) if f["_batch"] == batch["id"]]
    batch["file_counts"] = _counts(files)
    return batch


def create_batch(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    store_id = request.match_info["vector_store_id"]
    vs = state.vector_stores
    vs.store(store_id)
    batch_id = vs._id("vsfb")
    entries = [{"file_id": f} for f in body.get("file_ids") or []] + list(body.get("files") or [])
    if not entries:
        raise ApiError(400, "Provide file_ids or files.", param="file_ids")
    for entry in entries:
        _add_file(state, store_id, entry["file_id"], {**body, **entry}, batch_id)
    batch = {"id": batch_id, "object": "vector_store.files_batch", "created_at": int(time.time()),
             "vector_store_id": store_id, "status": "in_progress"}
    vs.batches[batch_id] = batch
    return dumps(_batch_view(state, batch))


def _batch(state: ServerState, request: web.Request) -> dict[str, Any]:
    batch = state.vector_stores.batches.get(request.match_info["batch_id"])
    if batch is None or batch["vector_store_id"] != request.match_info["vector_store_id"]:
        raise ApiError(404, f"No file batch found with id '{request.match_info['batch_id']}'.", param="batch_id")
    return batch


def get_batch(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    batch = _batch(state, request)
    if batch["status"] == "in_progress":
        for file in state.vector_stores.files[batch["vector_store_id"]]:
            if file["_batch"] == batch["id"] and file["status"] == "in_progress":
                file["status"] = "completed"
        batch["status"] = "completed"
    return dumps(_batch_view(state, batch))


def cancel_batch(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    batch = _batch(state, request)
    if batch["status"] == "in_progress":
        batch["status"] = "cancelled"
        for file in state.vector_stores.files[batch["vector_store_id"]]:
            if file["_batch"] == batch["id"] and file["status"] == "in_progress":
                file["status"] = "cancelled"
    return dumps(_batch_view(state, batch))


def list_batch_files(state: ServerState, request: web.Request, raw: bytes) -> bytes:
    batch = _batch(state, request)
    files = [f for f in state.vector_stores.files[batch["vector_store_id"]] if f["_batch"] == batch["id"]]
    return paginate(request, _filtered(request, files))


def _matches(attributes: dict[str, Any] | None, condition: dict[str, Any]) -> bool:
    kind = str(condition.get("type"))
    if kind in ("and", "or"):
        results = [_matches(attributes, sub) for sub in condition.get("filters") or []]
        return all(results) if kind == "and" else any(results)
    value: Any = (attributes or {}).get(condition.get("key", ""))
    wanted: Any = condition.get("value")
    try:
        if kind in ("eq", "ne"):
            return bool(value == wanted) == (kind == "eq")
        if kind in ("in", "nin"):
            return bool(value in wanted) == (kind == "in")
        if value is None:
            return False
        comparisons = {"gt": value > wanted, "gte": value >= wanted, "lt": value < wanted, "lte": value <= wanted}
        return bool(comparisons[kind])
    except (KeyError, TypeError):
        raise ApiError(400, f"Invalid filter: {condition!r}.", param="filters") from None


def search(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    store_id = request.match_info["vector_store_id"]
    state.vector_stores.store(store_id)
    query = body.get("query")
    queries = [query] if isinstance(query, str) else list(query or [])
    if not queries or not all(isinstance(q, str) for q in queries):
        raise ApiError(400, "Missing required parameter: 'query'.", param="query", code="missing_required_parameter")
    words = {w.lower() for q in queries for w in _WORD.findall(q)}
    threshold = float((body.get("ranking_options") or {}).get("score_threshold") or 0.0)
    hits = []
    for file in state.vector_stores.files[store_id]:
        if body.get("filters") and not _matches(file.get("attributes"), body["filters"]):
            continue
        for chunk in file["_chunks"]:
            found = {w.lower() for w in _WORD.findall(chunk)}
            score = len(words & found) / len(words) if words else 0.0
            if score > threshold:
                hits.append({"file_id": file["id"], "filename": state.files.by_id[file["id"]]["filename"],
                             "score": round(score, 4), "attributes": file.get("attributes"),
                             "content": [{"type": "text", "text": chunk}]})
    hits.sort(key=lambda hit: -hit["score"])
    limit = int(body.get("max_num_results") or 10)
    return dumps({"object": "vector_store.search_results.page", "search_query": queries, "data": hits[:limit],
                  "has_more": False, "next_page": None})


def register(post: Any, get: Any, delete: Any) -> None:
    base = "/v1/vector_stores/{vector_store_id}"
    post("/v1/vector_stores", create_store)
    get("/v1/vector_stores", list_stores)
    get(base, get_store)
    post(base, update_store)
    delete(base, delete_store)
    post(base + "/search", search)
    post(base + "/files", add_file)
    get(base + "/files", list_files)
    get(base + "/files/{file_id}", get_file)
    post(base + "/files/{file_id}", update_file)
    delete(base + "/files/{file_id}", delete_file)
    get(base + "/files/{file_id}/content", file_content)
    post(base + "/file_batches", create_batch)
    get(base + "/file_batches/{batch_id}", get_batch)
    post(base + "/file_batches/{batch_id}/cancel", cancel_batch, json_body=False)
    get(base + "/file_batches/{batch_id}/files", list_batch_files)

