from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel

__all__ = ["Action", "ActionFind", "ActionOpenPage", "ActionSearch", "ActionSearchSource", "ResponseFunctionWebSearch"]


class ActionSearchSource(BaseModel):
    type: Literal["url"]
    url: str


class ActionSearch(BaseModel):
    type: Literal["search"]
    queries: list[str] | None = None
    query: str | None = None
    sources: list[ActionSearchSource] | None = None


class ActionOpenPage(BaseModel):
    type: Literal["open_page"]
    url: str | None = None


class ActionFind(BaseModel):
    pattern: str
    type: Literal["find_in_page"]
    url: str


Action: TypeAlias = Annotated[ActionSearch | ActionOpenPage | ActionFind, Field(discriminator="type")]


class ResponseFunctionWebSearch(BaseModel):
    id: str
    type: Literal["web_search_call"]
    status: Literal["in_progress", "searching", "completed", "failed", "incomplete"] | None = None
    action: Action | None = None
