"""Write an OpenAPI supplement once from the pinned official SDK's types, for a set of operations the spec of
2026-08-21 lacks, in the spec's own form, so the generator makes their types as it makes every other's:

- ``admin``: the organization admin API's newer operations (external keys and storage, workload identity
  providers, service tier settings, ...) -> ``scripts/openapi_supplement_admin.yaml``;
- ``agents``: the whole ``client.beta.agents`` Agents API (agents, sessions, environments, automations,
  vaults) -> ``scripts/openapi_supplement_agents.yaml``; its methods are read from the official resource
  classes as ``derive_beta_table.py`` reads them.
 Each operation's request and response schemas are the JSON schemas pydantic gives for
the official params ``TypedDict`` and result model; the generator still takes class names from the
official SDK (``_codegen_official.py``). Rerun only for a new official release, and review the diff.

    python scripts/derive_supplement.py admin > scripts/openapi_supplement_admin.yaml
    python scripts/derive_supplement.py agents > scripts/openapi_supplement_agents.yaml
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import re
import sys
import typing
from pathlib import Path
from typing import Any, NamedTuple

import pydantic
import typing_extensions
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import api_table  # noqa: F401  (api_table_admin is imported through it)
from api_table_admin import _OFFICIAL, NOT_IN_SPEC


class _Operation(NamedTuple):
    """What the supplement needs of one official method (``api_table.Method`` has these fields too)."""

    qualname: str
    route: str
    returns: str | None
    params: str | None
    page: str | None
    stream: str | None = None  # the event type of a streamed answer ("module:Name")
    header_params: tuple[tuple[str, str], ...] = ()  # (parameter, header) sent as a header, not in the body


def _admin_operations() -> list[Any]:
    return [m for m in _OFFICIAL if not api_table_admin_in_spec(m.qualname)]


def _agents_operations() -> list[Any]:
    import derive_beta_table as beta

    out: list[Any] = []
    for dotted, cls, module in beta._resource_classes():
        if not (dotted + ".").startswith("beta.agents."):
            continue
        tree = ast.parse(Path(inspect.getfile(cls)).read_text())
        node = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls.__name__)
        seen = {item.name: item for item in node.body if isinstance(item, ast.AsyncFunctionDef | ast.FunctionDef)
                and not item.name.startswith("_")
                and not any(ast.unparse(d) in ("property", "cached_property") for d in item.decorator_list)}
        for name, fn in seen.items():
            qualname = f"{dotted}.{name}"
            facts = beta._method_facts(fn, module)
            if facts is None or qualname in beta._NOT_GENERATED:
                continue  # a helper: no operation of its own here
            out.append(_Operation(qualname, f"{facts['verb']} {facts['path']}", facts["returns"], facts["params"],
                                  facts["page"], facts.get("stream"), facts.get("header_params", ())))
    return out


_SETS = {"admin": ("Admin", "admin.", _admin_operations, "the admin operations the"),
         "agents": ("Agents", "beta.agents.", _agents_operations, "the beta.agents operations the")}

_DROPPED = {"title", "default", "additionalProperties"}


def _official(ref: str) -> Any:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module("openai.types." + module), name)


def _clean(schema: Any, prefix: str, names: bool = False) -> Any:
    """The schema without pydantic's titles and defaults, its ``$defs`` refs renamed under ``prefix``
    (``names``: ``schema`` maps property names, which are kept whatever they are)."""
    if isinstance(schema, list):
        return [_clean(item, prefix) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if names:
        return {key: _clean(value, prefix) for key, value in schema.items()}
    out = {}
    for key, value in schema.items():
        if key == "properties":
            out[key] = _clean(value, prefix, names=True)
            continue
        if key == "$ref":
            out[key] = "#/components/schemas/" + prefix + value.rpartition("/")[2]
        elif key == "additionalProperties" and isinstance(value, dict):
            out[key] = _clean(value, prefix)  # a map's value type is kept; `true` on models is dropped
        elif key not in _DROPPED and key != "$defs":
            out[key] = _clean(value, prefix)
    return out


def _wire_names(tp: Any) -> dict[str, dict[str, str]]:
    """{TypedDict class name: {python key: wire key}} for every TypedDict reachable from ``tp`` whose keys the
    official SDK renames on the way out (``async_: Annotated[..., PropertyInfo(alias="async")]``): pydantic
    does not know the official ``PropertyInfo``, so its schema would name the key as Python spells it."""
    found: dict[str, dict[str, str]] = {}
    seen: set[int] = set()

    def walk(node: Any) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        if typing_extensions.is_typeddict(node):
            renames = {}
            for key, hint in typing.get_type_hints(node, include_extras=True).items():
                for meta in getattr(hint, "__metadata__", ()):
                    alias = getattr(meta, "alias", None)
                    if type(meta).__name__ == "PropertyInfo" and isinstance(alias, str) and alias != key:
                        renames[key] = alias
                walk(hint)
            if renames:
                found[node.__name__] = renames
            return
        for arg in typing.get_args(node):
            walk(arg)

    walk(tp)
    return found


def _rename_keys(schema: dict[str, Any], renames: dict[str, str]) -> None:
    """The wire's key in the object schema, with the Python key the official SDK takes as ``x-python-name``."""
    props = schema.get("properties", {})
    schema["properties"] = {renames.get(k, k): ({**v, "x-python-name": k} if k in renames else v)
                            for k, v in props.items()}
    if "required" in schema:
        schema["required"] = [renames.get(k, k) for k in schema["required"]]


def _schema(tp: Any, prefix: str, components: dict[str, Any]) -> dict[str, Any]:
    raw = pydantic.TypeAdapter(tp).json_schema(ref_template="#/$defs/{model}")
    wire = _wire_names(tp)
    for name, definition in raw.get("$defs", {}).items():
        components[prefix + name] = _clean(definition, prefix)
        if name in wire:
            _rename_keys(components[prefix + name], wire[name])
    out = _clean(raw, prefix)
    for member in out.get("anyOf", [out]):
        if getattr(tp, "__name__", None) in wire:
            _rename_keys(member, wire[tp.__name__])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set", choices=sorted(_SETS))
    name_prefix, strip, operations, what = _SETS[parser.parse_args().set]
    paths: dict[str, dict[str, Any]] = {}
    components: dict[str, Any] = {}
    for method in operations():
        verb, _, route = method.route.partition(" ")
        prefix = name_prefix + "".join(p.title() for p in re.split(r"[._]", method.qualname.removeprefix(strip))) + "_"
        path_params = re.findall(r"\{(\w+)\}", route)
        op: dict[str, Any] = {"operationId": method.qualname, "parameters": [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}} for name in path_params]}
        if method.params:
            # The params' parts under their own prefix: a TypedDict and a result model of one name (an agent's
            # `Compaction`) are different schemas.
            params = _schema(_official(method.params), prefix + "Params_", components)
            for member in params.get("anyOf", [params]):
                for _, header in method.header_params:
                    if member.get("properties", {}).pop(header, None) is not None:
                        op["parameters"].append({"name": header, "in": "header", "required": False,
                                                 "schema": {"type": "string"}})
                    if header in member.get("required", []):
                        member["required"].remove(header)
                for name in path_params:
                    member.get("properties", {}).pop(name, None)
                    if name in member.get("required", []):
                        member["required"].remove(name)
            if verb == "GET":
                required = set(params.get("required", []))
                op["parameters"] += [{"name": name, "in": "query", "required": name in required, "schema": schema}
                                     for name, schema in params.get("properties", {}).items()]
            else:
                op["requestBody"] = {"content": {"application/json": {"schema": params}}}
        result = _schema(_official(method.returns), prefix, components) if method.returns else {}
        if method.page:
            result = {"type": "object", "required": ["object", "data"], "properties": {
                "object": {"type": "string"}, "data": {"type": "array", "items": result},
                "has_more": {"type": "boolean"}, "first_id": {"type": ["string", "null"]},
                "last_id": {"type": ["string", "null"]}, "next": {"type": ["string", "null"]}}}
        if method.stream:
            # The event type, a component of its own: the generator names a stream's events by their component.
            name = method.stream.partition(":")[2]
            components[name] = _schema(_official(method.stream), name_prefix + name + "_", components)
        op["responses"] = {"200": {"description": "OK", "content": {"application/json": {"schema": result}}}}
        paths.setdefault(route, {})[verb.lower()] = op
    print(f"# Generated by scripts/derive_supplement.py from the official SDK's types: {what}")
    print("# spec of 2026-08-21 lacks. Do not edit; rerun the script (and review the diff) for a new official release.")
    print(yaml.safe_dump({"paths": paths, "components": {"schemas": components}}, sort_keys=False, width=110), end="")


def api_table_admin_in_spec(qualname: str) -> bool:
    return not any(qualname == p or (p.endswith(".") and qualname.startswith(p)) for p in NOT_IN_SPEC)


if __name__ == "__main__":
    main()
