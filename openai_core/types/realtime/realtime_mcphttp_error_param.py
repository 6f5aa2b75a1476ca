from typing import Literal, Required, TypedDict

__all__ = ["RealtimeMcphttpErrorParam"]


class RealtimeMcphttpErrorParam(TypedDict, total=False):
    code: Required[int]
    message: Required[str]
    type: Required[Literal["http_error"]]
