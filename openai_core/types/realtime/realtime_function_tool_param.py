from typing import Literal, TypedDict

__all__ = ["RealtimeFunctionToolParam"]


class RealtimeFunctionToolParam(TypedDict, total=False):
    description: str
    name: str
    parameters: object
    type: Literal["function"]
