from typing import Literal, TypeAlias

from ..._models import BaseModel
from .realtime_function_tool import RealtimeFunctionTool

__all__ = [
    "Mcp",
    "McpAllowedTools",
    "McpAllowedToolsMcpToolFilter",
    "McpRequireApproval",
    "McpRequireApprovalMcpToolApprovalFilter",
    "McpRequireApprovalMcpToolApprovalFilterAlways",
    "McpRequireApprovalMcpToolApprovalFilterNever",
    "RealtimeToolsConfigUnion",
]

ConnectorId = Literal[
    "connector_dropbox",
    "connector_gmail",
    "connector_googlecalendar",
    "connector_googledrive",
    "connector_microsoftteams",
    "connector_outlookcalendar",
    "connector_outlookemail",
    "connector_sharepoint",
]


class McpAllowedToolsMcpToolFilter(BaseModel):
    read_only: bool | None = None
    tool_names: list[str] | None = None


McpAllowedTools: TypeAlias = list[str] | McpAllowedToolsMcpToolFilter | None


class McpRequireApprovalMcpToolApprovalFilterAlways(BaseModel):
    read_only: bool | None = None
    tool_names: list[str] | None = None


class McpRequireApprovalMcpToolApprovalFilterNever(BaseModel):
    read_only: bool | None = None
    tool_names: list[str] | None = None


class McpRequireApprovalMcpToolApprovalFilter(BaseModel):
    always: McpRequireApprovalMcpToolApprovalFilterAlways | None = None
    never: McpRequireApprovalMcpToolApprovalFilterNever | None = None


McpRequireApproval: TypeAlias = McpRequireApprovalMcpToolApprovalFilter | Literal["always", "never"] | None


class Mcp(BaseModel):
    """A remote MCP server whose tools the model may call."""

    server_label: str
    type: Literal["mcp"]
    allowed_callers: list[Literal["direct", "programmatic"]] | None = None
    allowed_tools: McpAllowedTools = None
    authorization: str | None = None
    connector_id: ConnectorId | None = None
    defer_loading: bool | None = None
    headers: dict[str, str] | None = None
    require_approval: McpRequireApproval = None
    server_description: str | None = None
    server_url: str | None = None
    tunnel_id: str | None = None


# RealtimeFunctionTool's `type` is optional: no pydantic discriminator, matched by value.
RealtimeToolsConfigUnion: TypeAlias = RealtimeFunctionTool | Mcp
