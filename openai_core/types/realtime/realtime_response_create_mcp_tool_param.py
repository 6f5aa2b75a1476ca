from collections.abc import Sequence
from typing import Literal, Required, TypeAlias, TypedDict

from .realtime_tools_config_union import ConnectorId

__all__ = [
    "AllowedTools",
    "AllowedToolsMcpToolFilter",
    "RealtimeResponseCreateMcpToolParam",
    "RequireApproval",
    "RequireApprovalMcpToolApprovalFilter",
    "RequireApprovalMcpToolApprovalFilterAlways",
    "RequireApprovalMcpToolApprovalFilterNever",
]


class AllowedToolsMcpToolFilter(TypedDict, total=False):
    read_only: bool
    tool_names: Sequence[str]


AllowedTools: TypeAlias = Sequence[str] | AllowedToolsMcpToolFilter


class RequireApprovalMcpToolApprovalFilterAlways(TypedDict, total=False):
    read_only: bool
    tool_names: Sequence[str]


class RequireApprovalMcpToolApprovalFilterNever(TypedDict, total=False):
    read_only: bool
    tool_names: Sequence[str]


class RequireApprovalMcpToolApprovalFilter(TypedDict, total=False):
    always: RequireApprovalMcpToolApprovalFilterAlways
    never: RequireApprovalMcpToolApprovalFilterNever


RequireApproval: TypeAlias = RequireApprovalMcpToolApprovalFilter | Literal["always", "never"]


class RealtimeResponseCreateMcpToolParam(TypedDict, total=False):
    server_label: Required[str]
    type: Required[Literal["mcp"]]
    allowed_callers: list[Literal["direct", "programmatic"]] | None
    allowed_tools: AllowedTools | None
    authorization: str
    connector_id: ConnectorId
    defer_loading: bool
    headers: dict[str, str] | None
    require_approval: RequireApproval | None
    server_description: str
    server_url: str
    tunnel_id: str
