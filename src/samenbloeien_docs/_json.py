"""JSON in and out (cattrs) and a JSON Schema per document kind.

Nothing is coerced: a number where text is expected, ``"12"`` where a number is expected,
``"2026-02-31"`` or an unknown key are refused, and every problem is reported at once with
its JSON path.
"""

from __future__ import annotations

import ast
import base64
import binascii
import datetime as dt
import enum
import inspect
import itertools
import re
import textwrap
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from ._errors import InvalidInputError, Problem
from ._models import DOCUMENT_KINDS, SKIP, Document

T = TypeVar("T")

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _fail(message: str) -> typing.NoReturn:
    raise InvalidInputError([Problem("$", message)])


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        _fail(f"expected text, got {_json_type(value)}")
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(f"expected a whole number, got {_json_type(value)}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        _fail(f"expected true or false, got {_json_type(value)}")
    return value


def _structure_date(value: object, _: type) -> dt.date:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        shown = repr(value) if isinstance(value, str) else _json_type(value)
        _fail(f"expected a date as YYYY-MM-DD, got {shown}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"{value!r} is not a real calendar date")


def _structure_bytes(value: object, _: type) -> bytes:
    if not isinstance(value, str):
        _fail(f"expected base64 text, got {_json_type(value)}")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        _fail("is not valid base64")


def _structure_enum(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    allowed = ", ".join(repr(m.value) for m in cls)

    def hook(value: object, _: type) -> enum.Enum:
        for member in cls:
            if member.value == value and type(value) is type(member.value):
                return member
        _fail(f"expected one of {allowed}, got {value!r}")

    return hook


def _is_tuple(tp: Any) -> bool:
    return typing.get_origin(tp) is tuple


def _make_converter() -> Converter:
    conv = Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_structure_hook(bytes, _structure_bytes)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )

    def tuple_factory(tp: Any) -> Callable[[object, type], tuple[Any, ...]]:
        (item_type, _ellipsis) = typing.get_args(tp)

        def hook(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list):
                _fail(f"expected a list, got {_json_type(value)}")
            items, problems = [], []
            for index, item in enumerate(value):
                try:
                    items.append(conv.structure(item, item_type))
                except Exception as exc:
                    problems += _problems(exc, f"$[{index}]")
            if problems:
                raise InvalidInputError(problems)
            return tuple(items)

        return hook

    conv.register_structure_hook_factory(_is_tuple, tuple_factory)

    def class_factory(cls: type) -> Callable[[object, type], Any]:
        generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )

        def hook(value: object, tp: type) -> Any:
            if not isinstance(value, dict):
                _fail(f"expected an object, got {_json_type(value)}")
            try:
                return generated(value, tp)
            except BaseValidationError as exc:
                raise InvalidInputError(
                    _with_object_checks(cls, value, _problems(exc, "$"))
                ) from None

        return hook

    conv.register_structure_hook_factory(attrs.has, class_factory)

    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_unstructure_hook(bytes, lambda b: base64.b64encode(b).decode("ascii"))
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda _: lambda e: e.value
    )
    return conv


def _with_object_checks(cls: type, value: dict[str, Any], problems: list[Problem]) -> list[Problem]:
    """Add the object-level rules, checked on the fields that did parse, in field order."""
    check = getattr(cls, "_problems_of_partial", None)
    if check is None:  # pragma: no cover - every model has it
        return problems
    failed = {re.split(r"[.\[]", p.path[2:], maxsplit=1)[0] for p in problems}
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for attribute in attrs.fields(cls):
        name = attribute.name
        if name in failed:
            values[name] = SKIP
        elif name in value:
            try:
                parsed = _CONVERTER.structure(value[name], hints[name])
            except Exception:
                parsed = SKIP
            values[name] = (
                attribute.converter(parsed)
                if callable(attribute.converter) and parsed is not SKIP
                else parsed
            )
        elif isinstance(attribute.default, attrs.Factory):  # type: ignore[arg-type]
            values[name] = attribute.default.factory()
        elif attribute.default is not attrs.NOTHING:
            values[name] = attribute.default
        else:
            values[name] = SKIP
    extra = [p for p in check(values) if p.path not in {q.path for q in problems}]
    order = {a.name: i for i, a in enumerate(attrs.fields(cls))}

    def position(problem: Problem) -> int:
        return order.get(re.split(r"[.\[]", problem.path[2:], maxsplit=1)[0], len(order))

    return sorted([*problems, *extra], key=position)


def _problems(exc: BaseException, path: str) -> list[Problem]:
    """Turn a (nested) structuring failure into problems with absolute JSON paths."""
    if isinstance(exc, InvalidInputError):
        return [p.under(path) for p in exc.problems]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [Problem(f"{path}.{key}", "unknown field") for key in sorted(exc.extra_fields)]
    if isinstance(exc, ClassValidationError | IterableValidationError):
        found: list[Problem] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            if isinstance(note, AttributeValidationNote):
                sub_path = f"{path}.{note.name}"
                if isinstance(sub, KeyError):
                    found.append(Problem(sub_path, "is required"))
                    continue
            elif isinstance(note, IterableValidationNote):
                sub_path = f"{path}[{note.index}]"
            else:  # pragma: no cover - cattrs only adds these two kinds of note
                sub_path = path
            found += _problems(sub, sub_path)
        for sub in without:
            found += _problems(sub, path)
        return found
    return [Problem(path, str(exc) or type(exc).__name__)]


_CONVERTER = _make_converter()


def structure(data: object, cls: type[T]) -> T:
    """Build a model from JSON-shaped data (dicts, lists, strings, numbers).

    Raises:
        InvalidInputError: listing every wrong, missing or unknown field by JSON path.
    """
    try:
        return _CONVERTER.structure(data, cls)
    except InvalidInputError:
        raise
    except Exception as exc:
        raise InvalidInputError(_problems(exc, "$")) from None


def unstructure(document: object) -> dict[str, Any]:
    """Turn a model into JSON-shaped data: ISO dates, enums by value, bytes as base64."""
    result = _CONVERTER.unstructure(document)
    if not isinstance(result, dict):  # pragma: no cover - only attrs models are passed
        msg = f"expected a model, got {type(document).__name__}"
        raise TypeError(msg)
    return result


def kind_class(kind: str) -> type[Document]:
    """The model class of a document kind name.

    Raises:
        InvalidInputError: for an unknown kind (the message lists the known ones).
    """
    try:
        return DOCUMENT_KINDS[kind]
    except KeyError:
        known = ", ".join(DOCUMENT_KINDS)
        problem = Problem("kind", f"unknown kind {kind!r}; use one of {known}")
        raise InvalidInputError([problem]) from None


# --------------------------------------------------------------------------- JSON Schema


@cache
def _field_docs(cls: type) -> dict[str, str]:
    """Read the attribute docstrings (the Dutch terms) from a model's source."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError):  # pragma: no cover - source not available (zipped install)
        return {}
    docs: dict[str, str] = {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    for node, following in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[node.target.id] = " ".join(following.value.value.split())
    return docs


def _schema_of(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if tp is str:
        return {"type": "string", "minLength": 1}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is dt.date:
        return {"type": "string", "format": "date", "pattern": _ISO_DATE.pattern}
    if tp is bytes:
        return {"type": "string", "contentEncoding": "base64"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    origin = typing.get_origin(tp)
    if origin is tuple:
        return {"type": "array", "items": _schema_of(typing.get_args(tp)[0], defs)}
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(options) == 1:
            return {"anyOf": [_schema_of(options[0], defs), {"type": "null"}]}
    if attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    msg = f"no JSON Schema for {tp!r}"  # pragma: no cover - all model types are covered
    raise TypeError(msg)  # pragma: no cover


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    docs = _field_docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for attribute in attrs.fields(cls):
        schema = _schema_of(hints[attribute.name], defs)
        if attribute.default is attrs.NOTHING:
            required.append(attribute.name)
            if schema.get("type") == "array":
                schema["minItems"] = 1
        if attribute.name == "postcode":
            schema["pattern"] = r"^\s*[1-9][0-9]{3}\s*[A-Za-z]{2}\s*$"
        if attribute.name in docs:
            schema["description"] = docs[attribute.name]
        properties[attribute.name] = schema
    out: dict[str, Any] = {"type": "object", "properties": properties}
    if cls.__doc__:
        out["description"] = cls.__doc__.strip().splitlines()[0]
    out["required"] = required
    out["additionalProperties"] = False
    return out


def json_schema(kind_or_class: str | type[Document]) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of one document kind, for case systems in other languages.

    The schema checks the shape of the input; the cross-field rules (dates in order, the
    three-day term, a MIN position) are checked by :func:`structure` and reported by path.
    """
    cls = kind_class(kind_or_class) if isinstance(kind_or_class, str) else kind_or_class
    defs: dict[str, Any] = {}
    root = _class_schema(cls, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:samenbloeien-docs:{cls.kind}",
        "title": cls.__name__,
        **root,
        "$defs": dict(sorted(defs.items())),
    }
