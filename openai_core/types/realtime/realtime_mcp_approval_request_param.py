from typing import Literal, Required, TypedDict

__all__ = ["RealtimeMcpApprovalRequestParam"]


class RealtimeMcpApprovalRequestParam(TypedDict, total=False):
    id: Required[str]
    arguments: Required[str]
    name: Required[str]
    server_label: Required[str]
    type: Required[Literal["mcp_approval_request"]]
