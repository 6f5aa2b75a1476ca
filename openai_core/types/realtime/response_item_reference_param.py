from typing import Literal, Required, TypedDict

__all__ = ["ResponseItemReferenceParam"]


class ResponseItemReferenceParam(TypedDict, total=False):
    id: Required[str]
    type: Required[Literal["item_reference"]]
