from typing import Literal, TypeAlias

from ..._models import BaseModel
from ..shared.comparison_filter import ComparisonFilter
from ..shared.compound_filter import CompoundFilter

__all__ = ["FileSearchTool", "Filters", "RankingOptions", "RankingOptionsHybridSearch"]

Filters: TypeAlias = ComparisonFilter | CompoundFilter | None


class RankingOptionsHybridSearch(BaseModel):
    embedding_weight: float
    text_weight: float


class RankingOptions(BaseModel):
    hybrid_search: RankingOptionsHybridSearch | None = None
    ranker: Literal["auto", "default-2024-11-15"] | None = None
    score_threshold: float | None = None


class FileSearchTool(BaseModel):
    type: Literal["file_search"]
    vector_store_ids: list[str] | None = None
    filters: Filters = None
    max_num_results: int | None = None
    ranking_options: RankingOptions | None = None
