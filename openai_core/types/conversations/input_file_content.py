"""``InputFileContent``: the conversations name of the Responses API's ``ResponseInputFile`` (the same class)."""

from ..responses.response_input_file import ResponseInputFile

__all__ = ["InputFileContent"]

InputFileContent = ResponseInputFile
