from typing import Literal, TypedDict

__all__ = ["DpoHyperparametersParam"]


class DpoHyperparametersParam(TypedDict, total=False):
    batch_size: Literal["auto"] | int
    beta: Literal["auto"] | float
    learning_rate_multiplier: Literal["auto"] | float
    n_epochs: Literal["auto"] | int
