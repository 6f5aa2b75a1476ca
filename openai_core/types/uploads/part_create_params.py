from typing import Required, TypedDict

from ..._files import FileTypes

__all__ = ["PartCreateParams"]


class PartCreateParams(TypedDict, total=False):
    data: Required[FileTypes]
    """Up to 64 MB of the file (a path, bytes, a file object or a tuple, as ``files.create`` takes)."""
