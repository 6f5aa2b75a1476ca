from typing import Required, TypedDict

__all__ = ["CallReferParams"]


class CallReferParams(TypedDict, total=False):
    target_uri: Required[str]
