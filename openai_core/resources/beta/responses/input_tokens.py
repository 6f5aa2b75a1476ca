"""``client.beta.responses.input_tokens``: count a beta request's input tokens without running it."""

from __future__ import annotations

from typing_extensions import Unpack

from ...._params import ParamSpec
from ...._resource import AsyncAPIResource, RequestOptionsParams, options
from ....types.beta.responses.input_token_count_params import InputTokenCountParams
from ....types.beta.responses.input_token_count_response import InputTokenCountResponse
from ._betas import BETA, Betas, BetasParam, beta_request_options

__all__ = ["AsyncInputTokens"]


class CountParams(InputTokenCountParams, BetasParam, RequestOptionsParams, total=False):
    pass


_COUNT = ParamSpec("count", InputTokenCountParams, betas=Betas)


class AsyncInputTokens(AsyncAPIResource):
    __slots__ = ()

    async def count(self, **params: Unpack[CountParams]) -> InputTokenCountResponse:
        """The number of input tokens ``beta.responses.create`` would be charged for these parameters."""
        body, request_options = _COUNT.split(params)
        request_options = beta_request_options(body, request_options)
        if body.get("tools") is not None:
            body["tools"] = list(body["tools"])
        call = options("POST", "/responses/input_tokens", request_options, body=body, query=BETA)
        return await self._pipeline.request(call, InputTokenCountResponse)
