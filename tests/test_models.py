"""Model invariants: each refused with a message naming the field."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenbloeien_docs import (
    Address,
    Agreement,
    AgreementConfirmation,
    ConversationReport,
    InvalidInputError,
    MayorsLetter,
    Position,
    advice,
    example,
)


def lines(error: pytest.ExceptionInfo[InvalidInputError]) -> list[str]:
    """The problem lines of an InvalidInputError."""
    return [str(p) for p in error.value.problems]


def evolve(document: Any, **changes: Any) -> Any:
    """attrs.evolve, typed loosely for the tests."""
    return attrs.evolve(document, **changes)


def address(**changes: Any) -> Address:
    """A valid address with changes."""
    values: dict[str, Any] = {
        "street": "Kerkstraat",
        "house_number": 1,
        "postcode": "9712 HW",
        "town": "Groningen",
    }
    values.update(changes)
    return Address(**values)


@pytest.mark.parametrize(
    ("given", "stored"), [("9712hw", "9712 HW"), (" 9712  hw ", "9712 HW"), ("9712 HW", "9712 HW")]
)
def test_postcode_is_normalised(given: str, stored: str) -> None:
    """Postcodes are normalised to four digits, a space and two capitals."""
    assert address(postcode=given).postcode == stored


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("0712 HW", "$.postcode: is not a Dutch postcode (four digits, then two letters)"),
        ("971 HW", "$.postcode: is not a Dutch postcode (four digits, then two letters)"),
        ("9712 SS", "$.postcode: the letters SS are never used in Dutch postcodes"),
        ("9712 sa", "$.postcode: the letters SA are never used in Dutch postcodes"),
        ("9712SD", "$.postcode: the letters SD are never used in Dutch postcodes"),
    ],
)
def test_bad_postcodes_are_refused(given: str, message: str) -> None:
    """Wrong shapes and the never-used pairs SA, SD and SS are refused."""
    with pytest.raises(InvalidInputError) as error:
        address(postcode=given)
    assert lines(error) == [message]


def test_address_lines_per_postnl() -> None:
    """Street line with letter and addition; postcode line with two spaces and capitals."""
    a = address(house_number=400, house_letter="l", house_number_addition="Toe")
    assert a.lines == ("Kerkstraat 400L-Toe", "9712 HW  GRONINGEN")
    assert (
        address(house_number=3, house_number_addition="tegenover").street_line
        == "Kerkstraat 3 tegenover"
    )


def test_all_problems_of_an_object_at_once() -> None:
    """Several wrong fields give one error listing each."""
    with pytest.raises(InvalidInputError) as error:
        Address(street="  ", house_number=0, postcode="x", town="")
    assert lines(error) == [
        "$.street: is empty",
        "$.house_number: 0 is not a house number (1 to 99999)",
        "$.postcode: is not a Dutch postcode (four digits, then two letters)",
        "$.town: is empty",
    ]


def test_wrong_python_types_are_refused_not_coerced() -> None:
    """A number where text belongs, or text where a number belongs, is refused."""
    with pytest.raises(InvalidInputError) as error:
        Address(street=12, house_number="12", postcode="9712 HW", town="Groningen")  # type: ignore[arg-type]
    assert lines(error) == [
        "$.street: expected text, got int",
        "$.house_number: expected a whole number, got str",
    ]


def test_date_of_birth_before_conversation() -> None:
    """A young person born on or after the conversation date is refused."""
    report = example("conversation-report")
    assert isinstance(report, ConversationReport)
    youth = evolve(report.youth, date_of_birth=report.conversation_date)
    with pytest.raises(InvalidInputError) as error:
        evolve(report, youth=youth)
    assert lines(error) == ["$.youth.date_of_birth: must lie before 2026-11-26 (conversation_date)"]


def test_report_not_dated_before_conversation() -> None:
    """A report dated before its conversation is refused."""
    report = example("conversation-report")
    with pytest.raises(InvalidInputError) as error:
        evolve(report, report_date=dt.date(2026, 11, 25))
    assert lines(error) == ["$.report_date: 2026-11-25 lies before 2026-11-26 (conversation_date)"]


def test_second_conversation_after_first() -> None:
    """The planned second conversation must come after the first."""
    report = example("conversation-report")
    assert isinstance(report, ConversationReport)
    with pytest.raises(InvalidInputError) as error:
        evolve(report, monitoring=evolve(report.monitoring, next_contact=dt.date(2026, 11, 26)))
    assert lines(error) == [
        "$.monitoring.next_contact: the second conversation (2026-11-26) must come after the first (2026-11-26)"
    ]


def test_at_least_one_agreement() -> None:
    """A report and a confirmation need at least one agreement."""
    for kind in ("conversation-report", "agreement-confirmation"):
        with pytest.raises(InvalidInputError) as error:
            evolve(example(kind), agreements=())
        assert lines(error) == ["$.agreements: needs at least 1 item"]


def test_min_position_needs_a_reason() -> None:
    """A MIN young person is refused unless an override reason is recorded."""
    report = example("conversation-report")
    with pytest.raises(InvalidInputError) as error:
        evolve(report, position=Position.MIN)
    assert (
        "$.position: a preventive conversation is not meant for a MIN young person"
        in lines(error)[0]
    )
    allowed = evolve(
        report,
        position=Position.MIN,
        position_override_reason="Politie adviseert eerst een gesprek.",
    )
    assert allowed.position is Position.MIN
    assert "min-position" in [a.code for a in advice(allowed)]


def test_override_reason_only_for_min() -> None:
    """An override reason for a PLUS or MEE young person is a mistake."""
    with pytest.raises(InvalidInputError) as error:
        evolve(example("conversation-report"), position_override_reason="waarom niet")
    assert lines(error) == ["$.position_override_reason: only applies to position 'min'"]


def test_late_confirmation_needs_a_reason() -> None:
    """A confirmation after the three-day term needs delay_reason."""
    confirmation = example("agreement-confirmation")
    assert isinstance(confirmation, AgreementConfirmation)
    with pytest.raises(InvalidInputError) as error:
        evolve(confirmation, letter_date=dt.date(2026, 12, 1), delay_reason=None)
    assert lines(error) == [
        "$.letter_date: 2026-12-01 is after the three-day term, which ended on 2026-11-30 "
        "(algemene-termijnenwet); record delay_reason to send it anyway"
    ]
    late = evolve(
        confirmation, letter_date=dt.date(2026, 12, 1), delay_reason="Ziekte van de jongerenwerker."
    )
    assert late.is_late
    assert late.due_date == dt.date(2026, 11, 30)
    assert "late-confirmation" in [a.code for a in advice(late)]


def test_letter_not_before_conversation() -> None:
    """A confirmation dated before the conversation is refused."""
    with pytest.raises(InvalidInputError) as error:
        evolve(example("agreement-confirmation"), letter_date=dt.date(2026, 11, 25))
    assert lines(error) == ["$.letter_date: 2026-11-25 lies before 2026-11-26 (conversation_date)"]


def test_closing_letter_order_of_dates() -> None:
    """Closure after the conversation, letter on or after the closure."""
    with pytest.raises(InvalidInputError) as error:
        evolve(
            example("closing-letter"),
            closure_date=dt.date(2026, 1, 1),
            letter_date=dt.date(2025, 12, 31),
        )
    assert lines(error) == [
        "$.closure_date: 2026-01-01 lies before 2026-11-26 (conversation_date)",
        "$.letter_date: 2025-12-31 lies before 2026-01-01 (closure_date)",
    ]


def test_mayors_letter_needs_partners_and_nonblank_text() -> None:
    """The partner list cannot be empty and required text cannot be blank."""
    with pytest.raises(InvalidInputError) as error:
        evolve(example("mayors-letter"), partners=[], reason=" \n ")
    assert lines(error) == ["$.reason: is empty", "$.partners: needs at least 1 item"]


def test_empty_optional_text_is_refused() -> None:
    """An optional text given as blank is refused (leave it out instead)."""
    with pytest.raises(InvalidInputError) as error:
        evolve(example("conversation-report"), remarks="   ")
    assert lines(error) == ["$.remarks: is empty; leave it out or use null"]


def test_advice_for_many_agreements() -> None:
    """More than five agreements is advice, not an error."""
    report = example("conversation-report")
    many = evolve(report, agreements=[Agreement(text=f"Afspraak {i}") for i in range(6)])
    codes = [a.code for a in advice(many)]
    assert codes == ["many-agreements"]
    assert advice(report) == []


def test_salutation_and_addressee() -> None:
    """A minor is greeted by first name together with the parents; the block names the carers."""
    letter = example("mayors-letter")
    assert isinstance(letter, MayorsLetter)
    assert letter.salutation == "Beste Noah, Samira El Idrissi en Jeroen de Wit,"
    assert letter.addressee_lines == (
        "Noah de Wit",
        "en ouder(s)/verzorger(s)",
        "Lindenlaan 27B-2",
        "9711 HW  ZONNEDAL",
    )
    adult = evolve(letter, parents=(), letter_date=dt.date(2029, 1, 1), conversation_date=None)
    assert adult.salutation == "Beste Noah de Wit,"
    assert adult.addressee_lines[0] == "Noah de Wit"
    assert letter.partner_list.endswith("Jeugdbescherming Noord en Leerplicht")


@given(
    digits=st.integers(1000, 9999),
    letters=st.text(
        alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", min_size=2, max_size=2
    ),
    before=st.sampled_from(["", " ", "  "]),
    between=st.sampled_from(["", " ", "  "]),
)
def test_postcode_normaliser(digits: int, letters: str, before: str, between: str) -> None:
    """Any spacing and case normalise to '1234 AB'; SA, SD and SS are always refused."""
    given_code = f"{before}{digits}{between}{letters}"
    expected = f"{digits} {letters.upper()}"
    if letters.upper() in ("SA", "SD", "SS"):
        with pytest.raises(InvalidInputError, match="never used in Dutch postcodes"):
            address(postcode=given_code)
    else:
        assert address(postcode=given_code).postcode == expected
