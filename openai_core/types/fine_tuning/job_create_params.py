from collections.abc import Iterable, Sequence
from typing import Literal, Required, TypedDict

from ..shared_params.metadata import Metadata
from .dpo_method_param import DpoMethodParam
from .reinforcement_method_param import ReinforcementMethodParam
from .supervised_method_param import SupervisedMethodParam

__all__ = ["Hyperparameters", "Integration", "IntegrationWandb", "JobCreateParams", "Method"]


class Hyperparameters(TypedDict, total=False):
    """Deprecated in favour of ``method``."""

    batch_size: Literal["auto"] | int
    learning_rate_multiplier: Literal["auto"] | float
    n_epochs: Literal["auto"] | int


class IntegrationWandb(TypedDict, total=False):
    project: Required[str]
    entity: str | None
    name: str | None
    tags: Sequence[str]


class Integration(TypedDict, total=False):
    type: Required[Literal["wandb"]]
    wandb: Required[IntegrationWandb]


class Method(TypedDict, total=False):
    type: Required[Literal["supervised", "dpo", "reinforcement"]]
    dpo: DpoMethodParam
    reinforcement: ReinforcementMethodParam
    supervised: SupervisedMethodParam


class JobCreateParams(TypedDict, total=False):
    model: Required[str | Literal["babbage-002", "davinci-002", "gpt-3.5-turbo", "gpt-4o-mini"]]
    training_file: Required[str]
    hyperparameters: Hyperparameters
    integrations: Iterable[Integration] | None
    metadata: Metadata | None
    method: Method
    seed: int | None
    suffix: str | None
    validation_file: str | None
