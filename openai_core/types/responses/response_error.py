from ..._models import BaseModel

__all__ = ["Misalignment", "MisalignmentSteer", "ResponseError"]


class MisalignmentSteer(BaseModel):
    message: str


class Misalignment(BaseModel):
    detailed_explanation: str | None = None
    error_type: str | None = None
    review_target: str | None = None
    steer: MisalignmentSteer | None = None


class ResponseError(BaseModel):
    # The documented codes are an open-ended list ("server_error", "rate_limit_exceeded", ...).
    code: str
    message: str
    misalignment: Misalignment | None = None
    param: str | None = None
    type: str | None = None
