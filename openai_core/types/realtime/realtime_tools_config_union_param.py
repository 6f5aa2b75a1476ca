from collections.abc import Sequence
from typing import Literal, Required, TypeAlias, TypedDict

from .realtime_function_tool_param import RealtimeFunctionToolParam
from .realtime_tools_config_union import ConnectorId

__all__ = [
    "Mcp",
    "McpAllowedTools",
    "McpAllowedToolsMcpToolFilter",
    "McpRequireApproval",
    "McpRequireApprovalMcpToolApprovalFilter",
    "McpRequireApprovalMcpToolApprovalFilterAlways",
    "McpRequireApprovalMcpToolApprovalFilterNever",
    "RealtimeToolsConfigUnionParam",
]


class McpAllowedToolsMcpToolFilter(TypedDict, total=False):
    read_only: bool
    tool_names: Sequence[str]


McpAllowedTools: TypeAlias = Sequence[str] | McpAllowedToolsMcpToolFilter


class McpRequireApprovalMcpToolApprovalFilterAlways(TypedDict, total=False):
    read_only: bool
    tool_names: Sequence[str]


class McpRequireApprovalMcpToolApprovalFilterNever(TypedDict, total=False):
    read_only: bool
    tool_names: Sequence[str]


class McpRequireApprovalMcpToolApprovalFilter(TypedDict, total=False):
    always: McpRequireApprovalMcpToolApprovalFilterAlways
    never: McpRequireApprovalMcpToolApprovalFilterNever


McpRequireApproval: TypeAlias = McpRequireApprovalMcpToolApprovalFilter | Literal["always", "never"]


class Mcp(TypedDict, total=False):
    server_label: Required[str]
    type: Required[Literal["mcp"]]
    allowed_callers: list[Literal["direct", "programmatic"]] | None
    allowed_tools: McpAllowedTools | None
    authorization: str
    connector_id: ConnectorId
    defer_loading: bool
    headers: dict[str, str] | None
    require_approval: McpRequireApproval | None
    server_description: str
    server_url: str
    tunnel_id: str


RealtimeToolsConfigUnionParam: TypeAlias = RealtimeFunctionToolParam | Mcp
