from typing import Literal, Required, TypeAlias, TypedDict

from .realtime_mcp_protocol_error_param import RealtimeMcpProtocolErrorParam
from .realtime_mcp_tool_execution_error_param import RealtimeMcpToolExecutionErrorParam
from .realtime_mcphttp_error_param import RealtimeMcphttpErrorParam

__all__ = ["Error", "RealtimeMcpToolCallParam"]

Error: TypeAlias = RealtimeMcpProtocolErrorParam | RealtimeMcpToolExecutionErrorParam | RealtimeMcphttpErrorParam


class RealtimeMcpToolCallParam(TypedDict, total=False):
    id: Required[str]
    arguments: Required[str]
    name: Required[str]
    server_label: Required[str]
    type: Required[Literal["mcp_call"]]
    approval_request_id: str | None
    error: Error | None
    output: str | None
