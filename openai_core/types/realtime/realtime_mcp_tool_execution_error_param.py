from typing import Literal, Required, TypedDict

__all__ = ["RealtimeMcpToolExecutionErrorParam"]


class RealtimeMcpToolExecutionErrorParam(TypedDict, total=False):
    message: Required[str]
    type: Required[Literal["tool_execution_error"]]
