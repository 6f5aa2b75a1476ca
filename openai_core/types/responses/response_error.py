from ..._models import BaseModel

__all__ = ["ResponseError"]


class ResponseError(BaseModel):
    # The documented codes are an open-ended list ("server_error", "rate_limit_exceeded", ...).
    code: str
    message: str
