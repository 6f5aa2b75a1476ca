from typing import Literal, Required, TypedDict

__all__ = ["RealtimeMcpApprovalResponseParam"]


class RealtimeMcpApprovalResponseParam(TypedDict, total=False):
    id: Required[str]
    approval_request_id: Required[str]
    approve: Required[bool]
    type: Required[Literal["mcp_approval_response"]]
    reason: str | None
