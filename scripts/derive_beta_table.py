"""Write ``scripts/api_table_beta.py`` once, from the pinned official SDK's ``client.beta`` resource classes.

Each async method of ``openai.resources.beta`` that is one API call says, in its body, everything the naming
table needs: the verb (``self._post`` / ``_get`` / ``_delete`` / ``_get_api_list``), the path template, the
``OpenAI-Beta`` header it merges into ``extra_headers``, the params TypedDict it transforms the body or query
with, and the class it casts the answer to (or the page class it lists). This reads them from the source
(``ast``) and resolves the classes to their ``openai.types`` module paths, so the table is the official SDK's
naming, not a transcription of it. The table is committed; rerun this only when the pin moves, and review
the diff:

    python scripts/derive_beta_table.py            # rewrite scripts/api_table_beta.py
    python scripts/derive_beta_table.py --report   # also list the methods left out, and why
    python scripts/derive_beta_table.py --check    # exit 1 if the committed table differs

Methods left out: helpers (several calls: ``create_and_poll``, ``stream``...), WebSocket ``connect``s, the
``beta.chat`` alias of ``client.chat``, and calls whose route the spec (with its supplement) lacks; they are
in docs/compatibility.md's "Not covered" table.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import sys
import typing
from pathlib import Path
from typing import Any

import openai.resources.beta as official_beta

sys.path.insert(0, str(Path(__file__).resolve().parent))

OUT = Path(__file__).resolve().parent / "api_table_beta.py"
ROOT_PACKAGE = Path(official_beta.__file__).parent
# The official SDK's deprecation of the Assistants-era methods, written once in the table.
ASSISTANTS = "The Assistants API is deprecated in favor of the Responses API"
_VERBS = {"_post": "POST", "_get": "GET", "_delete": "DELETE", "_patch": "PATCH", "_put": "PUT"}
# Calls the spec has but the generator cannot type yet, and why.
_NOT_GENERATED = {
    "beta.realtime.sessions.create": "the spec's RealtimeSessionCreateResponse has the GA session's shape "
                                     "(audio.input.turn_detection...), the official beta SessionCreateResponse the "
                                     "older flat one: the generator cannot name one after the other",
    "beta.realtime.transcription_sessions.create": "as beta.realtime.sessions.create",
}
# The helpers openai_core builds by hand (``_<module>_helpers.py`` beside the generated module).
_HELPERS = {
    "beta.threads": ("create_and_run_poll",),
    "beta.threads.runs": ("create_and_poll", "poll", "submit_tool_outputs_and_poll"),
}
# Resources written by hand (their types generated from the table): ``beta.responses`` streams as
# ``client.responses`` does and sends ``betas`` as the ``openai-beta`` header.
_HAND_WRITTEN = ("beta.responses",)
_PAGES = {"AsyncCursorPage": "cursor", "AsyncConversationCursorPage": "conversation", "AsyncPage": "page",
          "AsyncTokenPage": "token"}


def _resource_classes() -> list[tuple[str, type, Any]]:
    """(dotted path under ``client``, the async resource class, its module) for every beta resource."""
    client_cls = importlib.import_module("openai").AsyncOpenAI
    client = client_cls(api_key="sk-none", base_url="http://127.0.0.1:9/v1")
    from openai._resource import AsyncAPIResource

    out: list[tuple[str, type, Any]] = []

    def walk(obj: Any, prefix: str) -> None:
        out.append((prefix, type(obj), sys.modules[type(obj).__module__]))
        for name in sorted(dir(type(obj))):
            if name.startswith("_") or name in ("with_raw_response", "with_streaming_response", "chat"):
                continue
            value = getattr(obj, name)
            if isinstance(value, AsyncAPIResource):
                walk(value, f"{prefix}.{name}")

    walk(client.beta, "beta")
    return out


def _types_name(obj: Any) -> str:
    module = obj.__module__.removeprefix("openai.types.")
    return f"{module}:{obj.__name__}"


def _imported(name: str, module: Any) -> str:
    """``module:Class`` under ``openai.types`` of a name the resource module imports (read from its imports:
    a type alias such as ``chatkit_thread_item_list.Data`` has no ``__module__`` of its own)."""
    tree = ast.parse(Path(module.__file__).read_text())
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and "types." in node.module:
            for alias in node.names:
                if (alias.asname or alias.name) == name:
                    return f"{node.module.partition('types.')[2]}:{alias.name}"
    return _types_name(getattr(module, name))


def _path_of(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "path_template":
        first = node.args[0]
        return first.value if isinstance(first, ast.Constant) else None
    return None


def _deprecation(fn: ast.AsyncFunctionDef | ast.FunctionDef) -> str | None:
    for decorator in fn.decorator_list:
        if (isinstance(decorator, ast.Call) and ast.unparse(decorator.func).endswith("deprecated")
                and isinstance(decorator.args[0], ast.Constant)):
            return str(decorator.args[0].value)
    return None


def _method_facts(fn: ast.AsyncFunctionDef | ast.FunctionDef, module: Any) -> dict[str, Any] | None:
    facts: dict[str, Any] = {"params": None, "header": None, "stream": None, "deprecated": _deprecation(fn)}
    calls = []
    for node in ast.walk(fn):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = node.func.value
            if isinstance(target, ast.Name) and target.id == "self" and node.func.attr in (*_VERBS, "_get_api_list"):
                calls.append(node)
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value == "OpenAI-Beta" and isinstance(value, ast.Constant):
                    facts["header"] = value.value
                if isinstance(key, ast.Constant) and key.value == "Accept" and isinstance(value, ast.Constant):
                    facts["accept"] = value.value
                if isinstance(key, ast.Constant) and key.value == "Idempotency-Key" and isinstance(value, ast.Name):
                    # `strip_not_given({"Idempotency-Key": idempotency_key})`: a parameter sent as a header.
                    facts["header_params"] = ((value.id, key.value),)
        if isinstance(node, ast.keyword) and node.arg == "stream_mode" and isinstance(node.value, ast.Constant):
            facts["events"] = node.value.value == "events"
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("maybe_transform",
                                                                           "async_maybe_transform")
                and facts["params"] is None):
            # The class the body (or the query) is transformed with; a streaming call picks between two.
            klass = node.args[1]
            if isinstance(klass, ast.IfExp):
                klass = klass.body
            assert isinstance(klass, ast.Attribute) and isinstance(klass.value, ast.Name), ast.unparse(klass)
            name = klass.attr.removesuffix("NonStreaming").removesuffix("Streaming")
            params_module = getattr(module, klass.value.id)
            if hasattr(params_module, name + "Base"):
                name += "Base"
            # Named by its module and attribute: a union of TypedDicts is a ``typing`` alias with no module of its own.
            facts["params"] = f"{params_module.__name__.removeprefix('openai.types.')}:{name}"
    if len(calls) != 1:
        return None
    call = calls[0]
    kwargs = {k.arg: k.value for k in call.keywords}
    path = _path_of(call.args[0])
    if path is None:
        return None
    if call.func.attr == "_get_api_list":
        verb = "GET"
        if "method" in kwargs and isinstance(kwargs["method"], ast.Constant):
            verb = str(kwargs["method"].value).upper()
        page = kwargs["page"]
        assert isinstance(page, ast.Subscript) and isinstance(page.value, ast.Name)
        item = _imported(ast.unparse(page.slice), module)
        facts.update(verb=verb, path=path, returns=item, page=_PAGES.get(page.value.id, page.value.id))
        return facts
    cast = kwargs.get("cast_to")
    if cast is None:
        return None
    cast_src = ast.unparse(cast)
    if cast_src.startswith("cast(Any, "):  # a union the official SDK casts through Any
        cast_src = cast_src.removeprefix("cast(Any, ").removesuffix(")")
    binary = cast_src.endswith("BinaryAPIResponse") or cast_src.endswith("BinaryResponseContent")
    returns = None if cast_src == "NoneType" or binary else _imported(cast_src, module)
    facts.update(verb=_VERBS[call.func.attr], path=path, returns=returns, page=None,
                 binary=binary)
    stream_cls = kwargs.get("stream_cls")
    if isinstance(stream_cls, ast.Subscript):
        facts["stream"] = _imported(ast.unparse(stream_cls.slice), module)
    elif isinstance(stream_cls, ast.Name):
        # A stream class of its own (``AsyncAgentSessionEventStream``): its events are its AsyncStream base's.
        own = getattr(module, stream_cls.id)
        base = next(b for b in own.__orig_bases__ if getattr(b, "__origin__", None) is not None)
        event = typing.get_args(base)[0]
        name = next(k for k, v in vars(sys.modules[own.__module__]).items() if v is event)
        facts["stream"] = _imported(name, sys.modules[own.__module__])
    if isinstance(kwargs.get("stream"), ast.Constant) and kwargs["stream"].value is True:
        facts["kind"] = "events"  # the call only streams (a GET of server-sent events)
    return facts


def derive() -> tuple[list[dict[str, Any]], list[tuple[str, str]], list[tuple[str, str, str]]]:
    """(methods, left out with why, resources as (path, module, class))."""
    from generate import DEFAULT_SPEC, load_spec

    spec_paths = load_spec(DEFAULT_SPEC).document["paths"]
    methods: list[dict[str, Any]] = []
    skipped: list[tuple[str, str]] = []
    resources: list[tuple[str, str, str]] = []
    for dotted, cls, module in _resource_classes():
        source_file = Path(inspect.getfile(cls))
        rel = source_file.relative_to(ROOT_PACKAGE.parent).as_posix()
        resources.append((dotted, rel, cls.__name__.removeprefix("Async")))
        tree = ast.parse(source_file.read_text())
        node = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls.__name__)
        seen: dict[str, ast.AsyncFunctionDef | ast.FunctionDef] = {}
        warned: dict[str, str] = {}  # a streaming call's overloads carry the deprecation, not its body
        for item in node.body:
            if isinstance(item, ast.AsyncFunctionDef | ast.FunctionDef) and not item.name.startswith("_"):
                if any(ast.unparse(d) in ("property", "cached_property") for d in item.decorator_list):
                    continue
                seen[item.name] = item  # the last definition: the implementation after the overloads
                reason = _deprecation(item)
                if reason:
                    warned[item.name] = reason
        for name, fn in seen.items():
            qualname = f"{dotted}.{name}"
            facts = _method_facts(fn, module)
            if facts is not None:
                facts["deprecated"] = warned.get(name)
            if facts is None:
                built = name in _HELPERS.get(dotted, ())
                skipped.append((qualname, "a helper, built by hand (_HELPERS)" if built else
                                "a helper (several calls) or a connection, not one API call"))
                continue
            path = facts["path"]
            if "?" in path and not path.endswith("?beta=true"):
                skipped.append((qualname, f"{path}: a query in the path"))
                continue
            if facts["verb"].lower() not in spec_paths.get(path, {}):
                skipped.append((qualname, f"{facts['verb']} {path}: not in the spec"))
                continue
            if qualname in _NOT_GENERATED:
                skipped.append((qualname, _NOT_GENERATED[qualname]))
                continue
            methods.append({"qualname": qualname, **facts})
    return methods, skipped, resources


def render(methods: list[dict[str, Any]], resources: list[tuple[str, str, str]]) -> str:
    used = {m["qualname"].rpartition(".")[0] for m in methods}
    # A resource is declared when a method of it (or of a resource under it) is in the table.
    keep = [r for r in resources if any(u == r[0] or u.startswith(r[0] + ".") for u in used) and r[0] != "beta"
            and not any(r[0] == h or r[0].startswith(h + ".") for h in _HAND_WRITTEN)]
    lines = [
        '"""The naming table\'s ``client.beta`` part (imported by ``api_table.py``), written by',
        "``scripts/derive_beta_table.py`` from the pinned official SDK's beta resource classes: do not edit by hand,",
        'rerun the script when the pin moves and review the diff."""',
        "",
        "from __future__ import annotations",
        "",
        "from api_table import Method, Resource",
        "",
        '__all__ = ["BETA_METHODS", "BETA_RESOURCES"]',
        "",
        "M, R = Method, Resource",
        f'ASSISTANTS = "{ASSISTANTS}"',
        "",
        "BETA_RESOURCES: list[Resource] = [",
    ]
    headers: dict[str, str | None] = {}
    for m in methods:
        headers.setdefault(m["qualname"].rpartition(".")[0], m["header"])
    for dotted, rel, name in keep:
        module = rel.removeprefix("beta/")
        module = "beta/" + module
        header = headers.get(dotted)
        extra = f', {{"OpenAI-Beta": "{header}"}}' if header else ""
        if dotted in _HELPERS:
            extra += f", helpers={_HELPERS[dotted]!r}".replace("'", '"')
        lines.append(f'    R("{dotted}", "{module}", "{name}", "``client.{dotted}`` of the official SDK."{extra}),')
    lines += ["]", "", "BETA_METHODS: list[Method] = ["]
    for m in methods:
        args = [f'"{m["qualname"]}"', f'"{m["verb"]} {m["path"]}"', f'"{m["returns"]}"' if m["returns"] else "None"]
        if m["params"]:
            args.append(f'"{m["params"]}"')
        if m["page"]:
            args.append(f'page="{m["page"]}"')
        if m.get("binary"):
            args.append('kind="binary"')
            if m.get("accept", "application/binary") != "application/binary":
                args.append(f'accept="{m["accept"]}"')
        if m.get("kind") == "events":
            args.append('kind="events"')
        if m["stream"]:
            args.append(f'stream="{m["stream"]}"')
            if m.get("events"):
                args.append("events=True")
        if m.get("header_params"):
            args.append(f"header_params={m['header_params']!r}".replace("'", '"'))
        if m["deprecated"]:
            args.append("deprecated=ASSISTANTS" if m["deprecated"] == ASSISTANTS else f'deprecated="{m["deprecated"]}"')
        lines.append(f"    M({', '.join(args)}),")
    lines += ["]", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", action="store_true")
    parser.add_argument("--check", action="store_true", help="fail if the committed table differs")
    args = parser.parse_args()
    methods, skipped, resources = derive()
    text = render(methods, resources)
    if args.check:
        if OUT.read_text() != text:
            print(f"{OUT.name} is not what the official SDK's beta resources give: run {Path(__file__).name}")
            return 1
        print(f"{OUT.name} up to date ({len(methods)} methods)")
        return 0
    OUT.write_text(text)
    print(f"wrote {OUT.name}: {len(methods)} methods, {len(skipped)} left out")
    if args.report:
        for qualname, why in skipped:
            print(f"  {qualname}: {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
