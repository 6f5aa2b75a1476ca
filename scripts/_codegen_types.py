"""OpenAPI schemas to Python source: pydantic response models and request-parameter TypedDicts.

A ``TypeModule`` collects the classes of one generated module. ``annotation(schema, hint)`` returns the
annotation for a schema, writing the classes it needs into the module on the way: an object schema
becomes a class named ``hint`` (the property it sits under, in PascalCase, as the official SDK names
them), a ``$ref`` listed in the naming table becomes an import of that type, any other ``$ref`` is
written inline like an object of its own. Unions are written out in the annotation; a recursive
schema refers to its class by name (every module has ``from __future__ import annotations``).
"""

from __future__ import annotations

import json
import keyword
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Spec", "TypeModule", "pascal"]

# Field names a pydantic model cannot carry as they are (they shadow BaseModel attributes).
_SHADOWING = {"schema", "json", "dict", "copy", "construct", "validate", "fields", "model_fields", "parse_obj",
              "model_config", "model_extra"}
_NULL = {"type": "null"}


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


@dataclass
class TypeModule:
    """One generated module of ``openai_core/types``."""

    spec: Spec
    module: str  # relative to openai_core.types, dotted
    params: bool  # TypedDicts (request) or models (response)
    refs: dict[str, str]  # the naming table's schema -> "module:Class" for this side
    blocks: list[str] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    exported: list[str] = field(default_factory=list)
    imports: dict[str, set[str]] = field(default_factory=dict)
    expanded: dict[str, str] = field(default_factory=dict)
    needed: set[str] = field(default_factory=set)  # "module:Class" of generated types this one imports
    _expanding: set[str] = field(default_factory=set)

    # -- names and imports -------------------------------------------------------------------------

    def _import(self, module: str, name: str) -> None:
        self.imports.setdefault(module, set()).add(name)

    def _relative(self, target: str) -> str:
        """``target`` (dotted, relative to openai_core.types) as a relative import from this module."""
        here = self.module.split(".")[:-1]
        there = target.split(".")
        common = 0
        while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
            common += 1
        dots = "." * (len(here) - common + 1)
        return dots + ".".join(there[common:])

    def _unique(self, name: str, parent: str) -> str:
        candidate = name
        if candidate in self.names and parent:
            candidate = parent + name
        n = 2
        base = candidate
        while candidate in self.names:
            candidate = f"{base}{n}"
            n += 1
        self.names.add(candidate)
        return candidate

    # -- annotations -------------------------------------------------------------------------------

    @property
    def anything(self) -> str:
        # A model may have a field named `object`, which would shadow the builtin in its class body.
        return "object" if self.params else "Any"

    def annotation(self, schema: Any, hint: str, parent: str = "") -> str:
        if schema is True or schema is None or schema == {}:
            return self.anything
        ref = self.spec.ref_name(schema)
        if ref is not None:
            return self._ref(ref, hint, parent)
        if "allOf" in schema:
            # `allOf: [{$ref}, {nullable: true}]` is how the spec marks a nullable reference.
            parts = [p for p in schema["allOf"] if not (isinstance(p, dict) and set(p) <= {"nullable", "description"})]
            if len(parts) == 1:
                text = self.annotation(parts[0], hint, parent)
                nullable = len(parts) < len(schema["allOf"]) and self._nullable(schema)
                return f"{text} | None" if nullable and "None" not in _split_union(text) else text
            return self._object(self.spec.merged(schema), hint, parent)
        for key in ("anyOf", "oneOf"):
            if key in schema:
                return self._union(schema[key], hint, parent)
        kind = schema.get("type")
        if isinstance(kind, list):
            members = [{**schema, "type": k} for k in kind if k != "null"]
            inner = self._union(members, hint, parent) if len(members) > 1 else self.annotation(members[0], hint,
                                                                                                parent)
            return f"{inner} | None" if "null" in kind else inner
        if "const" in schema:
            return f"Literal[{_lit(schema['const'])}]"
        if "enum" in schema:
            values = [v for v in schema["enum"] if v is not None]
            literal = f"Literal[{', '.join(_lit(v) for v in values)}]" if values else "None"
            return f"{literal} | None" if None in schema["enum"] and values else literal
        if kind == "string":
            if schema.get("format") == "binary" and self.params:
                return "FileTypes"
            return "str"
        if kind == "integer":
            return "int"
        if kind == "number":
            return "float"
        if kind == "boolean":
            return "bool"
        if kind == "null":
            return "None"
        if kind == "array":
            item = self.annotation(schema.get("items", {}), hint, parent)
            if self.params:
                return f"Sequence[{item}]"
            return f"list[{item}]"
        if kind == "object" or "properties" in schema:
            if schema.get("properties"):
                return self._object(schema, hint, parent)
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                return f"dict[str, {self.annotation(extra, hint, parent)}]"
            return f"dict[str, {self.anything}]"
        return self.anything

    def _ref(self, ref: str, hint: str, parent: str) -> str:
        mapped = self.refs.get(ref)
        if mapped is not None:
            written = mapped.startswith("!")
            module, _, name = mapped.lstrip("!").partition(":")
            if module == self.module:
                return name
            if not written:
                self.needed.add(f"{module}:{name}")
            self._import(self._relative(module), name)
            return name
        if ref in self.expanded:
            return self.expanded[ref]
        target = self.spec.resolve({"$ref": f"#/components/schemas/{ref}"})
        if "allOf" in target and len(target["allOf"]) > 1:
            target = self.spec.merged(target)
        if target.get("properties") and not any(k in target for k in ("anyOf", "oneOf")):
            return self._object(target, hint, parent, ref=ref)
        if ref in self._expanding:  # a recursive union: refer to it loosely
            return self.anything
        self._expanding.add(ref)
        try:
            return self.annotation(target, hint, parent)
        finally:
            self._expanding.discard(ref)

    def _union(self, members: list[Any], hint: str, parent: str) -> str:
        nullable = any(m == _NULL or (isinstance(m, dict) and m.get("type") == "null") for m in members)
        members = [m for m in members if not (m == _NULL or (isinstance(m, dict) and m.get("type") == "null"))]
        out: list[str] = []
        for index, member in enumerate(members):
            member_hint = hint
            if len(members) > 1:
                member_hint = hint + self._member_suffix(member, index)
            text = self.annotation(member, member_hint, parent)
            for piece in _split_union(text):
                if piece not in out:
                    out.append(piece)
        if not out:
            return "None"
        if self.anything in out:
            out = [self.anything]
        if nullable and "None" not in out:
            out.append("None")
        return " | ".join(out)

    def _member_suffix(self, member: Any, index: int) -> str:
        ref = self.spec.ref_name(member)
        target = self.spec.resolve(member)
        props = target.get("properties", {}) if isinstance(target, dict) else {}
        tag = props.get("type", {})
        if isinstance(tag, dict):
            value = tag.get("const") or (tag.get("enum") or [None])[0]
            if isinstance(value, str):
                return pascal(value)
        if isinstance(target, dict) and target.get("title"):
            return pascal(target["title"])
        if ref:
            return pascal(ref)
        return f"Variant{index}"

    # -- classes -----------------------------------------------------------------------------------

    def _object(self, schema: dict[str, Any], hint: str, parent: str, ref: str | None = None) -> str:
        name = self._unique(pascal(hint), parent)
        if ref is not None:
            self.expanded[ref] = name
        required = set(schema.get("required", []))
        lines: list[str] = []
        for prop, prop_schema in schema.get("properties", {}).items():
            lines.append(self._field(prop, prop_schema, prop in required, name))
        self.blocks.append(self._class(name, schema, lines))
        return name

    def _nullable(self, schema: Any, depth: int = 0) -> bool:
        if not isinstance(schema, dict) or depth > 10:
            return False
        if "$ref" in schema:
            return self._nullable(self.spec.resolve(schema), depth + 1)
        kind = schema.get("type")
        if kind == "null" or (isinstance(kind, list) and "null" in kind) or schema.get("nullable") is True:
            return True
        members = schema.get("anyOf", []) + schema.get("oneOf", []) + schema.get("allOf", [])
        return any(self._nullable(m, depth + 1) for m in members)

    def _field(self, prop: str, schema: Any, required: bool, owner: str) -> str:
        text = self.annotation(schema, pascal(prop), owner)
        nullable = "None" in _split_union(text)
        if not nullable and self._nullable(schema):
            text, nullable = f"{text} | None", True
        if self.params:
            if not prop.isidentifier() or keyword.iskeyword(prop):
                raise ValueError(f"{self.module}: parameter {prop!r} is not an identifier")
            return f"    {prop}: Required[{text}]" if required else f"    {prop}: {text}"
        attr = prop
        alias = None
        if not prop.isidentifier() or keyword.iskeyword(prop) or prop in _SHADOWING:
            attr = re.sub(r"\W", "_", prop) + ("_" if keyword.iskeyword(prop) or prop in _SHADOWING else "")
            alias = prop
        if isinstance(schema, dict) and schema.get("x-secret"):  # a secret never shows in a repr
            field_args = ([f"alias={_lit(alias)}"] if alias else []) + ["repr=False"]
            if not (required and not nullable):
                field_args.insert(0, "default=None")
                text = text if nullable else f"{text} | None"
            return f"    {attr}: {text} = Field({', '.join(field_args)})"
        if required and not nullable:
            default = f" = Field(alias={_lit(alias)})" if alias else ""
            return f"    {attr}: {text}{default}"
        if not nullable:
            text = f"{text} | None"
        default = f" = Field(default=None, alias={_lit(alias)})" if alias else " = None"
        return f"    {attr}: {text}{default}"

    def _class(self, name: str, schema: dict[str, Any], lines: list[str]) -> str:
        base = "TypedDict, total=False" if self.params else "BaseModel"
        doc = _docstring(schema.get("description"))
        body = ([doc] if doc else []) + (lines or ["    pass"] if not doc else lines)
        return f"class {name}({base}):\n" + "\n".join(body) + "\n"

    def primary(self, schema: Any, name: str) -> str:
        """The module's own type, named as the official SDK names it."""
        self.exported.append(name)
        resolved = self.spec.resolve(schema)
        if "allOf" in resolved and len(resolved["allOf"]) > 1:
            resolved = self.spec.merged(resolved)
        if resolved.get("properties") is not None or resolved.get("type") == "object":
            self._unique_exact(name)
            required = set(resolved.get("required", []))
            lines = [self._field(p, s, p in required, name) for p, s in resolved.get("properties", {}).items()]
            ref = self.spec.ref_name(schema)
            if ref:
                self.expanded[ref] = name
            self.blocks.append(self._class(name, resolved, lines))
            return name
        text = self.annotation(resolved, name)
        self._unique_exact(name)
        self.blocks.append(f"{name}: TypeAlias = {text}\n")
        return name

    def _unique_exact(self, name: str) -> None:
        if name in self.names:
            raise ValueError(f"{self.module}: {name} is taken by a nested type")
        self.names.add(name)

    # -- output ------------------------------------------------------------------------------------

    def render(self, header: str) -> str:
        body = "\n\n".join(self.blocks)
        # TypedDicts are evaluated eagerly: with string annotations Python 3.11 cannot see `Required[...]`,
        # so `__required_keys__` would be empty (nested classes are written before their users, so no
        # forward reference is needed).
        groups: list[list[str]] = [[] if self.params else ["from __future__ import annotations"]]
        stdlib = []
        abc = sorted(n for n in ("Sequence",) if re.search(rf"\b{n}\[", body))
        if abc:
            stdlib.append(f"from collections.abc import {', '.join(abc)}")
        typing_names = sorted(n for n in ("Any", "Literal", "Required", "TypeAlias", "TypedDict")
                              if re.search(rf"(: |\[|, |\| |\(|= ){n}\b", body))
        if typing_names:
            stdlib.append(f"from typing import {', '.join(typing_names)}")
        groups.append(stdlib)
        groups.append(["from pydantic import Field"] if re.search(r"\bField\(", body) else [])
        local = []
        if not self.params and "(BaseModel)" in body:
            local.append(self._models_import())
        if "FileTypes" in body:
            local.append(self._files_import())
        for module in sorted(self.imports, key=_import_order):
            local.append(f"from {module} import {', '.join(sorted(self.imports[module]))}")
        groups.append(sorted(local, key=lambda line: _import_order(line.split()[1])))
        imports = "\n\n".join("\n".join(group) for group in groups if group)
        exported = ", ".join(f'"{n}"' for n in self.exported)
        return f"{header}\n{imports}\n\n__all__ = [{exported}]\n\n\n{body}"

    def _depth(self) -> int:
        return len(self.module.split("."))  # types.x -> 1 package level below openai_core.types

    def _models_import(self) -> str:
        return f"from {'.' * (self._depth() + 1)}_models import BaseModel"

    def _files_import(self) -> str:
        return f"from {'.' * (self._depth() + 1)}_files import FileTypes"


def _import_order(module: str) -> tuple[int, str]:
    """isort's order for relative imports: farther packages first."""
    return (-(len(module) - len(module.lstrip("."))), module)


def _split_union(text: str) -> list[str]:
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


def _lit(value: object) -> str:
    """A literal in the house style (double quotes)."""
    return json.dumps(value) if isinstance(value, str) else repr(value)


def _docstring(description: object) -> str:
    if not isinstance(description, str) or not description.strip():
        return ""
    first = description.strip().split("\n\n", 1)[0].replace("\n", " ").strip()
    first = first.replace("\\", "\\\\").replace('"""', "'''")
    if len(first) > 300:
        first = first[:297].rsplit(" ", 1)[0] + "..."
    if first.endswith('"'):
        first += " "
    return f'    """{first}"""\n'
