from typing import Literal

from ..._models import BaseModel

__all__ = ["RealtimeMcpApprovalRequest"]


class RealtimeMcpApprovalRequest(BaseModel):
    id: str
    arguments: str
    name: str
    server_label: str
    type: Literal["mcp_approval_request"]
