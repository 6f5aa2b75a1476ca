from typing import Literal, TypedDict

__all__ = ["ReinforcementHyperparametersParam"]


class ReinforcementHyperparametersParam(TypedDict, total=False):
    batch_size: Literal["auto"] | int
    compute_multiplier: Literal["auto"] | float
    eval_interval: Literal["auto"] | int
    eval_samples: Literal["auto"] | int
    learning_rate_multiplier: Literal["auto"] | float
    n_epochs: Literal["auto"] | int
    reasoning_effort: Literal["default", "low", "medium", "high"]
