from typing import Literal

from pydantic import Field

from ..._models import BaseModel

__all__ = ["JSONSchema", "ResponseFormatJSONSchema"]


class JSONSchema(BaseModel):
    name: str
    description: str | None = None
    # ``schema`` would shadow a pydantic.BaseModel method, hence the alias.
    schema_: dict[str, object] | None = Field(default=None, alias="schema")
    strict: bool | None = None


class ResponseFormatJSONSchema(BaseModel):
    json_schema: JSONSchema
    type: Literal["json_schema"]
