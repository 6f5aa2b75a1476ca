from .._models import BaseModel

__all__ = ["BatchError"]


class BatchError(BaseModel):
    code: str | None = None
    line: int | None = None
    message: str | None = None
    param: str | None = None
