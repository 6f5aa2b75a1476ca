"""Turning chat completions into parsed chat completions (structured outputs and strict tools)."""

from ._completions import ResponseFormatT as ResponseFormatT
from ._completions import get_input_tool_by_name as get_input_tool_by_name
from ._completions import has_parseable_input as has_parseable_input
from ._completions import has_rich_response_format as has_rich_response_format
from ._completions import maybe_parse_content as maybe_parse_content
from ._completions import parse_chat_completion as parse_chat_completion
from ._completions import parse_function_tool_arguments as parse_function_tool_arguments
from ._completions import type_to_response_format_param as type_to_response_format_param
from ._completions import validate_input_tools as validate_input_tools
