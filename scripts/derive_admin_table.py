"""Write ``scripts/api_table_admin.py`` once from the pinned official SDK's ``openai/resources/admin`` sources.

The admin part of the naming table (143 methods) is mechanical: each official method's verb, path, params
type, result type and page class are read from its source (``ast``, nothing imported or run), and the
table is written as plain declarations that are then committed and reviewed like the rest of the table.
The generator never runs this; rerun it only to pick up a new official release, and review the diff.

    python scripts/derive_admin_table.py > scripts/api_table_admin.py
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

ROOT = Path(importlib.util.find_spec("openai").origin).parent  # type: ignore[arg-type,union-attr]
ADMIN = ROOT / "resources" / "admin"
_PAGES = {"AsyncCursorPage": "CURSOR", "AsyncConversationCursorPage": "CONVERSATION", "AsyncPage": "PAGE",
          "AsyncNextCursorPage": "NEXT"}
_VERBS = {"_get": "GET", "_post": "POST", "_delete": "DELETE", "_patch": "PATCH", "_put": "PUT",
          "_get_api_list": None}


def _module_of(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _resolve(here: str, node: ast.ImportFrom) -> str:
    base = here.split(".")[: -node.level] if node.level else []
    return ".".join(base + ([node.module] if node.module else []))


def _imports(path: Path) -> dict[str, str]:
    """Local name -> dotted ``module:Name`` (or ``module`` for an imported module) relative to openai."""
    here = _module_of(path)
    names: dict[str, str] = {}
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.ImportFrom):
            source = _resolve(here, node)
            for alias in node.names:
                names[alias.asname or alias.name] = f"{source}:{alias.name}"
    return names


def _types_ref(ref: str) -> str:
    """``types.admin.organization.invite:Invite`` -> ``admin.organization.invite:Invite``."""
    module, _, name = ref.partition(":")
    return module.removeprefix("types.") + ":" + name


class _Resource:
    def __init__(self, path: str, file: Path, cls: str) -> None:
        self.path, self.file, self.cls = path, file, cls


def _classes(file: Path) -> dict[str, ast.ClassDef]:
    return {n.name: n for n in ast.parse(file.read_text()).body if isinstance(n, ast.ClassDef)}


def _walk(path: str, file: Path, cls_name: str, out: list[tuple[_Resource, ast.ClassDef, dict[str, str]]]) -> None:
    cls = _classes(file)[cls_name]
    imports = _imports(file)
    out.append((_Resource(path, file, cls_name), cls, imports))
    for item in cls.body:
        if isinstance(item, ast.FunctionDef) and any(
            isinstance(d, ast.Name) and d.id == "cached_property" for d in item.decorator_list
        ) and item.name not in ("with_raw_response", "with_streaming_response"):
            child = ast.unparse(item.returns)  # type: ignore[arg-type]
            module = imports[child].partition(":")[0]
            child_file = ROOT / (module.replace(".", "/") + ".py")
            _walk(f"{path}.{item.name}", child_file, child, out)


def _call_of(func: ast.AsyncFunctionDef | ast.FunctionDef) -> ast.Call:
    for node in ast.walk(func):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _VERBS \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "self":
            return node
    raise SystemExit(f"{func.name}: no request")


def _kw(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _params_ref(node: ast.AST, imports: dict[str, str]) -> str | None:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and ast.unparse(sub.func) in ("maybe_transform", "async_maybe_transform"):
            target = sub.args[1]
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
                module = imports[target.value.id].replace(":", ".")
                return _types_ref(f"{module}:{target.attr}")
    return None


def methods() -> tuple[list[_Resource], list[str]]:
    tree: list[tuple[_Resource, ast.ClassDef, dict[str, str]]] = []
    _walk("admin", ADMIN / "admin.py", "AsyncAdmin", tree)
    lines: list[str] = []
    for resource, cls, imports in tree:
        for func in cls.body:
            if not isinstance(func, (ast.AsyncFunctionDef, ast.FunctionDef)) or func.name.startswith("_") \
                    or any(ast.unparse(d) in ("overload", "cached_property") for d in func.decorator_list):
                continue
            call = _call_of(func)
            verb = _VERBS[call.func.attr]  # type: ignore[attr-defined]
            route_node = call.args[0]
            if isinstance(route_node, ast.Call):
                route_node = route_node.args[0]
            route = ast.literal_eval(route_node)
            page = None
            if verb is None:
                verb = "POST" if _kw(call, "method") is not None and ast.literal_eval(_kw(call, "method")) == "post" \
                    else "GET"
                page_node = _kw(call, "page")
                assert isinstance(page_node, ast.Subscript)
                page = _PAGES[ast.unparse(page_node.value)]
                returns = _types_ref(imports[ast.unparse(page_node.slice)])
            else:
                cast = ast.unparse(_kw(call, "cast_to"))  # type: ignore[arg-type]
                returns = None if cast == "NoneType" else _types_ref(imports[cast])
            options = _kw(call, "options")
            params = _params_ref(call, imports) or (_params_ref(options, imports) if options else None)
            qualname = f"{resource.path}.{func.name}"
            args = [repr(qualname), repr(f"{verb} {route}"), repr(returns)]
            if params:
                args.append(repr(params))
            if page:
                args.append(f"page={page}")
            lines.append(f"    M({', '.join(args)}),")
    return [r for r, _, _ in tree], lines


_TAIL = '''
# Not in the spec of 2026-08-21: their operations come from scripts/openapi_supplement_admin.yaml, which
# scripts/derive_supplement.py writes from the official SDK's types.
NOT_IN_SPEC = ("admin.organization.usage.decisions", "admin.organization.external_keys.",
               "admin.organization.workload_identity_providers.", "admin.organization.external_storage.",
               "admin.organization.projects.api_keys.update", "admin.organization.projects.service_tier_settings.")


ADMIN_METHODS = _OFFICIAL
ADMIN_RESOURCES = _RESOURCES'''


def main() -> None:
    resources, lines = methods()
    print(f'"""The ``admin.*`` part of the naming table (``scripts/api_table.py`` imports it): the organization admin\n'
          f"API, {len(lines)} methods. Written by ``scripts/derive_admin_table.py`` from the pinned official SDK's\n"
          'sources, then reviewed; every call sends the client\'s ``admin_api_key`` (``Resource.admin``)."""\n')
    print("from __future__ import annotations\n")
    print("from api_table import CONVERSATION, CURSOR, NEXT, PAGE, Method, Resource\n")
    print('__all__ = ["ADMIN_METHODS", "ADMIN_RESOURCES"]\n')
    print("_ = (CONVERSATION, CURSOR, NEXT, PAGE)")
    print("R = Resource")
    print("_RESOURCES: list[Resource] = [")
    for r in resources:
        rel = r.file.relative_to(ROOT / "resources").as_posix()
        name = r.cls.removeprefix("Async")
        words = r.path.split(".")[2:]
        doc = "Organization admin" + (": " + ", ".join(w.replace("_", " ") for w in words) if words else "") + "."
        if r.path == "admin":
            doc = "The admin APIs (sent with the client's ``admin_api_key``)."
        print(f"    R({r.path!r}, {rel!r}, {name!r},\n      {doc!r}, admin=True),")
    print("]\n")
    print("M = Method")
    print("_OFFICIAL: list[Method] = [")
    print("\n".join(lines))
    print("]")
    print(_TAIL)


if __name__ == "__main__":
    main()
