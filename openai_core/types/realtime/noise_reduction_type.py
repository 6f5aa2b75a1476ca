from typing import Literal, TypeAlias

__all__ = ["NoiseReductionType"]

NoiseReductionType: TypeAlias = Literal["near_field", "far_field"]
