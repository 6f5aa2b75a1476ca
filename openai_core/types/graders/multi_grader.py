from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .label_model_grader import LabelModelGrader
from .python_grader import PythonGrader
from .score_model_grader import ScoreModelGrader
from .string_check_grader import StringCheckGrader
from .text_similarity_grader import TextSimilarityGrader

__all__ = ["Graders", "MultiGrader"]

Graders: TypeAlias = Annotated[
    StringCheckGrader | TextSimilarityGrader | PythonGrader | ScoreModelGrader | LabelModelGrader,
    Field(discriminator="type"),
]


class MultiGrader(BaseModel):
    calculate_output: str
    graders: Graders
    name: str
    type: Literal["multi"]
