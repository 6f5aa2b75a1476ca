from typing import Literal, Required, TypedDict

__all__ = ["ResponseFormatTextJSONSchemaConfigParam"]


class ResponseFormatTextJSONSchemaConfigParam(TypedDict, total=False):
    name: Required[str]
    schema: Required[dict[str, object]]
    type: Required[Literal["json_schema"]]
    description: str
    strict: bool | None
