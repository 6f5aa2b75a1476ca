from typing import Required, TypedDict

__all__ = ["UploadCompleteParams"]


class UploadCompleteParams(TypedDict, total=False):
    part_ids: Required[list[str]]
    """The parts, in the order their bytes make the file."""
    md5: str
