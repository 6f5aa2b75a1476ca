"""Resource declarations from the naming table: one module per resource, in the hand-written resources'
shape (``ParamSpec`` per call, one pipeline request per method, typed raw/streamed views)."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import PurePosixPath
from typing import Any

from api_table import RESOURCES, Method, Resource

__all__ = ["render_resources"]

_PATH_PARAM = re.compile(r"\{(\w+)\}")
_PAGES = {"cursor": "AsyncCursorPage", "conversation": "AsyncConversationCursorPage", "page": "AsyncPage",
          "next": "AsyncNextCursorPage", "token": "AsyncTokenPage"}


def _relative(here: str, target: str) -> str:
    """A relative import of module ``target`` (dotted, from openai_core) in module ``here``."""
    here_parts = here.split(".")[:-1]
    there = target.split(".")
    common = 0
    while common < len(here_parts) and common < len(there) - 1 and here_parts[common] == there[common]:
        common += 1
    return "." * (len(here_parts) - common + 1) + ".".join(there[common:])


def _dotted(resource_module: str) -> str:
    return "resources." + str(PurePosixPath(resource_module).with_suffix("")).replace("/", ".")


class _Module:
    def __init__(self, resource: Resource, children: list[Resource], methods: list[Method],
                 query_keys: dict[str, list[str]], renames: dict[str, list[Any]]) -> None:
        self.resource = resource
        self.children = children
        self.methods = methods
        self.query_keys = query_keys
        self.renames = renames
        self.here = _dotted(resource.module)
        self.imports: dict[str, set[str]] = {}
        self.preamble: list[str] = []
        self.body: list[str] = []
        self.cls = "Async" + resource.name

    def need(self, module: str, *names: str) -> None:
        self.imports.setdefault(module, set()).update(names)

    def type_ref(self, spec: str) -> str:
        module, _, name = spec.partition(":")
        self.need(_relative(self.here, "types." + module), name)
        return name

    def render(self, header: str) -> str:
        r = self.resource
        self.need(_relative(self.here, "_resource"), "AsyncAPIResource", "AsyncResourceWithRawResponse",
                  "AsyncResourceWithStreamingResponse")
        slots = '"__dict__",' if self.children else ""
        lines = [f"    __slots__ = ({slots})"]
        if r.helpers:
            lines.append(f"    _helpers = frozenset({{{', '.join(json.dumps(h) for h in r.helpers)}}})")
        lines += [
            "",
            "    @property",
            f"    def with_raw_response(self) -> {self.cls}WithRawResponse:",
            f"        return {self.cls}WithRawResponse(self)",
            "",
            "    @property",
            f"    def with_streaming_response(self) -> {self.cls}WithStreamingResponse:",
            f"        return {self.cls}WithStreamingResponse(self)",
        ]
        for child in self.children:
            child_cls = "Async" + child.name
            self.need(_relative(self.here, _dotted(child.module)), child_cls)
            self.need("functools", "cached_property")
            attr = child.path.rpartition(".")[2]
            lines += ["", "    @cached_property", f"    def {attr}(self) -> {child_cls}:",
                      f"        return {child_cls}(self._client)"]
        for method in self.methods:
            lines += ["", *self.method(method)]
        if r.helpers:
            stem = PurePosixPath(r.module).stem
            self.need(".", f"_{stem}_helpers")
            lines.append("")
            lines += [f"    {name} = _{stem}_helpers.{name}" for name in r.helpers]
        raw = [f"    {m.name} = to_raw_response({self.cls}.{m.name})" for m in self.methods]
        streamed = []
        for m in self.methods:
            if m.kind == "binary":
                self.need(_relative(self.here, "_response"), "AsyncStreamedBinaryAPIResponse")
                self.need(_relative(self.here, "_resource"), "to_custom_streamed_response")
                streamed.append(f"    {m.name} = to_custom_streamed_response({self.cls}.{m.name}, "
                                "AsyncStreamedBinaryAPIResponse)")
            else:
                streamed.append(f"    {m.name} = to_streamed_response({self.cls}.{m.name})")
        if raw:
            self.need(_relative(self.here, "_resource"), "to_raw_response")
        if any(m.kind != "binary" for m in self.methods):
            self.need(_relative(self.here, "_resource"), "to_streamed_response")
        views = [
            f"class {self.cls}WithRawResponse(AsyncResourceWithRawResponse):",
            "    __slots__ = ()",
            *raw,
            "",
            "",
            f"class {self.cls}WithStreamingResponse(AsyncResourceWithStreamingResponse):",
            "    __slots__ = ()",
            *streamed,
        ]
        doc = f'"""``client.{r.path}``: {r.doc}"""'
        out = [header + doc, "", "from __future__ import annotations", ""]
        out += self._import_lines()
        exported = (self.cls, self.cls + "WithRawResponse", self.cls + "WithStreamingResponse")
        out += ["", f"__all__ = [{', '.join(json.dumps(n) for n in exported)}]", ""]
        if r.headers:
            out += [f"_HEADERS = {json.dumps(r.headers)}", ""]
        out += self.preamble
        out += ["", f"class {self.cls}(AsyncAPIResource):", *lines, "", "", *views]
        return "\n".join(out).replace("\n\n\n\n", "\n\n\n") + "\n"

    def _import_lines(self) -> list[str]:
        stdlib = {k: v for k, v in self.imports.items() if not k.startswith(".") and k != "typing_extensions"}
        third = {k: v for k, v in self.imports.items() if k == "typing_extensions"}
        local = {k: v for k, v in self.imports.items() if k.startswith(".")}
        lines: list[str] = []
        for group in (stdlib, third):
            for module in sorted(group):
                lines.append(f"from {module} import {', '.join(sorted(group[module]))}")
            if group:
                lines.append("")
        for module in sorted(local, key=lambda m: (-len(m) + len(m.lstrip(".")), m.lstrip(".") != "", m)):
            names = sorted(local[module])
            line = f"from {module} import {', '.join(names)}"
            if len(line) > 110:
                line = f"from {module} import (\n" + "".join(f"    {n},\n" for n in names) + ")"
            lines.append(line)
        return lines

    # -- one method ----------------------------------------------------------------------------------

    def method(self, m: Method) -> list[str]:
        verb, _, route = m.route.partition(" ")
        path_params = _PATH_PARAM.findall(route)
        signature = ["self"]
        if path_params:
            signature.append(f"{path_params[-1]}: str")
            if len(path_params) > 1:
                signature.append("*")
                signature += [f"{p}: str" for p in path_params[:-1]]
        self.need(_relative(self.here, "_resource"), "RequestOptionsParams")
        if m.kind != "multipart":
            self.need(_relative(self.here, "_resource"), "options")
        self.need("typing_extensions", "Unpack")
        spec_name = f"_{m.name.upper()}"
        if m.params:
            params_cls = self.type_ref(m.params)
            merged = f"{pascal_method(m.name)}Params"
            self.need(_relative(self.here, "_params"), "ParamSpec")
            base = f"({params_cls}, RequestOptionsParams, total=False):"
            # Parameters sent as headers are keys of the call's params, not of the API's TypedDict.
            own = [f"    {param}: str" for param, _ in m.header_params]
            spec_args = [f'"{m.name}"', params_cls]
            if m.header_params:
                spec_args.append("header_params={" + ", ".join(f'"{p}": "{h}"' for p, h in m.header_params) + "}")
            if self.renames.get(m.qualname):
                def quoted(path: tuple[str, ...]) -> str:
                    return "(" + ", ".join(json.dumps(key) for key in path) + ("," if len(path) == 1 else "") + ")"
                spec_args.append("renames=(" + "".join(f"({quoted(path)}, {json.dumps(py)}, {json.dumps(wire)}), "
                                                       for path, py, wire in self.renames[m.qualname]).rstrip() + ")")
            spec_args += [f"{param}=str" for param, _ in m.header_params]
            if m.stream and m.kind != "events":
                # As the hand-written streaming calls: one overload per `stream` value, the params without it.
                self.need("typing", "Literal", "Required")
                self.preamble += [
                    "", "", f"class {merged}{base}", "    stream: bool | None", *own,
                    "", "", f"class {merged}NonStreaming{base}", "    stream: Literal[False] | None", *own,
                    "", "", f"class {merged}Streaming{base}", "    stream: Required[Literal[True]]", *own,
                    "", "", _call(f"{spec_name} = ParamSpec", [*spec_args, "stream=bool | None"]),
                ]
            else:
                self.preamble += ["", "", f"class {merged}{base}", *(own or ["    pass"]),
                                  "", "", _call(f"{spec_name} = ParamSpec", spec_args)]
            if m.kind in ("multipart", "upload-or-json"):
                self.preamble.append(f"{spec_name}_ORDER = tuple({params_cls}.__annotations__)")
            query = self.query_keys.get(m.qualname, [])
            if query and verb != "GET":
                self.preamble.append(f"{spec_name}_QUERY = ({''.join(json.dumps(q) + ', ' for q in query).strip()})")
            signature.append(f"**params: Unpack[{merged}]")
        else:
            signature.append("**request_options: Unpack[RequestOptionsParams]")
        if m.kind == "binary":
            self.need(_relative(self.here, "_binary"), "HttpxBinaryResponseContent")
            result = "HttpxBinaryResponseContent"
        elif m.kind == "events":
            assert m.stream is not None
            self.need(_relative(self.here, "_streaming"), "AsyncStream")
            self.need("typing", "Any")
            result = f"AsyncStream[{self.type_ref(m.stream)}]"
            self.preamble.append(f"{spec_name}_EVENT: Any = {self.type_ref(m.stream)}  # a union: parsed by its tag")
        elif m.returns is None:
            result = "None"
        else:
            result = self.type_ref(m.returns)
        if m.page:
            page = _PAGES[m.page]
            self.need(_relative(self.here, "pagination"), "AsyncPaginator", page)
            returns = f"AsyncPaginator[{result}, {page}[{result}]]"
        else:
            returns = result
        if path_params:
            self.need(_relative(self.here, "resources._paths"), "path_param")
        path_expr = _PATH_PARAM.sub(lambda match: f"{{path_param('{match.group(1)}', {match.group(1)})}}", route)
        path_literal = f'f"{path_expr}"' if path_params else f'"{route}"'
        lines: list[str] = []
        reason = m.deprecated or self.resource.deprecated
        if reason:
            self.need("typing_extensions", "deprecated")
            if not m.stream:
                lines.append(f"    @deprecated({json.dumps(reason)})")
        prefix = "    def" if m.page else "    async def"

        def head(params: list[str], result: str, end: str = "") -> str:
            text = f"{prefix} {m.name}({', '.join(params)}) -> {result}:{end}"
            if len(text) > 118:
                text = f"{prefix} {m.name}(\n        " + ", ".join(params) + f"\n    ) -> {result}:{end}"
            return text

        event = None
        if m.stream and m.kind != "events":
            event = self.type_ref(m.stream)
            self.need(_relative(self.here, "_streaming"), "AsyncStream")
            self.need("typing", "Any", "overload")
            self.preamble.append(f"{spec_name}_EVENT: Any = {event}  # a union: the stream parses it by its tag")
            either = f"{returns} | AsyncStream[{event}]"
            fixed = signature[:-1]
            merged = f"{pascal_method(m.name)}Params"
            for variant, answer in ((f"{merged}NonStreaming", returns), (f"{merged}Streaming", f"AsyncStream[{event}]"),
                                    (merged, either)):
                lines += ["    @overload", head([*fixed, f"**params: Unpack[{variant}]"], answer, " ...")]
            if reason:
                lines.append(f"    @deprecated({json.dumps(reason)})")
            lines.append(head([*fixed, "**params: Any"], either))
        else:
            lines.append(head(signature, returns))
        code: list[str] = []
        if m.params:
            code.append(f"body, request_options = {spec_name}.split(params)")
        code.append(f"path = {path_literal}")
        request_options = "request_options"
        if self.resource.headers:
            self.need(_relative(self.here, "_resource"), "with_headers")
            request_options = "with_headers(request_options, _HEADERS)"
        if self.resource.admin:
            self.need(_relative(self.here, "_resource"), "with_admin_key")
            request_options = "with_admin_key(self._client, request_options)"
        args = [f'"{verb}"', "path", request_options]
        if m.params and m.kind != "multipart":
            query = self.query_keys.get(m.qualname, [])
            if verb == "GET":
                args.append("query=body")
            elif query:
                code.append(f"query = {{key: body.pop(key) for key in {spec_name}_QUERY if key in body}}")
                args += ["body=body", "query=query"]
            else:
                args.append("body=body")
        files = "(" + "".join(json.dumps(f) + ", " for f in m.files).strip() + ")"
        upload = f"upload_options(path, request_options, body, files={files}, order={spec_name}_ORDER)"
        if m.kind in ("multipart", "upload-or-json"):
            self.need(_relative(self.here, "_resource"), "upload_options")
        if m.kind == "multipart":
            code.append(f"call = {upload}")
        elif m.kind == "upload-or-json":
            # As the official SDK: a form only when a file goes with the call, JSON otherwise.
            code.append(f"call = {upload} if any(body.get(key) is not None for key in {files}) else "
                        f"options({', '.join(args)})")
        else:
            code.append(f"call = options({', '.join(args)})")
        # The official "events" stream mode yields an `error` event as an item; the others raise it.
        mode = "events=True" if m.events else "named_events=True"
        if m.stream and m.kind != "events":
            code += ['if body.get("stream"):',
                     f"    return await self._pipeline.request_stream(call, {spec_name}_EVENT, {mode})"]
        if m.kind == "events":
            code.append(f"return await self._pipeline.request_stream(call, {spec_name}_EVENT, {mode})")
        elif m.page:
            code.append(f"return AsyncPaginator(self._pipeline, call, {page}[{result}])")
        elif m.kind == "binary":
            code += [f'call.accept = "{m.accept}"',
                     "response = await self._pipeline.request_bytes(call)",
                     "return HttpxBinaryResponseContent(await response.aread(), response)"]
        elif m.returns is None:
            code += ['call.accept = "*/*"', "await (await self._pipeline.request_bytes(call)).aread()"]
        elif _is_union(m.returns):
            # A union (the official SDK's `Automation`): parsed through `Any` as the stream's events are.
            self.need("typing", "Any", "cast")
            self.preamble.append(f"{spec_name}_RESULT: Any = {result}  # a union: parsed by its tag")
            code.append(f'return cast("{result}", await self._pipeline.request(call, {spec_name}_RESULT))')
        else:
            code.append(f"return await self._pipeline.request(call, {result})")
        lines += [f"        {line}" for line in code]
        return lines


def _call(head: str, args: list[str]) -> str:
    """``head(args)`` on one line, or one argument a line when that is too long."""
    text = f"{head}({', '.join(args)})"
    if len(text) <= 110:
        return text
    return f"{head}(\n" + "".join(f"    {arg},\n" for arg in args) + ")"


def _is_union(ref: str) -> bool:
    """Whether the official SDK's result ``module:Name`` is a type alias (a union), not a class."""
    module, _, name = ref.partition(":")
    return not isinstance(getattr(importlib.import_module("openai.types." + module), name), type)


def pascal_method(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def render_resources(methods: list[Method], query_keys: dict[str, list[str]], header: str,
                     renames: dict[str, list[Any]]) -> dict[str, str]:
    """Resource modules, keyed by their path under openai_core/resources."""
    by_resource: dict[str, list[Method]] = {}
    for method in methods:
        by_resource.setdefault(method.resource, []).append(method)
    out: dict[str, str] = {}
    for resource in RESOURCES:
        children = [r for r in RESOURCES if r.path.rpartition(".")[0] == resource.path]
        module = _Module(resource, children, by_resource.get(resource.path, []), query_keys, renames)
        out[resource.module] = module.render(header)
    for folder in {str(PurePosixPath(r.module).parent) for r in RESOURCES}:
        init = f"{folder}/__init__.py"
        if folder == ".":
            continue
        members = sorted((r for r in RESOURCES if str(PurePosixPath(r.module).parent) == folder),
                         key=lambda r: PurePosixPath(r.module).stem)
        if init not in out:
            lines = [header + f'"""``{folder.replace("/", ".")}`` resources."""', "",
                     "from __future__ import annotations", ""]
            names = []
            for r in members:
                stem = PurePosixPath(r.module).stem
                lines.append(f"from .{stem} import Async{r.name} as Async{r.name}")
                names.append(f"Async{r.name}")
            out[init] = "\n".join(lines) + "\n"
    return out
