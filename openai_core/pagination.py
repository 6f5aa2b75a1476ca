"""Pages, written once against the pipeline.

``list()`` methods return an ``AsyncPaginator``: ``await`` it for the first page, or ``async for`` over
it for every item of every page. Pages are pydantic models parsed from the response bytes in one pass;
the pipeline and the call that produced them ride along as private attributes so a page can fetch the
next one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator, Mapping  # unasync: async-only

# unasync: sync-only: from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Self, TypeVar

from pydantic import PrivateAttr

from ._models import BaseModel

if TYPE_CHECKING:
    from ._pipeline import Pipeline, RequestOptions

__all__ = [
    "AsyncConversationCursorPage", "AsyncCursorPage", "AsyncNextCursorPage", "AsyncPage", "AsyncPaginator",
    "AsyncTokenPage", "BasePage",
    "next_cursor",
]

_T = TypeVar("_T")
_P = TypeVar("_P", bound="BasePage[Any]")


def next_cursor(data: list[Any], has_more: bool | None) -> str | None:
    """The ``after`` cursor for the page following one holding ``data``: the last item's id, or None
    when the server says there is no more, the page is empty, or the last item has no id."""
    if has_more is False or not data:
        return None
    last = data[-1]
    cursor = last.get("id") if isinstance(last, Mapping) else getattr(last, "id", None)
    return cursor if isinstance(cursor, str) and cursor else None


class BasePage(BaseModel, Generic[_T]):
    """What every page shares: its items, and the way to the next page."""

    data: list[_T]

    _pipeline: Pipeline | None = PrivateAttr(default=None)
    _options: RequestOptions | None = PrivateAttr(default=None)

    def next_page_params(self) -> dict[str, object] | None:
        """Query parameters that fetch the next page, or None on the last page."""
        return None

    def has_next_page(self) -> bool:
        return self.next_page_params() is not None

    async def get_next_page(self) -> Self:
        params = self.next_page_params()
        if params is None or self._pipeline is None or self._options is None:
            raise RuntimeError("no next page: check has_next_page() first")
        options = replace(self._options, query={**(self._options.query or {}), **params})
        return await fetch_page(self._pipeline, options, type(self))

    async def iter_pages(self) -> AsyncIterator[Self]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def _iter_items(self) -> AsyncIterator[_T]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item

    def __aiter__(self) -> AsyncIterator[_T]:  # unasync: async-only
    # unasync: sync-only: def __iter__(self) -> Iterator[_T]:  # type: ignore[override]
        return self._iter_items()


class AsyncPage(BasePage[_T], Generic[_T]):
    """A complete list in one answer (``models.list()``): never has a next page."""

    object: str = "list"


class AsyncCursorPage(BasePage[_T], Generic[_T]):
    """A page of a cursor-paginated list: the next page starts ``after`` this page's last id."""

    has_more: bool | None = None

    def next_page_params(self) -> dict[str, object] | None:
        cursor = next_cursor(self.data, self.has_more)
        return None if cursor is None else {"after": cursor}


class AsyncConversationCursorPage(BasePage[_T], Generic[_T]):
    """A page of a conversation's items: the next page starts ``after`` the ``last_id`` the server names."""

    has_more: bool | None = None
    last_id: str | None = None

    def next_page_params(self) -> dict[str, object] | None:
        if self.has_more is False or not self.data or not self.last_id:
            return None
        return {"after": self.last_id}


class _NamedNextPage(BasePage[_T], Generic[_T]):
    """A page whose answer names the next page itself (``next``), asked for under ``_NEXT_PARAM``."""

    _NEXT_PARAM: ClassVar[str]

    has_more: bool | None = None
    next: str | None = None

    def next_page_params(self) -> dict[str, object] | None:
        if self.has_more is False or not self.next:
            return None
        return {self._NEXT_PARAM: self.next}


class AsyncNextCursorPage(_NamedNextPage[_T], Generic[_T]):
    """A page that names the next page's cursor itself (``next``): the admin API's role lists."""

    _NEXT_PARAM: ClassVar[str] = "after"


class AsyncTokenPage(_NamedNextPage[_T], Generic[_T]):
    """A page whose answer names the next page by an opaque token (``next``), asked for as ``page=<next>``:
    the beta Agents API's environment files."""

    _NEXT_PARAM: ClassVar[str] = "page"


async def fetch_page(pipeline: Pipeline, options: RequestOptions, page_type: type[_P]) -> _P:
    page = await pipeline.request(options, page_type)
    page._pipeline = pipeline
    page._options = options
    return page


# unasync: begin-async-only
class AsyncPaginator(Generic[_T, _P]):
    """What ``list()`` returns: awaitable (the first page) and async-iterable (every item)."""

    __slots__ = ("_options", "_page_type", "_pipeline")

    def __init__(self, pipeline: Pipeline, options: RequestOptions, page_type: type[_P]) -> None:
        self._pipeline = pipeline
        self._options = options
        self._page_type = page_type

    def __await__(self) -> Generator[Any, None, _P]:
        return fetch_page(self._pipeline, self._options, self._page_type).__await__()

    async def __aiter__(self) -> AsyncIterator[_T]:
        page = await self
        async for item in page:
            yield item
# unasync: end-async-only


# The sync client's list() returns the first page itself (iterable over every item of every page).
# unasync: sync-only: SyncPaginator = fetch_page
