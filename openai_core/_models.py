"""Base class of every response model, and the tolerant parser that builds them.

Parsing has two paths:

* the fast path, ``Model.model_validate_json(body)``: one pass in pydantic-core (JSON decoding and
  validation in Rust);
* a lenient fallback, used only when validation fails on well-formed JSON. OpenAI-compatible servers
  (vLLM, Ollama, proxies...) routinely omit fields the spec marks as required or send values outside
  the documented enums; the official SDK never rejects such bodies, so neither do we. The fallback
  builds the model without validating it (as ``model_construct`` does), recursively turning nested
  dicts and lists into the annotated models wherever possible and keeping anything it cannot convert
  as the raw value.

Broken JSON is never "repaired": it raises ``pydantic.ValidationError`` (a ``ValueError``) of type
``json_invalid``.

Every entry point first asks ``_interop.resolve_type`` what to build: the class itself or, when the official
``openai`` package is loaded, its bridge (a subclass of both SDKs' classes; see ``_interop``).
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Union

import pydantic
from pydantic import ConfigDict, TypeAdapter, ValidationError

from ._interop import resolve_type

__all__ = ["BaseModel", "construct_lenient", "json_parser", "parse_json", "parse_obj"]

M = TypeVar("M", bound=pydantic.BaseModel)


class BaseModel(pydantic.BaseModel):
    """Base of all API response models. Unknown fields are kept (``extra="allow"``), so a field the
    API adds later never breaks parsing and is still reachable as an attribute and in ``to_dict()``."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        protected_namespaces=(),
        defer_build=True,
    )

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        # Populating by name is for the few models whose fields have an API name apart from the Python
        # one (32 of ~1,900: moderation categories like "self-harm", "async"): elsewhere name and alias
        # are one, yet pydantic-core still looks each key up both ways (measured: 0.36 of a chat
        # chunk's 3.05 us). The schema is built later (defer_build), from the config set here.
        super().__pydantic_init_subclass__(**kwargs)
        aliased = any((f.alias is not None and f.alias != name) or f.validation_alias is not None
                      for name, f in cls.model_fields.items())
        if cls.model_config.get("populate_by_name") != aliased:
            cls.model_config = {**cls.model_config, "populate_by_name": aliased}

    if not TYPE_CHECKING:  # as in pydantic: a __getattr__ seen by type checkers would hide every typo

        def __getattr__(self, name: str) -> Any:
            try:
                return super().__getattr__(name)
            except AttributeError:
                if name not in type(self).model_fields:
                    raise
            # A field the API documents as required, missing from what a compatible server sent (the
            # object was built leniently): say so here, rather than leave the caller a None-like
            # surprise further on.
            raise AttributeError(
                f"{type(self).__name__}.{name} is missing: the server's response did not include this field, "
                f"which the API documents as required (fields it did send: {sorted(self.model_fields_set)}). "
                f"Check `{name!r} in obj.model_fields_set` or use getattr(obj, {name!r}, None) to accept "
                "such servers."
            ) from None

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> dict[str, object]:
        """The model as a dict keyed like the API's JSON (aliases), by default with only the fields the
        server actually sent (``exclude_unset=True``). ``mode="json"`` gives JSON-compatible values."""
        return self.model_dump(
            mode=mode,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )

    def to_json(
        self,
        *,
        indent: int | None = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> str:
        """The model as a JSON string keyed like the API's JSON; ``indent=None`` for compact output."""
        return self.model_dump_json(
            indent=indent,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )


# --------------------------------------------------------------------------------------------------
# Parsing


def parse_json(model_type: type[M], data: bytes | bytearray | str) -> M:
    """Parse a JSON body into ``model_type``.

    Validates in one pass when the body matches the declared types; otherwise falls back to
    :func:`construct_lenient`. Invalid JSON, or JSON whose top level is not an object, raises
    ``pydantic.ValidationError`` (a ``ValueError``)."""
    model_type = resolve_type(model_type)
    try:
        return model_type.model_validate_json(data)
    except ValidationError as exc:
        return _lenient_after(exc, model_type, data)


def _lenient_after(exc: ValidationError, model_type: type[M], data: bytes | bytearray | str) -> M:
    """The fallback of a failed validation: broken JSON, or JSON that is not an object, re-raises ``exc``;
    anything else is built leniently."""
    if _is_json_error(exc):
        raise exc
    obj = json.loads(data)
    if not isinstance(obj, dict):
        raise exc
    return _construct_model(model_type, obj)


def parse_obj(model_type: type[M], obj: object) -> M:
    """Like :func:`parse_json` for an already-decoded object (a dict, or an instance of the model)."""
    model_type = resolve_type(model_type)
    try:
        return model_type.model_validate(obj)
    except ValidationError:
        if not isinstance(obj, dict):
            raise
        return _construct_model(model_type, obj)


def json_parser(item_type: Any) -> Callable[[str | bytes | bytearray], Any]:
    """The function that parses one JSON document into ``item_type``; streams look it up once and call it
    per event. A model class gets :func:`parse_json`; any other type (a discriminated union of event
    models) gets a ``TypeAdapter`` built on first use and kept for the process, with the same lenient
    fallback as models."""
    item_type = resolve_type(item_type)
    if isinstance(item_type, type) and issubclass(item_type, pydantic.BaseModel):
        # One parser per class, not per stream: a gateway holding thousands of streams kept one each.
        model_parser = _model_parsers.get(item_type)
        if model_parser is None:
            model_parser = _model_parsers[item_type] = _model_parser(item_type)
        return model_parser
    parser = _type_parsers.get(item_type)
    if parser is None:
        parser = _type_parsers[item_type] = _TypeParser(item_type)
    return parser


def json_validator(item_type: Any) -> Callable[[str | bytes | bytearray], Any]:
    """The strict half of :func:`json_parser`: pydantic-core's own ``validate_json`` for ``item_type``,
    raising ``ValidationError`` where the parser falls back to a lenient object. A stream calls it per
    event (no Python frame of ours in between) and the parser only when it raises."""
    item_type = resolve_type(item_type)
    if isinstance(item_type, type) and issubclass(item_type, pydantic.BaseModel):
        return _bound_validator(item_type)
    parser = json_parser(item_type)
    assert isinstance(parser, _TypeParser)
    return parser.validator()


def error_in_extra(item_type: Any) -> bool:
    """Whether a top-level ``"error"`` key of a document that validates as ``item_type`` can only land in
    the instance's extras, as it was sent: a model that keeps unknown keys and has no field (nor API
    name) ``error``. A stream then tells an error payload from an item by a dict lookup on the parsed
    item instead of scanning every event's text."""
    item_type = resolve_type(item_type)
    if not (isinstance(item_type, type) and issubclass(item_type, pydantic.BaseModel)):
        return False
    if item_type.model_config.get("extra") != "allow":
        return False
    return not any(name == "error" or f.alias == "error" or f.validation_alias is not None
                   for name, f in item_type.model_fields.items())


def _model_parser(model_type: type[M]) -> Callable[[str | bytes | bytearray], M]:
    """:func:`parse_json` for one (already resolved) class, for a caller that parses many documents: a
    stream's every event. It calls the class's pydantic-core validator directly, past
    ``model_validate_json``'s Python wrapper and the per-call type resolution (about 0.8 µs of a chat
    chunk's 6 µs); the deferred schema is built here, once."""
    validate = _bound_validator(model_type)

    def parse(data: str | bytes | bytearray) -> M:
        try:
            return validate(data)
        except ValidationError as exc:
            return _lenient_after(exc, model_type, data)

    return parse


def _bound_validator(model_type: type[M]) -> Callable[[str | bytes | bytearray], M]:
    """The class's pydantic-core ``validate_json``, its deferred schema built first."""
    if not model_type.__pydantic_complete__:
        model_type.model_rebuild()
    validate: Callable[[str | bytes | bytearray], M] = model_type.__pydantic_validator__.validate_json
    return validate


class _TypeParser:
    __slots__ = ("_converter", "_type", "_validate")

    def __init__(self, tp: Any) -> None:
        self._type = tp
        self._validate: Callable[[str | bytes | bytearray], Any] | None = None
        self._converter: _Converter | None = None

    def validator(self) -> Callable[[str | bytes | bytearray], Any]:
        if self._validate is None:
            # The adapter's validator itself, past TypeAdapter.validate_json's Python wrapper.
            self._validate = TypeAdapter(self._type).validator.validate_json
        return self._validate

    def __call__(self, data: str | bytes | bytearray) -> Any:
        validate = self._validate or self.validator()
        try:
            return validate(data)
        except ValidationError as exc:
            if _is_json_error(exc):
                raise
            if self._converter is None:
                self._converter = _Converter(self._type)
            return self._converter.convert(json.loads(data))


_type_parsers: dict[Any, _TypeParser] = {}
_model_parsers: dict[type[Any], Callable[[str | bytes | bytearray], Any]] = {}


def construct_lenient(model_type: type[M], obj: Mapping[str, object]) -> M:
    """Build ``model_type`` from ``obj`` without rejecting anything.

    Each field value is validated on its own against the field's annotation; a value that fails is
    converted recursively (dicts into the annotated models, lists item by item, unions into the best
    matching member) and, where even that is impossible, kept as sent. Keys that are not fields are kept
    as extra attributes. Required fields missing from ``obj`` are left unset (reading them raises
    ``AttributeError``) and absent from ``to_dict()``."""
    return _construct_model(resolve_type(model_type), obj)


def _is_json_error(exc: ValidationError) -> bool:
    # A JSON syntax error is always reported alone, at the top level.
    if exc.error_count() != 1:
        return False
    error = exc.errors(include_url=False, include_context=False, include_input=False)[0]
    return error["type"] == "json_invalid"


def _lenient_model(model_type: type[M], value: Mapping[str, object]) -> M:
    try:
        return model_type.model_validate(value)
    except ValidationError:
        return _construct_model(model_type, value)


def _construct_model(model_type: type[M], obj: Mapping[str, object]) -> M:
    plan = _plan_of(model_type)
    keys = plan.keys
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in obj.items():
        entry = keys.get(key)
        if entry is None:
            extra[key] = value
        else:
            values[entry[0]] = entry[1].convert(value)
    # As in validation, extra keys count as set (so ``to_dict()`` keeps them).
    fields_set = values.keys() | extra.keys()
    if not plan.direct:
        # Only attribute names reach model_construct, so no extra key is taken for an alias or for its
        # own ``_fields_set`` argument; extras are attached afterwards.
        model = model_type.model_construct(_fields_set=fields_set, **values)
        if extra and model.__pydantic_extra__ is not None:
            model.__pydantic_extra__.update(extra)
        return model
    # What model_construct does, minus its per-field alias handling and default deep-copies: several
    # times faster, which matters when a server's every stream chunk takes this path.
    fields_values: dict[str, Any] = {}
    for name, default in plan.defaults:
        if name in values:
            fields_values[name] = values[name]
        elif default is not _REQUIRED:
            fields_values[name] = default
    model = model_type.__new__(model_type)
    _setattr(model, "__dict__", fields_values)
    _setattr(model, "__pydantic_fields_set__", fields_set)
    _setattr(model, "__pydantic_extra__", extra)
    _setattr(model, "__pydantic_private__", None)
    return model


_setattr = object.__setattr__
_REQUIRED: Any = object()
_IMMUTABLE = (type(None), str, int, float, bool, bytes, tuple, frozenset)


class _ModelPlan:
    """What the lenient builder needs to know about one model class, computed once."""

    __slots__ = ("defaults", "direct", "keys")

    def __init__(self, model_type: type[pydantic.BaseModel]) -> None:
        if not model_type.__pydantic_complete__:
            model_type.model_rebuild()
        # {JSON key: (attribute name, converter)}, by alias and by name.
        self.keys: dict[str, tuple[str, _Converter]] = {}
        # (attribute name, default or _REQUIRED) for every field, in declaration order.
        self.defaults: list[tuple[str, Any]] = []
        # Whether the instance can be assembled directly (no post-init hook, no private attributes,
        # extras allowed) rather than through model_construct.
        self.direct = (
            model_type.model_config.get("extra") == "allow"
            and not model_type.__pydantic_post_init__
            and not model_type.__pydantic_root_model__
            and not model_type.__private_attributes__
        )
        for name, info in model_type.model_fields.items():
            annotation: Any = info.annotation
            if info.metadata:  # constraints or a discriminator given with Field(): keep them
                annotation = typing.Annotated[(annotation, *info.metadata)]
            entry = (name, _Converter(annotation))
            self.keys[name] = entry
            if info.alias and info.alias != name:
                self.keys[info.alias] = entry
            if info.is_required():
                self.defaults.append((name, _REQUIRED))
            elif info.default_factory is None and isinstance(info.default, _IMMUTABLE):
                self.defaults.append((name, info.default))
            else:  # a factory or a mutable default: let model_construct produce a fresh value
                self.direct = False


_plans: dict[type[pydantic.BaseModel], _ModelPlan] = {}


def _plan_of(model_type: type[pydantic.BaseModel]) -> _ModelPlan:
    plan = _plans.get(model_type)
    if plan is None:
        plan = _plans[model_type] = _ModelPlan(model_type)
    return plan


_UNION_ORIGINS: tuple[object, ...] = (Union, types.UnionType)
_LIST_ORIGINS: tuple[object, ...] = (list, Sequence, Iterable, typing.List)  # noqa: UP006
_DICT_ORIGINS: tuple[object, ...] = (dict, Mapping, typing.Dict)  # noqa: UP006

_MODEL, _UNION, _LIST, _DICT, _OTHER = range(5)


class _Converter:
    """How to convert a value for one annotation, resolved once per field (and per nested type).

    ``convert`` validates the value against the annotation (lax mode, as the fast path does); when that
    fails it recurses into models, unions, lists and dicts, and otherwise keeps the value as sent."""

    __slots__ = ("_adapter", "_args", "annotation", "kind", "literal", "model")

    def __init__(self, annotation: Any) -> None:
        self.annotation = annotation
        tp = _strip_annotated(annotation)
        origin = typing.get_origin(tp)
        self.model: type[pydantic.BaseModel] | None = None
        self.literal: tuple[object, ...] | None = typing.get_args(tp) if origin is Literal else None
        self._adapter: TypeAdapter[Any] | None = None
        self._args: list[_Converter] | None = None
        if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
            self.kind, self.model = _MODEL, tp
        elif origin in _UNION_ORIGINS:
            self.kind = _UNION
        elif origin in _LIST_ORIGINS and typing.get_args(tp):
            self.kind = _LIST
        elif origin in _DICT_ORIGINS and len(typing.get_args(tp)) == 2:
            self.kind = _DICT
        else:
            self.kind = _OTHER

    def args(self) -> list[_Converter]:
        """Converters of the union members (flattened) / the list item / the dict value."""
        if self._args is None:
            tp = _strip_annotated(self.annotation)
            if self.kind == _UNION:
                self._args = [_Converter(member) for member in _flatten_union(typing.get_args(tp))]
            else:
                self._args = [_Converter(typing.get_args(tp)[-1])]
        return self._args

    def convert(self, value: object) -> object:
        if value is None:
            return None
        kind = self.kind
        if kind == _MODEL:
            assert self.model is not None
            return _lenient_model(self.model, value) if isinstance(value, dict) else value
        if self._adapter is None:
            self._adapter = TypeAdapter(self.annotation)
        try:
            return self._adapter.validate_python(value)
        except ValidationError:
            pass
        if kind == _LIST and isinstance(value, list):
            item = self.args()[0]
            return [item.convert(v) for v in value]
        if kind == _DICT and isinstance(value, dict):
            item = self.args()[0]
            return {k: item.convert(v) for k, v in value.items()}
        if kind == _UNION:
            return self._convert_union(value)
        return value

    def _convert_union(self, value: object) -> object:
        members = self.args()
        if isinstance(value, dict):
            best = _best_model(members, value)
            return value if best is None else _construct_model(best, value)
        if isinstance(value, list):
            for member in members:
                if member.kind == _LIST:
                    return member.convert(value)
        return value


def _strip_annotated(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = tp.__origin__
    return tp


def _flatten_union(members: tuple[Any, ...]) -> list[Any]:
    flat: list[Any] = []
    for member in members:
        tp = _strip_annotated(member)
        if typing.get_origin(tp) in _UNION_ORIGINS:
            flat.extend(_flatten_union(typing.get_args(tp)))
        elif tp is not type(None):
            flat.append(member)
    return flat


def _best_model(members: list[_Converter], value: Mapping[str, object]) -> type[pydantic.BaseModel] | None:
    """The union member that best fits a dict that validates against none of them: the most keys known,
    with a heavy penalty for a Literal field (a discriminator such as ``type``) holding another value.
    None when the union has no model member."""
    best: type[pydantic.BaseModel] | None = None
    best_score = 0
    for member in members:
        if member.model is None:
            continue
        fields = _plan_of(member.model).keys
        score = 0
        for key, item in value.items():
            entry = fields.get(key)
            if entry is None:
                continue
            literal = entry[1].literal
            if literal is None:
                score += 1
            elif item in literal:
                score += 10
            else:
                score -= 100
        if best is None or score > best_score:
            best, best_score = member.model, score
    return best
