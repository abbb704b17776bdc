"""JSON in and out: round trips, strictness, paths in errors, JSON Schema."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenbloeien_docs import (
    DOCUMENT_KINDS,
    InvalidInputError,
    example,
    json_schema,
    structure,
    unstructure,
)
from tests.conftest import KINDS
from tests.strategies import documents


@pytest.mark.parametrize("kind", KINDS)
def test_example_round_trips(kind: str) -> None:
    """structure(unstructure(example(k))) == example(k), also through JSON text."""
    document = example(kind)
    data = json.loads(json.dumps(unstructure(document)))
    assert structure(data, DOCUMENT_KINDS[kind]) == document


@pytest.mark.parametrize("kind", KINDS)
@given(data=st.data())
def test_generated_documents_round_trip(kind: str, data: st.DataObject) -> None:
    """Generated documents (hostile text, shifted dates) survive the JSON round trip."""
    document = data.draw(documents(kind))
    assert (
        structure(json.loads(json.dumps(unstructure(document))), DOCUMENT_KINDS[kind]) == document
    )


@pytest.mark.parametrize("kind", KINDS)
def test_example_validates_against_schema(kind: str) -> None:
    """Every example is valid under its own JSON Schema (draft 2020-12)."""
    schema = json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(unstructure(example(kind)))


def test_schema_refuses_unknown_keys_and_carries_dutch_terms() -> None:
    """The schema forbids extra keys and describes fields with their Dutch term."""
    schema = json_schema("conversation-report")
    data = unstructure(example("conversation-report"))
    data["bsn"] = "123456782"
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert [e.validator for e in errors] == ["additionalProperties"]
    assert schema["properties"]["future_view"]["description"] == "Toekomstbeeld."
    assert schema["$defs"]["Address"]["properties"]["postcode"]["description"].startswith(
        "Postcode"
    )


def wrong(kind: str, **paths: Any) -> list[str]:
    """Structure the example of ``kind`` with values replaced; return the error lines."""
    data = unstructure(example(kind))
    for dotted, value in paths.items():
        node = data
        keys = dotted.split("__")
        for key in keys[:-1]:
            node = node[int(key)] if isinstance(node, list) else node[key]
        node[keys[-1]] = value
    with pytest.raises(InvalidInputError) as error:
        structure(data, DOCUMENT_KINDS[kind])
    return error.value.lines


def test_three_wrong_fields_in_one_error() -> None:
    """A document with three wrong fields yields one error listing all three paths."""
    assert wrong(
        "mayors-letter",
        youth__address__postcode="9712 SS",
        letter_date="2026-02-31",
        youth__first_name=17,
    ) == [
        "$.letter_date: '2026-02-31' is not a real calendar date",
        "$.youth.first_name: expected text, got a number",
        "$.youth.address.postcode: the letters SS are never used in Dutch postcodes",
    ]


@pytest.mark.parametrize(
    ("path", "value", "line"),
    [
        (
            "youth__address__house_number",
            "12",
            "$.youth.address.house_number: expected a whole number, got text",
        ),
        (
            "youth__address__house_number",
            True,
            "$.youth.address.house_number: expected a whole number, got a boolean",
        ),
        (
            "youth__address__house_number",
            12.0,
            "$.youth.address.house_number: expected a whole number, got a number",
        ),
        ("youth__surname", None, "$.youth.surname: expected text, got null"),
        (
            "letter_date",
            "3-12-2026",
            "$.letter_date: expected a date as YYYY-MM-DD, got '3-12-2026'",
        ),
        ("letter_date", "20261203", "$.letter_date: expected a date as YYYY-MM-DD, got '20261203'"),
        ("partners", "de politie", "$.partners: expected a list, got text"),
        ("parents", {}, "$.parents: expected a list, got an object"),
        ("youth", [], "$.youth: expected an object, got a list"),
        ("sender__logo__data", "@@", "$.sender.logo.data: is not valid base64"),
    ],
)
def test_nothing_is_coerced(path: str, value: Any, line: str) -> None:
    """Wrong JSON types are refused with the path, never converted."""
    assert wrong("mayors-letter", **{path: value}) == [line]


def test_enum_values_and_list_indices_in_paths() -> None:
    """Enums are refused with the allowed values; list items carry their index."""
    assert wrong("conversation-report", position="Plus", agreements__1__text="") == [
        "$.position: expected one of 'plus', 'mee', 'min', got 'Plus'",
        "$.agreements[1].text: is empty",
    ]


def test_unknown_and_missing_keys() -> None:
    """Unknown keys are refused by path; missing required ones are named (in field order)."""
    data = unstructure(example("closing-letter"))
    data["youth"]["bsn"] = "123"
    del data["closure_date"]
    with pytest.raises(InvalidInputError) as error:
        structure(data, DOCUMENT_KINDS["closing-letter"])
    assert error.value.lines == ["$.youth.bsn: unknown field", "$.closure_date: is required"]


def test_root_must_be_an_object() -> None:
    """A JSON array where a document belongs is refused at $."""
    with pytest.raises(InvalidInputError) as error:
        structure([], DOCUMENT_KINDS["closing-letter"])
    assert error.value.lines == ["$: expected an object, got a list"]


def test_unstructure_uses_iso_dates_enum_values_and_base64() -> None:
    """Dates are ISO strings, enums their values, the logo base64."""
    data = unstructure(example("agreement-confirmation"))
    assert data["letter_date"] == "2026-11-27"
    assert data["channel"] == "post"
    assert data["deadline_mode"] == "algemene-termijnenwet"
    assert data["sender"]["logo"]["data"].startswith("iVBORw0KGgo")
