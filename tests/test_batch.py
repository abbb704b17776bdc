"""Batch input: JSON array, JSON Lines and CSV laid over a base document."""

from __future__ import annotations

import json

import pytest

from samenbloeien_docs import ClosingLetter, InvalidInputError, MayorsLetter, example, unstructure
from samenbloeien_docs._batch import batch_base, build_documents, read_records

BASE = batch_base(unstructure(example("mayors-letter")))
YOUTH = "youth.first_name,youth.surname,youth.date_of_birth,youth.address.street,youth.address.house_number,youth.address.postcode,youth.address.town"
PERSON = "Ayla,Kaya,2011-04-05,Dorpsstraat,5,9711 AB,Zonnedal"


def test_csv_with_dotted_paths_over_base() -> None:
    """CSV headers are dotted paths; numbers are converted strictly; lists by index."""
    text = (
        f"references.our_reference,{YOUTH},youth.surname_prefix,partners.0\n"
        f"R-1,{PERSON},van,de wijkagent\n"
        f"R-2,{PERSON},,\n"
    )
    valid, invalid = build_documents(read_records(text, MayorsLetter), MayorsLetter, BASE)
    assert [line for e in invalid for line in e.lines] == [
        "record 2: $.partners[0]: expected text, got null"
    ]
    ((number, first),) = valid
    assert number == 1
    assert first.youth.display_name == "Ayla van Kaya"
    assert first.youth.address.house_number == 5
    assert first.partners[0] == "de wijkagent"


def test_empty_cell_never_takes_the_base_value() -> None:
    """An empty cell is 'no value': an empty prefix stays empty, a required field is refused."""
    text = (
        f"references.our_reference,{YOUTH},youth.surname_prefix\n"
        f"R-1,{PERSON},\n"
        "R-2,,Kaya,2011-04-05,Dorpsstraat,5,9711 AB,Zonnedal,\n"
    )
    valid, invalid = build_documents(read_records(text, MayorsLetter), MayorsLetter, BASE)
    assert valid[0][1].youth.surname_prefix is None
    assert [line for e in invalid for line in e.lines] == [
        "record 2: $.youth.first_name: expected text, got null"
    ]


def test_base_with_a_person_is_refused() -> None:
    """A base holding a young person, parents or a case reference is refused before any record."""
    with pytest.raises(InvalidInputError) as error:
        build_documents([{}], MayorsLetter, unstructure(example("mayors-letter")))
    why = "per-person data must come from each record, not from the base"
    assert error.value.lines == [
        f"$.youth: {why} (remove it from --base)",
        f"$.parents: {why} (remove it from --base)",
        f"$.references.our_reference: the case reference is per person: {why}",
    ]


def test_csv_errors_name_record_and_path() -> None:
    """A bad number and a bad postcode are reported with record number and path."""
    text = (
        "references.our_reference,youth.first_name,youth.surname,youth.date_of_birth,youth.address.street,"
        "youth.address.town,youth.address.house_number,youth.address.postcode\n"
        "R-1,A,B,2011-01-01,S,T,12a,9711 AB\nR-2,A,B,2011-01-01,S,T,3,9711 SS\n"
    )
    valid, invalid = build_documents(read_records(text, MayorsLetter), MayorsLetter, BASE)
    assert [n for n, _ in valid] == []
    assert [line for e in invalid for line in e.lines] == [
        "record 1: $.youth.address.house_number: expected a whole number, got '12a'",
        "record 2: $.youth.address.postcode: the letters SS are never used in Dutch postcodes",
    ]


def test_csv_unknown_column_is_refused() -> None:
    """A header that names no field is refused before any record is read."""
    with pytest.raises(InvalidInputError) as error:
        read_records("youth.firstname\nx\n", MayorsLetter)
    assert error.value.lines == ["$.youth.firstname: column 1: no such field"]


def test_json_lines_and_array() -> None:
    """JSON Lines and a JSON array give the same records; bad JSON names its line."""
    lines = '{"references": {"our_reference": "A"}}\n{"references": {"our_reference": "B"}}\n'
    array = '[{"references": {"our_reference": "A"}}, {"references": {"our_reference": "B"}}]'
    assert read_records(lines, ClosingLetter) == read_records(array, ClosingLetter)
    with pytest.raises(InvalidInputError) as error:
        read_records('{"a": 1}\n{"a": \n', ClosingLetter)
    assert error.value.lines[0].startswith("line 2: not valid JSON")


def test_json_records_merge_deeply_over_base() -> None:
    """A JSON record replaces only what it names; lists are replaced whole."""
    youth = unstructure(example("mayors-letter"))["youth"]
    record = {"youth": youth, "references": {"our_reference": "R-9"}, "partners": ["Halt"]}
    records = read_records(json.dumps([record]), MayorsLetter)
    ((_, letter),), _ = build_documents(records, MayorsLetter, BASE)
    assert letter.youth.first_name == "Noah"
    assert letter.references.your_reference == "JGA-ZD-17"  # from the base, merged deeply
    assert letter.partners == ("Halt",)


def test_empty_input_is_refused() -> None:
    """Empty input is an error, not zero documents."""
    with pytest.raises(InvalidInputError, match="the input is empty"):
        read_records("  \n", MayorsLetter)


def test_json_record_cannot_pose_as_a_csv_row() -> None:
    """A JSON record with a key such as '__csv__' is an ordinary record: refused as unknown."""
    records = read_records('[{"__csv__": {"youth.first_name": "X"}}]', MayorsLetter)
    valid, invalid = build_documents(records, MayorsLetter, BASE)
    assert valid == []
    assert "record 1: $.__csv__: unknown field" in invalid[0].lines
