from typing import Literal

from ..._models import BaseModel

__all__ = ["SupervisedHyperparameters"]


class SupervisedHyperparameters(BaseModel):
    batch_size: Literal["auto"] | int | None = None
    learning_rate_multiplier: Literal["auto"] | float | None = None
    n_epochs: Literal["auto"] | int | None = None
