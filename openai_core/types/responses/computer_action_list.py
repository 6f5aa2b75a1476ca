from typing import TypeAlias

from .computer_action import ComputerAction

__all__ = ["ComputerAction", "ComputerActionList"]

ComputerActionList: TypeAlias = list[ComputerAction]
