"""Input items as a ``Response`` echoes them back (in ``instructions`` when a prompt supplied them)."""

from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from ..._unions import member_tag, open_union
from .easy_input_message import EasyInputMessage
from .response_function_call_output_item_list import ResponseFunctionCallOutputItemList
from .response_function_tool_call import ResponseFunctionToolCall
from .response_input_content import ResponseInputMessageContentList
from .response_output_item import ResponseUnknownItem
from .response_output_message import ResponseOutputMessage
from .response_reasoning_item import ResponseReasoningItem

__all__ = [
    "EasyInputMessage",
    "FunctionCallOutput",
    "FunctionCallOutputCaller",
    "FunctionCallOutputCallerDirect",
    "FunctionCallOutputCallerProgram",
    "ItemReference",
    "Message",
    "ResponseInputItem",
]


class Message(BaseModel):
    content: ResponseInputMessageContentList
    role: Literal["user", "system", "developer"]
    status: Literal["in_progress", "completed", "incomplete"] | None = None
    type: Literal["message"] | None = None


class FunctionCallOutputCallerDirect(BaseModel):
    type: Literal["direct"]


class FunctionCallOutputCallerProgram(BaseModel):
    caller_id: str
    type: Literal["program"]


FunctionCallOutputCaller: TypeAlias = Annotated[
    FunctionCallOutputCallerDirect | FunctionCallOutputCallerProgram, Field(discriminator="type")
]


class FunctionCallOutput(BaseModel):
    output: str | ResponseFunctionCallOutputItemList
    type: Literal["function_call_output"]
    id: str | None = None
    call_id: str | None = None
    caller: FunctionCallOutputCaller | None = None
    name: str | None = None
    namespace: str | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None


class ItemReference(BaseModel):
    id: str
    type: Literal["item_reference"] | None = None


ResponseInputItem: TypeAlias = (
    EasyInputMessage | Message | ResponseOutputMessage | ResponseFunctionToolCall | FunctionCallOutput
    | ResponseReasoningItem | ItemReference
)

_EASY, _MESSAGE, _OUTPUT = member_tag(EasyInputMessage), member_tag(Message), member_tag(ResponseOutputMessage)
_REFERENCE = member_tag(ItemReference)


def _input_tag(value: Any) -> str | None:
    # Messages may omit `type`, and three shapes share "message": the role and the content decide.
    def get(key: str) -> Any:
        return value.get(key) if isinstance(value, dict) else getattr(value, key, None)

    kind = get("type")
    if kind not in (None, "message"):
        return None
    role = get("role")
    if role is None:
        return _REFERENCE if get("id") is not None else None
    if role == "assistant":
        return _OUTPUT if get("status") is not None and get("id") is not None else _EASY
    return _EASY if isinstance(get("content"), str) else _MESSAGE


if not TYPE_CHECKING:
    ResponseInputItem = open_union(ResponseInputItem, ResponseUnknownItem, tag_of=_input_tag)
