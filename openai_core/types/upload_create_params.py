from typing import Literal, Required, TypedDict

from .file_purpose import FilePurpose

__all__ = ["ExpiresAfter", "UploadCreateParams"]


class ExpiresAfter(TypedDict, total=False):
    anchor: Required[Literal["created_at"]]
    seconds: Required[int]


class UploadCreateParams(TypedDict, total=False):
    bytes: Required[int]
    filename: Required[str]
    mime_type: Required[str]
    purpose: Required[FilePurpose]
    expires_after: ExpiresAfter
