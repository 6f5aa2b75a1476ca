from ..._models import BaseModel

__all__ = ["LogProbProperties"]


class LogProbProperties(BaseModel):
    token: str
    bytes: list[int]
    logprob: float
