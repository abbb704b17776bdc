"""Records for a whole group: JSON array, JSON Lines or CSV, laid over a base document."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import types
import typing
from typing import Any, TypeVar

import attrs

from ._errors import InvalidInputError, Problem
from ._json import structure
from ._models import Document

_INT = re.compile(r"^[0-9]+$")
D = TypeVar("D", bound=Document)


def parse_json(text: str, where: str = "$") -> Any:
    """Parse JSON, turning a syntax error into an :class:`InvalidInputError` with its position."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            [Problem(where, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")]
        ) from None


def read_records(text: str, cls: type[Document]) -> list[Record]:
    """Split batch input into records: a JSON array, JSON Lines, or CSV with a header row.

    CSV headers are dotted field paths (``youth.first_name``, ``agreements.0.text``); cells
    are converted to the field's type (whole numbers, ``true``/``false``), strictly; an empty
    cell means "no value" (null), never "the base document's value".

    Raises:
        InvalidInputError: the input cannot be read (naming the line or record).
    """
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        raise InvalidInputError([Problem("$", "the input is empty")])
    if stripped.startswith("["):
        data = parse_json(stripped)
        bad = [i for i, r in enumerate(data, 1) if not isinstance(r, dict)]
        if bad:
            raise InvalidInputError(
                [Problem(f"$[{i - 1}]", "expected an object") for i in bad], record=bad[0]
            )
        return [dict(record) for record in data]
    if stripped.startswith("{"):
        records: list[Record] = []
        for number, line in enumerate(stripped.splitlines(), 1):
            if not line.strip():
                continue
            record = parse_json(line, where=f"line {number}")
            if not isinstance(record, dict):
                raise InvalidInputError([Problem(f"line {number}", "expected a JSON object")])
            records.append(record)
        return records
    return _read_csv(stripped, cls)


def _field_type(cls: Any, path: list[str]) -> Any:
    """The declared type at a dotted path of a model class, or None if there is no such field."""
    tp: Any = cls
    for segment in path:
        origin = typing.get_origin(tp)
        if origin in (types.UnionType, typing.Union):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
            origin = typing.get_origin(tp)
        if origin is tuple:
            if not _INT.match(segment):
                return None
            tp = typing.get_args(tp)[0]
            continue
        if not (isinstance(tp, type) and attrs.has(tp)):
            return None
        hints = typing.get_type_hints(tp)
        if segment not in hints or segment not in attrs.fields_dict(tp):
            return None
        tp = hints[segment]
    return tp


def _convert_cell(value: str, tp: Any, path: str) -> Any:
    base = tp
    if typing.get_origin(tp) in (types.UnionType, typing.Union):
        base = next(a for a in typing.get_args(tp) if a is not type(None))
    if base is int:
        if not _INT.match(value.strip()):
            raise InvalidInputError([Problem(path, f"expected a whole number, got {value!r}")])
        return int(value)
    if base is bool:
        if value.strip() not in ("true", "false"):
            raise InvalidInputError([Problem(path, f"expected true or false, got {value!r}")])
        return value.strip() == "true"
    if typing.get_origin(base) is tuple:
        raise InvalidInputError([Problem(path, "name a list item, e.g. agreements.0.text")])
    return value


@attrs.frozen
class CsvRecord:
    """One CSV row: values by dotted path (None for an empty cell), and problems found reading it."""

    values: dict[str, Any]
    problems: tuple[Problem, ...]


Record = dict[str, Any] | CsvRecord
"""A batch record: a JSON object merged over the base, or a CSV row laid over it by path."""


def _read_csv(text: str, cls: type[Document]) -> list[Record]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    problems = []
    types_ = []
    for column, name in enumerate(header, 1):
        tp = _field_type(cls, name.strip().split("."))
        if tp is None:
            problems.append(Problem(f"$.{name.strip()}", f"column {column}: no such field"))
        types_.append(tp)
    if problems:
        raise InvalidInputError(problems)
    records: list[Record] = []
    for number, row in enumerate(reader, 1):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problem = Problem("$", f"has {len(row)} cells; the header has {len(header)}")
            raise InvalidInputError([problem], record=number)
        record: dict[str, Any] = {}
        row_problems: list[Problem] = []
        for name, tp, cell in zip(header, types_, row, strict=True):
            path = "$." + name.strip()
            if cell == "":
                record[name.strip()] = None
                continue
            try:
                value = _convert_cell(cell, tp, path)
            except InvalidInputError as exc:
                row_problems += exc.problems
                continue
            record[name.strip()] = value
        records.append(CsvRecord(record, tuple(row_problems)))
    return records


def _set_path(target: dict[str, Any], dotted: str, value: Any) -> None:
    node: Any = target
    segments = dotted.split(".")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        key: Any = int(segment) if isinstance(node, list) else segment
        if isinstance(node, list):
            if key > len(node):
                msg = f"list index {key} skips items (the list has {len(node)})"
                raise InvalidInputError([Problem("$." + dotted, msg)])
            if key == len(node):
                node.append(value if last else {})
        if last:
            node[key] = value
            return
        if isinstance(node, dict) and (segment not in node or node[segment] is None):
            node[segment] = [] if _INT.match(segments[index + 1]) else {}
        node = node[key]


def _merge(base: Any, overlay: Any) -> Any:
    if isinstance(base, dict) and isinstance(overlay, dict):
        merged = dict(base)
        for key, value in overlay.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    return overlay


PERSONAL_BASE_KEYS = ("youth", "parents", "parents_present")
"""Top-level keys a batch base may not hold: they describe one person, and would be copied
into every record's document."""


def check_base(base: dict[str, Any]) -> None:
    """Refuse a batch base that holds data of one young person.

    Everything in the base ends up in every document of the batch; a young person, parents
    or a case reference there would appear in other young people's letters.

    Raises:
        InvalidInputError: naming each personal field found in the base.
    """
    why = "per-person data must come from each record, not from the base"
    problems = [
        Problem(f"$.{key}", f"{why} (remove it from --base)")
        for key in PERSONAL_BASE_KEYS
        if key in base
    ]
    references = base.get("references")
    if isinstance(references, dict) and "our_reference" in references:
        problems.append(
            Problem("$.references.our_reference", f"the case reference is per person: {why}")
        )
    if problems:
        raise InvalidInputError(problems)


def batch_base(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of JSON document data without its per-person fields, usable as a batch base."""
    base = {k: copy.deepcopy(v) for k, v in document.items() if k not in PERSONAL_BASE_KEYS}
    if isinstance(base.get("references"), dict):
        base["references"].pop("our_reference", None)
    return base


def build_documents(
    records: list[Record], cls: type[D], base: dict[str, Any] | None
) -> tuple[list[tuple[int, D]], list[InvalidInputError]]:
    """Lay each record over ``base`` and validate it; (number, document) pairs and errors.

    Records are numbered from 1 in input order; every error carries its record number.

    Raises:
        InvalidInputError: the base holds per-person data (see :func:`check_base`).
    """
    if base:
        check_base(base)
    valid: list[tuple[int, D]] = []
    invalid: list[InvalidInputError] = []
    for number, record in enumerate(records, 1):
        try:
            if isinstance(record, CsvRecord):
                data = copy.deepcopy(base or {})
                problems = list(record.problems)
                for dotted, value in record.values.items():
                    try:
                        _set_path(data, dotted, value)
                    except InvalidInputError as exc:
                        problems += exc.problems
                if problems:
                    raise InvalidInputError(problems)
            else:
                data = _merge(copy.deepcopy(base or {}), record)
            valid.append((number, structure(data, cls)))
        except InvalidInputError as exc:
            invalid.append(exc.for_record(number))
    return valid, invalid
