from typing import TypeAlias

__all__ = ["FileContent"]

FileContent: TypeAlias = str
