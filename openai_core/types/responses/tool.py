"""The tools of a ``Response`` as the API echoes them back.

Function tools are modelled in full; the built-in ones leniently (``type`` declared, the rest kept as
extra attributes). A tool type unknown here parses as ``UnknownTool``.
"""

from typing import TYPE_CHECKING, Literal, TypeAlias

from ..._models import BaseModel
from ..._unions import open_union

__all__ = ["CustomTool", "FileSearchTool", "FunctionTool", "Tool", "UnknownTool", "WebSearchTool"]


class FunctionTool(BaseModel):
    name: str
    parameters: dict[str, object] | None = None
    strict: bool | None = None
    type: Literal["function"]
    description: str | None = None


class FileSearchTool(BaseModel):
    type: Literal["file_search"]
    vector_store_ids: list[str] | None = None


class WebSearchTool(BaseModel):
    type: Literal["web_search", "web_search_2025_08_26", "web_search_preview", "web_search_preview_2025_03_11"]


class CustomTool(BaseModel):
    name: str
    type: Literal["custom"]
    description: str | None = None


class UnknownTool(BaseModel):
    """A tool of a type this package does not model (yet): every field is kept as sent."""

    type: str


Tool: TypeAlias = FunctionTool | FileSearchTool | WebSearchTool | CustomTool
if not TYPE_CHECKING:
    Tool = open_union(Tool, UnknownTool)
