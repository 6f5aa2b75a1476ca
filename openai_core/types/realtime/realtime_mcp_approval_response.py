from typing import Literal

from ..._models import BaseModel

__all__ = ["RealtimeMcpApprovalResponse"]


class RealtimeMcpApprovalResponse(BaseModel):
    id: str
    approval_request_id: str
    approve: bool
    type: Literal["mcp_approval_response"]
    reason: str | None = None
