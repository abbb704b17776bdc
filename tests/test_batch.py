"""Batch input: JSON array, JSON Lines and CSV laid over a base document."""

from __future__ import annotations

import pytest

from samenbloeien_docs import ClosingLetter, InvalidInputError, MayorsLetter, example, unstructure
from samenbloeien_docs._batch import build_documents, read_records

BASE = unstructure(example("mayors-letter"))


def test_csv_with_dotted_paths_over_base() -> None:
    """CSV headers are dotted paths; numbers are converted strictly; empty cells keep the base."""
    text = (
        "references.our_reference,youth.first_name,youth.address.house_number,partners.0\n"
        "R-1,Ayla,5,de wijkagent\n"
        "R-2,,7,\n"
    )
    valid, invalid = build_documents(read_records(text, MayorsLetter), MayorsLetter, BASE)
    assert invalid == []
    first, second = (doc for _, doc in valid)
    assert (first.youth.first_name, first.youth.address.house_number, first.partners[0]) == (
        "Ayla",
        5,
        "de wijkagent",
    )
    assert (second.youth.first_name, second.partners[0]) == (
        "Noah",
        "de Raad voor de Kinderbescherming",
    )


def test_csv_errors_name_record_and_path() -> None:
    """A bad number and a bad postcode are reported with record number and path."""
    text = "references.our_reference,youth.address.house_number,youth.address.postcode\nR-1,12a,9711 AB\nR-2,3,9711 SS\n"
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
    records = read_records('[{"youth": {"first_name": "Mo"}, "partners": ["Halt"]}]', MayorsLetter)
    ((_, letter),), _ = build_documents(records, MayorsLetter, BASE)
    assert letter.youth.first_name == "Mo"
    assert letter.youth.surname == "Wit"
    assert letter.partners == ("Halt",)


def test_empty_input_is_refused() -> None:
    """Empty input is an error, not zero documents."""
    with pytest.raises(InvalidInputError, match="the input is empty"):
        read_records("  \n", MayorsLetter)
