"""``client.conversations.items``: add, read, list and delete a conversation's items."""

from __future__ import annotations

from typing import Any, cast

from typing_extensions import Unpack

from ..._params import ParamSpec
from ..._resource import AsyncAPIResource, RequestOptionsParams, options
from ...pagination import AsyncConversationCursorPage, AsyncPaginator
from ...types.conversations import Conversation, ConversationItem, ConversationItemList
from ...types.conversations.item_create_params import ItemCreateParams
from ...types.conversations.item_list_params import ItemListParams
from ...types.conversations.item_retrieve_params import ItemRetrieveParams
from .._paths import path_param

__all__ = ["AsyncItems"]


class CreateParams(ItemCreateParams, RequestOptionsParams, total=False):
    pass


class RetrieveParams(ItemRetrieveParams, RequestOptionsParams, total=False):
    pass


class ListParams(ItemListParams, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", ItemCreateParams)
_RETRIEVE = ParamSpec("retrieve", ItemRetrieveParams)
_LIST = ParamSpec("list", ItemListParams)
# A union (a validator built once, see _models.json_parser), not a class: spelled for the checker here.
_ITEM: Any = ConversationItem


def _items_path(conversation_id: str, item_id: str | None = None) -> str:
    path = f"/conversations/{path_param('conversation_id', conversation_id)}/items"
    return path if item_id is None else f"{path}/{path_param('item_id', item_id)}"


class AsyncItems(AsyncAPIResource):
    __slots__ = ()

    async def create(self, conversation_id: str, **params: Unpack[CreateParams]) -> ConversationItemList:
        """Add up to 20 items; ``include`` goes in the query string, the items in the body."""
        body, request_options = _CREATE.split(params)
        include = body.pop("include", None)
        query = {"include": include} if include is not None else None
        call = options("POST", _items_path(conversation_id), request_options, body=body, query=query)
        return await self._pipeline.request(call, ConversationItemList)

    async def retrieve(self, item_id: str, **params: Unpack[RetrieveParams]) -> ConversationItem:
        query, request_options = _RETRIEVE.split(params)
        conversation_id = query.pop("conversation_id")
        call = options("GET", _items_path(conversation_id, item_id), request_options, query=query)
        return cast("ConversationItem", await self._pipeline.request(call, _ITEM))

    def list(
        self, conversation_id: str, **params: Unpack[ListParams]
    ) -> AsyncPaginator[ConversationItem, AsyncConversationCursorPage[ConversationItem]]:
        """The conversation's items, a page at a time (newest first unless ``order="asc"``)."""
        query, request_options = _LIST.split(params)
        call = options("GET", _items_path(conversation_id), request_options, query=query)
        return AsyncPaginator(self._pipeline, call, AsyncConversationCursorPage[ConversationItem])

    async def delete(
        self, item_id: str, *, conversation_id: str, **request_options: Unpack[RequestOptionsParams]
    ) -> Conversation:
        """Delete an item; the answer is the conversation."""
        call = options("DELETE", _items_path(conversation_id, item_id), request_options)
        return await self._pipeline.request(call, Conversation)
