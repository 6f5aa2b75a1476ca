from typing import Literal, TypeAlias

from ..._models import BaseModel
from .comparison_filter import ComparisonFilter

__all__ = ["CompoundFilter", "Filter"]

# Filters nest: a member that is not a comparison (a compound filter) is kept as sent.
Filter: TypeAlias = ComparisonFilter | object


class CompoundFilter(BaseModel):
    filters: list[Filter]
    type: Literal["and", "or"]
