from typing import TypeAlias

__all__ = ["Metadata"]

# Up to 16 string key/value pairs attached to an object.
Metadata: TypeAlias = dict[str, str]
