"""``client.beta.responses.input_items``: ``client.responses.input_items`` of the beta Responses API."""

from __future__ import annotations

from typing_extensions import Unpack

from ...._params import ParamSpec
from ...._resource import AsyncAPIResource, RequestOptionsParams, options
from ....pagination import AsyncCursorPage, AsyncPaginator
from ....types.beta.beta_response_item import BetaResponseItem
from ....types.beta.responses.input_item_list_params import InputItemListParams
from ..._paths import path_param
from ._betas import BETA, Betas, BetasParam, beta_request_options

__all__ = ["AsyncInputItems"]


class ListParams(InputItemListParams, BetasParam, RequestOptionsParams, total=False):
    pass


_LIST = ParamSpec("list", InputItemListParams, betas=Betas)


class AsyncInputItems(AsyncAPIResource):
    __slots__ = ()

    def list(
        self, response_id: str, **params: Unpack[ListParams]
    ) -> AsyncPaginator[BetaResponseItem, AsyncCursorPage[BetaResponseItem]]:
        """The input items a beta response was created from, a cursor page at a time."""
        query, request_options = _LIST.split(params)
        request_options = beta_request_options(query, request_options)
        path = f"/responses/{path_param('response_id', response_id)}/input_items"
        call = options("GET", path, request_options, query={**BETA, **query})
        return AsyncPaginator(self._pipeline, call, AsyncCursorPage[BetaResponseItem])
