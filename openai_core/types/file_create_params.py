from typing import Literal, Required, TypedDict

from .._files import FileTypes
from .file_purpose import FilePurpose

__all__ = ["ExpiresAfter", "FileCreateParams"]


class ExpiresAfter(TypedDict, total=False):
    anchor: Required[Literal["created_at"]]
    seconds: Required[int]


class FileCreateParams(TypedDict, total=False):
    # A path, bytes, a binary file object, or (filename, content[, content_type[, headers]]).
    file: Required[FileTypes]
    purpose: Required[FilePurpose]
    expires_after: ExpiresAfter
