"""Pydantic models to the *strict* JSON schema that structured outputs require.

The API accepts a schema in strict mode only when every object lists all its properties as required and
forbids others (``additionalProperties: false``), and when a ``$ref`` stands alone. Pydantic's own schema
differs on exactly those points (optional fields are not required, ``$ref`` can carry a description next
to it, a ``None`` default is spelled out), so this module rewrites it. The rewrite must give the same
schema as the official SDK for the same model: the server caches and validates by schema, and
``tests/test_chat_helpers.py`` compares the two.
"""

from __future__ import annotations

import inspect
from typing import Any, TypeGuard

import pydantic

__all__ = ["is_basemodel_type", "is_dataclass_like_type", "to_strict_json_schema"]


def is_basemodel_type(value: object) -> TypeGuard[type[pydantic.BaseModel]]:
    return inspect.isclass(value) and issubclass(value, pydantic.BaseModel)


def is_dataclass_like_type(value: object) -> bool:
    """A ``@pydantic.dataclasses.dataclass`` (or anything else pydantic configured)."""
    return hasattr(value, "__pydantic_config__")


def to_strict_json_schema(model: type[pydantic.BaseModel] | pydantic.TypeAdapter[Any]) -> dict[str, Any]:
    """The strict-mode JSON schema of a model class (or of the type a ``TypeAdapter`` wraps)."""
    if is_basemodel_type(model):
        schema = model.model_json_schema()
    elif isinstance(model, pydantic.TypeAdapter):
        schema = model.json_schema()
    else:
        raise TypeError(f"cannot derive a JSON schema from {model!r}: pass a pydantic model class")
    return _strict(schema, root=schema, path="#")


def _strict(schema: object, *, root: dict[str, Any], path: str) -> dict[str, Any]:
    """``schema`` made strict, in place (it is a fresh dict from pydantic, owned by us)."""
    if not isinstance(schema, dict):
        raise TypeError(f"expected a JSON schema object at {path}, got {schema!r}")

    for container in ("$defs", "definitions"):
        defs = schema.get(container)
        if isinstance(defs, dict):
            for name, sub in defs.items():
                _strict(sub, root=root, path=f"{path}/{container}/{name}")

    if schema.get("type") == "object" and "additionalProperties" not in schema:
        schema["additionalProperties"] = False

    properties = schema.get("properties")
    if isinstance(properties, dict):
        schema["required"] = list(properties)
        schema["properties"] = {
            name: _strict(sub, root=root, path=f"{path}/properties/{name}") for name, sub in properties.items()
        }

    items = schema.get("items")
    if isinstance(items, dict):
        schema["items"] = _strict(items, root=root, path=f"{path}/items")

    any_of = schema.get("anyOf")
    if isinstance(any_of, list):
        schema["anyOf"] = [_strict(sub, root=root, path=f"{path}/anyOf/{i}") for i, sub in enumerate(any_of)]

    all_of = schema.get("allOf")
    if isinstance(all_of, list):
        if len(all_of) == 1:
            # A lone allOf is how pydantic attaches a description to a $ref: fold it into this schema.
            schema.update(_strict(all_of[0], root=root, path=f"{path}/allOf/0"))
            del schema["allOf"]
        else:
            schema["allOf"] = [_strict(sub, root=root, path=f"{path}/allOf/{i}") for i, sub in enumerate(all_of)]

    # A field defaulting to None is already nullable in the schema; strict mode rejects the default.
    if "default" in schema and schema["default"] is None:
        del schema["default"]

    ref = schema.get("$ref")
    if isinstance(ref, str) and len(schema) > 1:
        # Strict mode refuses a $ref with siblings (e.g. a description): inline the target, the
        # siblings winning, then make the result strict too (the target may lack its own fixes).
        target = _resolve(root, ref)
        merged = {**target, **schema}
        del merged["$ref"]
        schema.clear()
        schema.update(merged)
        return _strict(schema, root=root, path=path)
    return schema


def _resolve(root: dict[str, Any], ref: str) -> dict[str, Any]:
    if not ref.startswith("#/"):
        raise ValueError(f"unsupported $ref {ref!r}: only local references (#/...) can be inlined")
    node: dict[str, Any] = root
    for key in ref[2:].split("/"):
        child = node[key]
        if not isinstance(child, dict):
            raise ValueError(f"$ref {ref!r} does not point at a schema object")
        node = child
    return node
