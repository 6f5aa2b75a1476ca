"""Helpers above the generated-style API surface: structured-output parsing (``chat.completions.parse``,
``pydantic_function_tool``) and the chat-completion stream helper (``chat.completions.stream``)."""
