from typing import Literal, TypeAlias

from ..._models import BaseModel
from .realtime_tools_config_union import ConnectorId

__all__ = [
    "AllowedTools",
    "AllowedToolsMcpToolFilter",
    "RealtimeResponseCreateMcpTool",
    "RequireApproval",
    "RequireApprovalMcpToolApprovalFilter",
    "RequireApprovalMcpToolApprovalFilterAlways",
    "RequireApprovalMcpToolApprovalFilterNever",
]


class AllowedToolsMcpToolFilter(BaseModel):
    read_only: bool | None = None
    tool_names: list[str] | None = None


AllowedTools: TypeAlias = list[str] | AllowedToolsMcpToolFilter | None


class RequireApprovalMcpToolApprovalFilterAlways(BaseModel):
    read_only: bool | None = None
    tool_names: list[str] | None = None


class RequireApprovalMcpToolApprovalFilterNever(BaseModel):
    read_only: bool | None = None
    tool_names: list[str] | None = None


class RequireApprovalMcpToolApprovalFilter(BaseModel):
    always: RequireApprovalMcpToolApprovalFilterAlways | None = None
    never: RequireApprovalMcpToolApprovalFilterNever | None = None


RequireApproval: TypeAlias = RequireApprovalMcpToolApprovalFilter | Literal["always", "never"] | None


class RealtimeResponseCreateMcpTool(BaseModel):
    server_label: str
    type: Literal["mcp"]
    allowed_callers: list[Literal["direct", "programmatic"]] | None = None
    allowed_tools: AllowedTools = None
    authorization: str | None = None
    connector_id: ConnectorId | None = None
    defer_loading: bool | None = None
    headers: dict[str, str] | None = None
    require_approval: RequireApproval = None
    server_description: str | None = None
    server_url: str | None = None
    tunnel_id: str | None = None
