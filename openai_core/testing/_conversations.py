"""Conversations: kept in memory with their items (``POST /v1/conversations`` ... ``DELETE
/v1/conversations/{id}/items/{item_id}``). ``responses.create(conversation=...)`` appends the request's
input items and the response's output items to the conversation, as the API does."""

from __future__ import annotations

import itertools
import time
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ._common import ApiError, dumps, metadata_field
from ._finetune import cursor_page
from ._responses import _input_items

if TYPE_CHECKING:
    from ._state import ServerState

__all__ = [
    "ConversationStore",
    "create_conversation",
    "create_items",
    "delete_conversation",
    "delete_item",
    "get_conversation",
    "get_item",
    "list_items",
    "update_conversation",
]


class ConversationStore:
    def __init__(self) -> None:
        self.conversations: dict[str, dict[str, Any]] = {}
        self.items: dict[str, list[dict[str, Any]]] = {}  # oldest first
        self._ids = itertools.count(1)

    def get(self, conversation_id: str) -> dict[str, Any]:
        found = self.conversations.get(conversation_id)
        if found is None:
            raise ApiError(404, f"Conversation with id '{conversation_id}' not found.", param="conversation_id",
                           code="not_found")
        return found

    def add_items(self, conversation_id: str, value: Any) -> list[dict[str, Any]]:
        """``value`` (input items) stored with fresh ids, appended; the stored items are returned."""
        tag = f"conv_{next(self._ids):06d}"  # _input_items names items after a response id's tail
        added = _input_items(value, tag)
        self.items[conversation_id].extend(added)
        return added

    def append(self, conversation_id: str, items: list[dict[str, Any]]) -> None:
        self.get(conversation_id)
        self.items[conversation_id].extend(items)


def create_conversation(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    store = state.conversations
    conversation_id = f"conv_{next(store._ids):06d}"
    conversation = {"id": conversation_id, "object": "conversation", "created_at": int(time.time()),
                    "metadata": metadata_field(body.get("metadata"))}
    store.conversations[conversation_id] = conversation
    store.items[conversation_id] = []
    if body.get("items"):
        store.add_items(conversation_id, body["items"])
    return dumps(conversation)


def get_conversation(state: ServerState, request: web.Request, body: Any) -> bytes:
    return dumps(state.conversations.get(request.match_info["conversation_id"]))


def update_conversation(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    conversation = state.conversations.get(request.match_info["conversation_id"])
    if "metadata" not in body:
        raise ApiError(400, "Missing required parameter: 'metadata'.", param="metadata",
                       code="missing_required_parameter")
    conversation["metadata"] = metadata_field(body["metadata"])
    return dumps(conversation)


def delete_conversation(state: ServerState, request: web.Request, body: Any) -> bytes:
    conversation = state.conversations.get(request.match_info["conversation_id"])
    del state.conversations.conversations[conversation["id"]]
    return dumps({"id": conversation["id"], "object": "conversation.deleted", "deleted": True})


def create_items(state: ServerState, request: web.Request, body: dict[str, Any]) -> bytes:
    conversation = state.conversations.get(request.match_info["conversation_id"])
    items = body.get("items")
    if not isinstance(items, list) or not items:
        raise ApiError(400, "Missing required parameter: 'items'.", param="items", code="missing_required_parameter")
    if len(items) > 20:
        raise ApiError(400, "Invalid 'items': at most 20 items at a time.", param="items", code="invalid_value")
    added = state.conversations.add_items(conversation["id"], items)
    return dumps({"object": "list", "data": added, "first_id": added[0]["id"], "last_id": added[-1]["id"],
                  "has_more": False})


def list_items(state: ServerState, request: web.Request, body: Any) -> bytes:
    conversation = state.conversations.get(request.match_info["conversation_id"])
    items = list(state.conversations.items[conversation["id"]])
    if request.query.get("order", "desc") == "desc":
        items.reverse()
    page = cursor_page(request, items)
    data = page["data"]
    page.update(first_id=data[0]["id"] if data else None, last_id=data[-1]["id"] if data else None)
    return dumps(page)


def _item(state: ServerState, request: web.Request) -> tuple[dict[str, Any], dict[str, Any]]:
    conversation = state.conversations.get(request.match_info["conversation_id"])
    item_id = request.match_info["item_id"]
    for item in state.conversations.items[conversation["id"]]:
        if item["id"] == item_id:
            return conversation, item
    raise ApiError(404, f"Item with id '{item_id}' not found.", param="item_id", code="not_found")


def get_item(state: ServerState, request: web.Request, body: Any) -> bytes:
    return dumps(_item(state, request)[1])


def delete_item(state: ServerState, request: web.Request, body: Any) -> bytes:
    conversation, item = _item(state, request)
    state.conversations.items[conversation["id"]].remove(item)
    return dumps(conversation)
