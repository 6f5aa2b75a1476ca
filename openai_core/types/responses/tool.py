"""The tools of a ``Response`` as the API echoes them back. A tool type unknown here parses as
``UnknownTool``."""

from typing import TYPE_CHECKING, TypeAlias

from ..._models import BaseModel
from ..._unions import open_union
from .custom_tool import CustomTool
from .file_search_tool import FileSearchTool
from .function_tool import FunctionTool
from .web_search_tool import WebSearchTool

__all__ = ["CustomTool", "FileSearchTool", "FunctionTool", "Tool", "UnknownTool", "WebSearchTool"]


class UnknownTool(BaseModel):
    """A tool of a type this package does not model (yet): every field is kept as sent."""

    type: str


Tool: TypeAlias = FunctionTool | FileSearchTool | WebSearchTool | CustomTool
if not TYPE_CHECKING:
    Tool = open_union(Tool, UnknownTool)
