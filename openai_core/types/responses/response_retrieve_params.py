from typing import Literal, Required, TypeAlias, TypedDict

from .response_includable import ResponseIncludable

__all__ = ["ResponseRetrieveParams", "ResponseRetrieveParamsBase", "ResponseRetrieveParamsNonStreaming",
           "ResponseRetrieveParamsStreaming"]


class ResponseRetrieveParamsBase(TypedDict, total=False):
    include: list[ResponseIncludable]
    include_obfuscation: bool
    starting_after: int


class ResponseRetrieveParamsNonStreaming(ResponseRetrieveParamsBase, total=False):
    stream: Literal[False]


class ResponseRetrieveParamsStreaming(ResponseRetrieveParamsBase):
    stream: Required[Literal[True]]


ResponseRetrieveParams: TypeAlias = ResponseRetrieveParamsNonStreaming | ResponseRetrieveParamsStreaming
