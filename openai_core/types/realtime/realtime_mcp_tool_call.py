from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .realtime_mcp_protocol_error import RealtimeMcpProtocolError
from .realtime_mcp_tool_execution_error import RealtimeMcpToolExecutionError
from .realtime_mcphttp_error import RealtimeMcphttpError

__all__ = ["Error", "RealtimeMcpToolCall"]

Error: TypeAlias = (
    Annotated[
        RealtimeMcpProtocolError | RealtimeMcpToolExecutionError | RealtimeMcphttpError, Field(discriminator="type")
    ]
    | None
)


class RealtimeMcpToolCall(BaseModel):
    id: str
    arguments: str
    name: str
    server_label: str
    type: Literal["mcp_call"]
    approval_request_id: str | None = None
    error: Error = None
    output: str | None = None
