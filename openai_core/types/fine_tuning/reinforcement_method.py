from typing import Annotated, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from ..graders.multi_grader import MultiGrader
from ..graders.python_grader import PythonGrader
from ..graders.score_model_grader import ScoreModelGrader
from ..graders.string_check_grader import StringCheckGrader
from ..graders.text_similarity_grader import TextSimilarityGrader
from .reinforcement_hyperparameters import ReinforcementHyperparameters

__all__ = ["Grader", "ReinforcementMethod"]

Grader: TypeAlias = Annotated[
    StringCheckGrader | TextSimilarityGrader | PythonGrader | ScoreModelGrader | MultiGrader,
    Field(discriminator="type"),
]


class ReinforcementMethod(BaseModel):
    grader: Grader
    hyperparameters: ReinforcementHyperparameters | None = None
