from typing import TypeAlias

from .response_input_item_param import ResponseInputItemParam

__all__ = ["ResponseInputParam"]

ResponseInputParam: TypeAlias = list[ResponseInputItemParam]
