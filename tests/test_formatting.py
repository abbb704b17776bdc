"""Dutch formatting: dates, times, lists, ages, names and addresses."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenbloeien_docs import (
    age_on,
    capitalize_first,
    format_date,
    format_datetime,
    format_list,
    format_time,
)
from samenbloeien_docs._formatting import (
    display_name,
    formal_surname,
    initials_name,
    postcode_line,
    sort_key,
)

DAY = dt.date(2026, 12, 3)


def test_date_styles() -> None:
    """Long, full and short dates are Dutch, with lower-case day and month names."""
    assert format_date(DAY) == "3 december 2026"
    assert format_date(DAY, "full") == "donderdag 3 december 2026"
    assert format_date(DAY, "short") == "03-12-2026"
    assert capitalize_first(format_date(DAY, "full")) == "Donderdag 3 december 2026"


def test_unknown_date_style_is_refused() -> None:
    """A style other than long/full/short is an error, not a silent default."""
    with pytest.raises(ValueError, match="unknown date style 'medium'"):
        format_date(DAY, "medium")


def test_time_is_dutch_running_text() -> None:
    """Times read 14.05 uur."""
    assert format_time(dt.time(14, 5)) == "14.05 uur"
    assert format_time(dt.time(9, 0)) == "9.00 uur"


def test_aware_datetime_is_shown_in_amsterdam_time() -> None:
    """An aware UTC moment is converted to Amsterdam (winter: +1, summer: +2)."""
    winter = dt.datetime(2026, 12, 3, 13, 5, tzinfo=dt.UTC)
    summer = dt.datetime(2026, 7, 1, 12, 30, tzinfo=dt.UTC)
    assert format_datetime(winter) == "3 december 2026 om 14.05 uur"
    assert format_time(summer) == "14.30 uur"


def test_naive_datetime_is_not_shifted() -> None:
    """A naive datetime is taken as Amsterdam wall time, not as UTC (babel #805)."""
    naive = dt.datetime(2026, 12, 3, 14, 5)
    assert format_datetime(naive) == "3 december 2026 om 14.05 uur"
    local = dt.datetime(2026, 12, 3, 14, 5, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert format_datetime(local) == format_datetime(naive)


def test_lists() -> None:
    """Lists join with comma and 'en' or 'of'."""
    assert format_list(["a", "b", "c"]) == "a, b en c"
    assert format_list(["a", "b"], "or") == "a of b"
    assert format_list(["a"]) == "a"
    assert format_list([]) == ""


def test_age_on_birthday_edges() -> None:
    """Age goes up on the birthday; 29 February births turn older on 1 March."""
    born = dt.date(2010, 5, 14)
    assert age_on(born, dt.date(2026, 5, 13)) == 15
    assert age_on(born, dt.date(2026, 5, 14)) == 16
    leap = dt.date(2008, 2, 29)
    assert age_on(leap, dt.date(2026, 2, 28)) == 17
    assert age_on(leap, dt.date(2026, 3, 1)) == 18


@given(born=st.dates(dt.date(1990, 1, 1), dt.date(2020, 12, 31)), days=st.integers(0, 20000))
def test_age_is_never_negative_and_steps_by_one(born: dt.date, days: int) -> None:
    """Age is monotone: it never drops and rises by at most one per day."""
    day = born + dt.timedelta(days=days)
    today, tomorrow = age_on(born, day), age_on(born, day + dt.timedelta(days=1))
    assert today >= 0
    assert tomorrow - today in (0, 1)


def test_names_with_prefix() -> None:
    """Surname prefixes: display, formal, initials and sort key."""
    assert display_name("Sam", "de", "Vries") == "Sam de Vries"
    assert formal_surname("van der", "Meer") == "Van der Meer"
    assert initials_name("Anna-Lena", "de", "Vries") == "A.L. de Vries"
    names = [("Sam", "de", "Vries"), ("Ali", None, "Bakker"), ("Eva", "van", "Aalst")]
    assert [n[2] for n in sorted(names, key=lambda n: sort_key(*n))] == ["Aalst", "Bakker", "Vries"]


def test_postcode_line() -> None:
    """PostNL: one space inside the postcode, two before the town, town in capitals."""
    assert postcode_line("9712 HW", "Groningen") == "9712 HW  GRONINGEN"


def test_formatting_does_not_depend_on_lang() -> None:
    """Under LANG=C (and LC_ALL=C) the output is the same Dutch."""
    code = (
        "import datetime as d; from samenbloeien_docs import format_date, due_date, format_list;"
        "print(format_date(d.date(2026,12,3),'full'), due_date(d.date(2026,4,2)), format_list(['a','b']));"
        "from samenbloeien_docs._deadlines import holiday_name; print(holiday_name(d.date(2026,4,3)))"
    )
    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "LANGUAGE": "C"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.splitlines() == [
        "donderdag 3 december 2026 2026-04-08 a en b",
        "Goede vrijdag",
    ]
