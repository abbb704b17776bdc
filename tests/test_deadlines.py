"""The three-day confirmation term in its three counting modes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenbloeien_docs import DeadlineMode, due_date, is_working_day
from samenbloeien_docs._deadlines import holiday_name

D = dt.date


@pytest.mark.parametrize(
    ("conversation", "calendar", "atw", "working"),
    [
        (D(2026, 1, 8), D(2026, 1, 11), D(2026, 1, 12), D(2026, 1, 13)),
        (D(2026, 4, 2), D(2026, 4, 5), D(2026, 4, 8), D(2026, 4, 9)),
        (D(2026, 12, 24), D(2026, 12, 27), D(2026, 12, 29), D(2026, 12, 30)),
    ],
)
def test_worked_examples(
    conversation: dt.date, calendar: dt.date, atw: dt.date, working: dt.date
) -> None:
    """The three worked examples of domain-nl.md, in all three modes."""
    assert due_date(conversation, DeadlineMode.CALENDAR) == calendar
    assert due_date(conversation, DeadlineMode.ATW) == atw
    assert due_date(conversation, DeadlineMode.WORKING_DAYS) == working


def test_atw_holidays_are_recognised() -> None:
    """Goede Vrijdag, Bevrijdingsdag (every year) and Koningsdag on the 26th when the 27th is Sunday."""
    assert holiday_name(D(2026, 4, 3)) == "Goede vrijdag"
    assert holiday_name(D(2027, 5, 5)) == "Bevrijdingsdag"
    assert holiday_name(D(2025, 4, 26)) == "Koningsdag"
    assert not is_working_day(D(2026, 5, 5))
    assert is_working_day(D(2026, 5, 6))


@given(st.dates(D(2024, 1, 1), D(2032, 12, 31)))
def test_atw_term_ends_on_a_working_day_with_two_working_days(start: dt.date) -> None:
    """An Atw-style term never ends on a weekend or holiday and holds two working days."""
    end = due_date(start, DeadlineMode.ATW)
    assert is_working_day(end)
    assert end >= start + dt.timedelta(days=3)
    inside = [start + dt.timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(is_working_day(d) for d in inside) >= 2


@given(st.dates(D(2024, 1, 1), D(2032, 12, 31)))
def test_working_days_mode_counts_three(start: dt.date) -> None:
    """Working-days mode ends on the third working day after the start."""
    end = due_date(start, DeadlineMode.WORKING_DAYS)
    inside = [start + dt.timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(is_working_day(d) for d in inside) == 3
    assert is_working_day(end)


def test_term_of_zero_days_is_refused() -> None:
    """A term must have at least one day."""
    with pytest.raises(ValueError, match="at least one day"):
        due_date(D(2026, 1, 8), DeadlineMode.ATW, days=0)
