"""Stored chat completions: a non-streamed ``POST /v1/chat/completions`` with ``store: true`` is kept
(with its request messages and ``metadata``) and can be listed, retrieved, updated and deleted.

- ``GET /v1/chat/completions``: cursor pages, oldest first (``order=desc`` for newest first), filtered by
  ``model`` and ``metadata[key]=value`` pairs.
- ``GET/POST/DELETE /v1/chat/completions/{id}``: the completion; ``POST`` replaces its ``metadata``.
- ``GET /v1/chat/completions/{id}/messages``: the request's messages, each with an id.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._common import ApiError, dumps, metadata_field
from ._finetune import paginate

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = ["StoredChats", "delete_chat", "get_chat", "list_chat_messages", "list_chats", "update_chat"]


class StoredChats:
    def __init__(self) -> None:
        self.completions: dict[str, dict[str, Any]] = {}  # insertion order = creation order
        self.messages: dict[str, list[dict[str, Any]]] = {}

    def add(self, answer: bytes, body: dict[str, Any]) -> None:
        completion = json.loads(answer)
        completion["metadata"] = body.get("metadata") or {}
        cid = completion["id"]
        self.completions[cid] = completion
        self.messages[cid] = [_stored_message(cid, i, m) for i, m in enumerate(body.get("messages") or [])]

    def get(self, completion_id: str) -> dict[str, Any]:
        found = self.completions.get(completion_id)
        if found is None:
            raise ApiError(404, f"Completion with id '{completion_id}' not found.", param="completion_id",
                           code="not_found")
        return found


def _stored_message(cid: str, index: int, message: dict[str, Any]) -> dict[str, Any]:
    content = message.get("content")
    stored: dict[str, Any] = {"id": f"{cid}-{index}", "role": message.get("role"), "content": content,
                              "content_parts": None}
    if isinstance(content, list):
        stored["content"] = "".join(p.get("text", "") for p in content if isinstance(p, dict))
        stored["content_parts"] = content
    if message.get("name"):
        stored["name"] = message["name"]
    return stored


def list_chats(state: ServerState, request: web.Request, body: Any) -> bytes:
    items = list(state.stored_chats.completions.values())
    model = request.query.get("model")
    if model:
        items = [c for c in items if c["model"] == model]
    wanted = {key[len("metadata["):-1]: value for key, value in request.query.items()
              if key.startswith("metadata[") and key.endswith("]")}
    if wanted:
        items = [c for c in items if all(c["metadata"].get(k) == v for k, v in wanted.items())]
    if request.query.get("order") == "desc":
        items.reverse()
    return paginate(request, items)


def get_chat(state: ServerState, request: web.Request, body: Any) -> bytes:
    return dumps(state.stored_chats.get(request.match_info["completion_id"]))


def update_chat(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    completion = state.stored_chats.get(request.match_info["completion_id"])
    if "metadata" not in body:
        raise ApiError(400, "Missing required parameter: 'metadata'.", param="metadata",
                       code="missing_required_parameter")
    completion["metadata"] = metadata_field(body["metadata"])
    return dumps(completion)


def delete_chat(state: ServerState, request: web.Request, body: Any) -> bytes:
    completion = state.stored_chats.get(request.match_info["completion_id"])
    del state.stored_chats.completions[completion["id"]]
    del state.stored_chats.messages[completion["id"]]
    return dumps({"id": completion["id"], "object": "chat.completion.deleted", "deleted": True})


def list_chat_messages(state: ServerState, request: web.Request, body: Any) -> bytes:
    completion = state.stored_chats.get(request.match_info["completion_id"])
    messages = list(state.stored_chats.messages[completion["id"]])
    if request.query.get("order") == "desc":
        messages.reverse()
    return paginate(request, messages)
