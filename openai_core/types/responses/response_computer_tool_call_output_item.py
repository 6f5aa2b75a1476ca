from typing import Literal

from ..._models import BaseModel
from .response_computer_tool_call_output_screenshot import ResponseComputerToolCallOutputScreenshot

__all__ = ["AcknowledgedSafetyCheck", "ResponseComputerToolCallOutputItem"]


class AcknowledgedSafetyCheck(BaseModel):
    id: str
    code: str | None = None
    message: str | None = None


class ResponseComputerToolCallOutputItem(BaseModel):
    id: str
    call_id: str
    type: Literal["computer_call_output"]
    output: ResponseComputerToolCallOutputScreenshot | None = None
    status: Literal["completed", "incomplete", "failed", "in_progress"] | None = None
    acknowledged_safety_checks: list[AcknowledgedSafetyCheck] | None = None
    created_by: str | None = None
