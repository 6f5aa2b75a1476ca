from typing import TypeAlias

from .realtime_function_tool_param import RealtimeFunctionToolParam
from .realtime_tools_config_union_param import (
    Mcp,
    McpAllowedTools,
    McpAllowedToolsMcpToolFilter,
    McpRequireApproval,
    McpRequireApprovalMcpToolApprovalFilter,
    McpRequireApprovalMcpToolApprovalFilterAlways,
    McpRequireApprovalMcpToolApprovalFilterNever,
)

# The MCP tool's parts are declared once, in realtime_tools_config_union_param, and named here too.
__all__ = [
    "Mcp",
    "McpAllowedTools",
    "McpAllowedToolsMcpToolFilter",
    "McpRequireApproval",
    "McpRequireApprovalMcpToolApprovalFilter",
    "McpRequireApprovalMcpToolApprovalFilterAlways",
    "McpRequireApprovalMcpToolApprovalFilterNever",
    "RealtimeToolsConfigParam",
    "RealtimeToolsConfigUnionParam",
]

RealtimeToolsConfigUnionParam: TypeAlias = RealtimeFunctionToolParam | Mcp
RealtimeToolsConfigParam: TypeAlias = list[RealtimeToolsConfigUnionParam]
