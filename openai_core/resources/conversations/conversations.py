"""``client.conversations``: create, retrieve, update and delete a conversation (its ``items`` are a
sub-resource); ``responses.create(conversation=...)`` adds to one."""

from __future__ import annotations

from functools import cached_property

from typing_extensions import Unpack

from ..._params import ParamSpec
from ..._resource import AsyncAPIResource, RequestOptionsParams, options
from ...types.conversations import Conversation, ConversationDeletedResource
from ...types.conversations.conversation_create_params import ConversationCreateParams
from ...types.conversations.conversation_update_params import ConversationUpdateParams
from .._paths import path_param
from .items import AsyncItems

__all__ = ["AsyncConversations"]


class CreateParams(ConversationCreateParams, RequestOptionsParams, total=False):
    pass


class UpdateParams(ConversationUpdateParams, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", ConversationCreateParams)
_UPDATE = ParamSpec("update", ConversationUpdateParams)


def _path(conversation_id: str) -> str:
    return f"/conversations/{path_param('conversation_id', conversation_id)}"


class AsyncConversations(AsyncAPIResource):
    __slots__ = ("__dict__",)

    @cached_property
    def items(self) -> AsyncItems:
        return AsyncItems(self._client)

    async def create(self, **params: Unpack[CreateParams]) -> Conversation:
        body, request_options = _CREATE.split(params)
        if body.get("items") is not None:
            body["items"] = list(body["items"])
        return await self._pipeline.request(options("POST", "/conversations", request_options, body=body), Conversation)

    async def retrieve(self, conversation_id: str, **request_options: Unpack[RequestOptionsParams]) -> Conversation:
        return await self._pipeline.request(options("GET", _path(conversation_id), request_options), Conversation)

    async def update(self, conversation_id: str, **params: Unpack[UpdateParams]) -> Conversation:
        """Replace the conversation's ``metadata``."""
        body, request_options = _UPDATE.split(params)
        return await self._pipeline.request(
            options("POST", _path(conversation_id), request_options, body=body), Conversation
        )

    async def delete(
        self, conversation_id: str, **request_options: Unpack[RequestOptionsParams]
    ) -> ConversationDeletedResource:
        """Delete the conversation (its items are not deleted with it, as in the API)."""
        return await self._pipeline.request(
            options("DELETE", _path(conversation_id), request_options), ConversationDeletedResource
        )
