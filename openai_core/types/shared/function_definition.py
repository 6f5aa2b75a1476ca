from ..._models import BaseModel
from .function_parameters import FunctionParameters

__all__ = ["FunctionDefinition"]


class FunctionDefinition(BaseModel):
    name: str
    description: str | None = None
    parameters: FunctionParameters | None = None
    strict: bool | None = None
