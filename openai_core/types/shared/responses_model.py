from typing import TypeAlias

__all__ = ["ResponsesModel"]

# Any model name, as for chat: the official list changes often and compatible servers have their own.
ResponsesModel: TypeAlias = str
