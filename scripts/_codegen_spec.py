"""What the type generator reads and writes besides classes: the spec's ``$ref`` resolution, and the
small text helpers of the generated source (names, literals, docstrings, unions, import order)."""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["Spec", "docstring", "import_order", "lit", "pascal", "ref", "split_union"]


def pascal(name: str) -> str:
    parts = re.split(r"[^0-9A-Za-z]+", name)
    text = "".join(part[:1].upper() + part[1:] for part in parts if part)
    if not text or text[0].isdigit():
        text = "T" + text
    return text


class Spec:
    """The spec's schemas, with ``$ref`` resolution."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.schemas: dict[str, Any] = document["components"]["schemas"]

    def ref_name(self, schema: Any) -> str | None:
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        return ref.rsplit("/", 1)[1] if ref else None

    def resolve(self, schema: Any) -> Any:
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema:
            schema = self.schemas[schema["$ref"].rsplit("/", 1)[1]]
            seen += 1
            if seen > 20:
                raise ValueError("a $ref cycle")
        return schema

    def merged(self, schema: dict[str, Any]) -> dict[str, Any]:
        """An ``allOf`` folded into one object schema (properties and required lists joined)."""
        out: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        for part in schema["allOf"]:
            part = self.resolve(part)
            if "allOf" in part:
                part = self.merged(part)
            out["properties"].update(part.get("properties", {}))
            out["required"] += [r for r in part.get("required", []) if r not in out["required"]]
            if "description" in part and "description" not in out:
                out["description"] = part["description"]
        for key, value in schema.items():
            if key not in ("allOf", "properties", "required"):
                out.setdefault(key, value)
        return out


def ref(name: str) -> str:
    return f"#/components/schemas/{name}"


def import_order(module: str) -> tuple[int, str]:
    """isort's order for relative imports: farther packages first."""
    return (-(len(module) - len(module.lstrip("."))), module)


def split_union(text: str) -> list[str]:
    out, depth, current = [], 0, ""
    for char in text:
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        if char == "|" and depth == 0:
            out.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        out.append(current.strip())
    return out


def lit(value: object) -> str:
    """A literal in the house style (double quotes)."""
    return json.dumps(value) if isinstance(value, str) else repr(value)


def docstring(description: object) -> str:
    if not isinstance(description, str) or not description.strip():
        return ""
    first = description.strip().split("\n\n", 1)[0].replace("\n", " ").strip()
    first = first.replace("\\", "\\\\").replace('"""', "'''")
    if len(first) > 300:
        first = first[:297].rsplit(" ", 1)[0] + "..."
    if first.endswith('"'):
        first += " "
    return f'    """{first}"""\n'
