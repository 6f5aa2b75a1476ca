"""``client.moderations``."""

from __future__ import annotations

from typing_extensions import Unpack

from .._params import ParamSpec
from .._resource import AsyncAPIResource, RequestOptionsParams, options
from ..types.moderation_create_params import ModerationCreateParams
from ..types.moderation_create_response import ModerationCreateResponse

__all__ = ["AsyncModerations"]


class CreateParams(ModerationCreateParams, RequestOptionsParams, total=False):
    pass


_CREATE = ParamSpec("create", ModerationCreateParams)


class AsyncModerations(AsyncAPIResource):
    __slots__ = ()

    async def create(self, **params: Unpack[CreateParams]) -> ModerationCreateResponse:
        """Classify text (and, with the omni models, images) against the usage policies."""
        body, request_options = _CREATE.split(params)
        return await self._pipeline.request(
            options("POST", "/moderations", request_options, body=body), ModerationCreateResponse
        )
