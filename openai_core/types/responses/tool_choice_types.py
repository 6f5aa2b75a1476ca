from ..._models import BaseModel

__all__ = ["ToolChoiceTypes"]


class ToolChoiceTypes(BaseModel):
    """A built-in tool forced by type (``{"type": "web_search_preview"}``...)."""

    # The documented types are a list that grows with the built-in tools: any is accepted.
    type: str
