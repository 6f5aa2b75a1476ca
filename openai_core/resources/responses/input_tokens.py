"""``client.responses.input_tokens``: count a request's input tokens without running it."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._params import ParamSpec
from ..._resource import AsyncAPIResource, RequestOptionsParams, options
from ...types.responses.input_token_count_params import InputTokenCountParams
from ...types.responses.input_token_count_response import InputTokenCountResponse

__all__ = ["AsyncInputTokens"]


class CountParams(InputTokenCountParams, RequestOptionsParams, total=False):
    pass


_COUNT = ParamSpec("count", InputTokenCountParams)


class AsyncInputTokens(AsyncAPIResource):
    __slots__ = ()

    async def count(self, **params: Unpack[CountParams]) -> InputTokenCountResponse:
        """The number of input tokens ``responses.create`` would be charged for these parameters."""
        body, request_options = _COUNT.split(params)
        if body.get("tools") is not None:
            body["tools"] = list(body["tools"])
        call = options("POST", "/responses/input_tokens", request_options, body=body)
        return await self._pipeline.request(call, InputTokenCountResponse)
