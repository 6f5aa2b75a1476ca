from ..._models import BaseModel
from .reinforcement_hyperparameters import ReinforcementHyperparameters

__all__ = ["ReinforcementMethod"]


class ReinforcementMethod(BaseModel):
    grader: dict[str, object]
    """The grader definition (string_check, text_similarity, python, score_model or multi), kept as
    the JSON object the API returned."""
    hyperparameters: ReinforcementHyperparameters | None = None
