from typing import Required, TypedDict

from .reinforcement_hyperparameters_param import ReinforcementHyperparametersParam

__all__ = ["ReinforcementMethodParam"]


class ReinforcementMethodParam(TypedDict, total=False):
    grader: Required[dict[str, object]]
    """A grader definition as the API documents it, e.g.
    ``{"type": "string_check", "name": "exact", "input": "{{sample.output_text}}",
    "reference": "{{item.answer}}", "operation": "eq"}``."""
    hyperparameters: ReinforcementHyperparametersParam
