from ..._models import BaseModel

__all__ = ["FineTuningJobWandbIntegration"]


class FineTuningJobWandbIntegration(BaseModel):
    project: str
    entity: str | None = None
    name: str | None = None
    tags: list[str] | None = None
