"""A computer-use call among a response's output items.

``action`` (a single action, the older shape) has classes of its own in the official SDK, with the same
fields as the ``computer_action`` ones ``actions`` holds: here they are subclasses of those, so each
class pairs with its official namesake and the fields are declared once.
"""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .computer_action import (
    Click,
    DoubleClick,
    Drag,
    DragPath,
    Keypress,
    Move,
    Screenshot,
    Scroll,
    Type,
    Wait,
)
from .computer_action_list import ComputerActionList

__all__ = [
    "Action",
    "ActionClick",
    "ActionDoubleClick",
    "ActionDrag",
    "ActionDragPath",
    "ActionKeypress",
    "ActionMove",
    "ActionScreenshot",
    "ActionScroll",
    "ActionType",
    "ActionWait",
    "PendingSafetyCheck",
    "ResponseComputerToolCall",
]


class PendingSafetyCheck(BaseModel):
    id: str
    code: str | None = None
    message: str | None = None


class ActionClick(Click):
    pass


class ActionDoubleClick(DoubleClick):
    pass


class ActionDragPath(DragPath):
    pass


class ActionDrag(Drag):
    path: list[ActionDragPath]  # type: ignore[assignment]  # the same shape under the official class name


class ActionKeypress(Keypress):
    pass


class ActionMove(Move):
    pass


class ActionScreenshot(Screenshot):
    pass


class ActionScroll(Scroll):
    pass


class ActionType(Type):
    pass


class ActionWait(Wait):
    pass


Action: TypeAlias = Annotated[
    ActionClick
    | ActionDoubleClick
    | ActionDrag
    | ActionKeypress
    | ActionMove
    | ActionScreenshot
    | ActionScroll
    | ActionType
    | ActionWait,
    Field(discriminator="type"),
]


class ResponseComputerToolCall(BaseModel):
    id: str
    type: Literal["computer_call"]
    call_id: str | None = None
    pending_safety_checks: list[PendingSafetyCheck] | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None
    action: Action | None = None
    actions: ComputerActionList | None = None
