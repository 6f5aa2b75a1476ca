from ..shared.responses_model import ResponsesModel as ResponsesModel

__all__ = ["ResponsesModel"]
