from typing import Literal, TypeAlias

__all__ = ["FilePurpose"]

# What an uploaded file is for (the `purpose` of files.create).
FilePurpose: TypeAlias = Literal["assistants", "batch", "fine-tune", "vision", "user_data", "evals"]
