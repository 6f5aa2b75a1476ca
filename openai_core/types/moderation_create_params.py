from collections.abc import Iterable, Sequence
from typing import Required, TypedDict

from .moderation_model import ModerationModel
from .moderation_multi_modal_input_param import ModerationMultiModalInputParam

__all__ = ["ModerationCreateParams"]


class ModerationCreateParams(TypedDict, total=False):
    # A string, a list of strings, or a list of text / image_url parts (omni models).
    input: Required[str | Sequence[str] | Iterable[ModerationMultiModalInputParam]]
    model: str | ModerationModel
