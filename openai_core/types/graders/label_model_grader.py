from typing import Literal, TypeAlias

from ..._models import BaseModel
from ..responses.response_input_audio import ResponseInputAudio
from ..responses.response_input_text import ResponseInputText
from .grader_inputs import GraderInputs

__all__ = [
    "Input",
    "InputContent",
    "InputContentInputImage",
    "InputContentOutputText",
    "LabelModelGrader",
]


class InputContentOutputText(BaseModel):
    text: str
    type: Literal["output_text"]


class InputContentInputImage(BaseModel):
    image_url: str
    type: Literal["input_image"]
    detail: str | None = None


InputContent: TypeAlias = (
    str | ResponseInputText | InputContentOutputText | InputContentInputImage | ResponseInputAudio | GraderInputs
)


class Input(BaseModel):
    content: InputContent
    role: Literal["user", "assistant", "system", "developer"]
    type: Literal["message"] | None = None


class LabelModelGrader(BaseModel):
    input: list[Input]
    labels: list[str]
    model: str
    name: str
    passing_labels: list[str]
    type: Literal["label_model"]
