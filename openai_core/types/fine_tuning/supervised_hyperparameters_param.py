from typing import Literal, TypedDict

__all__ = ["SupervisedHyperparametersParam"]


class SupervisedHyperparametersParam(TypedDict, total=False):
    batch_size: Literal["auto"] | int
    learning_rate_multiplier: Literal["auto"] | float
    n_epochs: Literal["auto"] | int
