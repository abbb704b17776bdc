"""The three-day confirmation term ("binnen drie dagen"), counted in one of three ways."""

from __future__ import annotations

import datetime as dt
import enum
from functools import lru_cache

import holidays as _holidays

CONFIRMATION_DAYS = 3
"""The working agreement of the method: agreements are confirmed within three days."""


class DeadlineMode(enum.Enum):
    """How the term is counted (termijnberekening)."""

    CALENDAR = "kalenderdagen"
    """Calendar days: the date three days later, whatever day it is."""
    ATW = "algemene-termijnenwet"
    """Algemene termijnenwet style: an end on Saturday, Sunday or a holiday moves to the next
    working day, and a term of three or more days holds at least two working days."""
    WORKING_DAYS = "werkdagen"
    """Working days: three working days after the conversation."""

    @property
    def label(self) -> str:
        """The Dutch description of the counting mode."""
        return {
            DeadlineMode.CALENDAR: "kalenderdagen",
            DeadlineMode.ATW: "volgens de Algemene termijnenwet",
            DeadlineMode.WORKING_DAYS: "werkdagen",
        }[self]


@lru_cache(maxsize=64)
def _holidays_of(year: int) -> dict[dt.date, str]:
    # language="nl" keeps the names Dutch whatever LANG says; "optional" adds Goede Vrijdag
    # and Bevrijdingsdag (every year), both recognised by the Algemene termijnenwet.
    found = _holidays.country_holidays(
        "NL", years=year, language="nl", categories=("public", "optional")
    )
    return dict(found.items())


def holiday_name(day: dt.date) -> str | None:
    """The Dutch name of a recognised holiday (Atw) on ``day``, or None."""
    return _holidays_of(day.year).get(day)


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a holiday recognised by the Algemene termijnenwet."""
    return day.weekday() < 5 and holiday_name(day) is None


def _next_working_day(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def due_date(
    start: dt.date, mode: DeadlineMode = DeadlineMode.ATW, days: int = CONFIRMATION_DAYS
) -> dt.date:
    """The last day of a term of ``days`` days that starts after ``start``.

    >>> due_date(dt.date(2026, 1, 8), DeadlineMode.ATW)
    datetime.date(2026, 1, 12)
    """
    if days < 1:
        msg = f"a term has at least one day, not {days}"
        raise ValueError(msg)
    if mode is DeadlineMode.CALENDAR:
        return start + dt.timedelta(days=days)
    if mode is DeadlineMode.WORKING_DAYS:
        day, counted = start, 0
        while counted < days:
            day += dt.timedelta(days=1)
            counted += is_working_day(day)
        return day
    end = _next_working_day(start + dt.timedelta(days=days))
    if days >= 3:

        def working_days() -> int:
            span = (end - start).days
            return sum(is_working_day(start + dt.timedelta(days=i)) for i in range(1, span + 1))

        while working_days() < 2:
            end = _next_working_day(end + dt.timedelta(days=1))
    return end
