"""``client.responses.input_items``."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._params import ParamSpec
from ..._resource import AsyncAPIResource, RequestOptionsParams, options
from ...pagination import AsyncCursorPage, AsyncPaginator
from ...types.responses.input_item_list_params import InputItemListParams
from ...types.responses.response_item import ResponseItem
from .._paths import path_param

__all__ = ["AsyncInputItems"]


class ListParams(InputItemListParams, RequestOptionsParams, total=False):
    pass


_LIST = ParamSpec("list", InputItemListParams)


class AsyncInputItems(AsyncAPIResource):
    __slots__ = ()

    def list(
        self, response_id: str, **params: Unpack[ListParams]
    ) -> AsyncPaginator[ResponseItem, AsyncCursorPage[ResponseItem]]:
        """The input items a response was created from, a cursor page at a time (``order="asc"`` for
        oldest first; the API's default is newest first)."""
        query, request_options = _LIST.split(params)
        call = options(
            "GET", f"/responses/{path_param('response_id', response_id)}/input_items", request_options, query=query
        )
        return AsyncPaginator(self._pipeline, call, AsyncCursorPage[ResponseItem])
