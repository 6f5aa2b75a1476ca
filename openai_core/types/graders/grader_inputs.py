from typing import Literal, TypeAlias

from ..._models import BaseModel
from ..responses.response_input_audio import ResponseInputAudio
from ..responses.response_input_text import ResponseInputText

__all__ = ["GraderInputItem", "GraderInputItemInputImage", "GraderInputItemOutputText", "GraderInputs"]


class GraderInputItemOutputText(BaseModel):
    text: str
    type: Literal["output_text"]


class GraderInputItemInputImage(BaseModel):
    image_url: str
    type: Literal["input_image"]
    detail: str | None = None


GraderInputItem: TypeAlias = (
    str | ResponseInputText | GraderInputItemOutputText | GraderInputItemInputImage | ResponseInputAudio
)
GraderInputs: TypeAlias = list[GraderInputItem]
