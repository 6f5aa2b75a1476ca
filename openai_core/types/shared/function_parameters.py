from typing import TypeAlias

__all__ = ["FunctionParameters"]

# A JSON Schema object describing a function's arguments.
FunctionParameters: TypeAlias = dict[str, object]
