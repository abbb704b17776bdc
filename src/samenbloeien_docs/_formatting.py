"""Dutch formatting of dates, times, lists, ages, names and addresses.

Everything here passes ``locale="nl_NL"`` explicitly, so the output never depends on the
process locale or ``LANG``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from babel.dates import format_date as _babel_date
from babel.dates import format_time as _babel_time
from babel.lists import format_list as _babel_list

LOCALE = "nl_NL"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

_DATE_STYLES = ("long", "full", "short")


def format_date(value: dt.date, style: str = "long") -> str:
    """Format a date in Dutch: ``long`` 3 december 2026, ``full`` donderdag 3 december 2026, ``short`` 03-12-2026.

    Day and month names are lower case, as Dutch writes them; use :func:`capitalize_first`
    at the start of a sentence.
    """
    if style not in _DATE_STYLES:
        msg = f"unknown date style {style!r}; use one of {', '.join(_DATE_STYLES)}"
        raise ValueError(msg)
    if isinstance(value, dt.datetime):
        value = to_amsterdam(value).date()
    return _babel_date(value, style, locale=LOCALE)


def to_amsterdam(value: dt.datetime) -> dt.datetime:
    """Return ``value`` as Amsterdam wall-clock time.

    An aware datetime is converted. A naive one is taken to be Amsterdam time already and is
    not shifted (babel would treat it as UTC and move it by an hour or two).
    """
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        return value.replace(tzinfo=AMSTERDAM)
    return value.astimezone(AMSTERDAM)


def format_time(value: dt.time | dt.datetime) -> str:
    """Format a time the Dutch way for running text: ``14.05 uur``."""
    if isinstance(value, dt.datetime):
        value = to_amsterdam(value).timetz()
    return _babel_time(value.replace(tzinfo=None), "H.mm 'uur'", locale=LOCALE)


def format_datetime(value: dt.datetime, style: str = "long") -> str:
    """Format a moment as ``3 december 2026 om 14.05 uur`` in Amsterdam time."""
    local = to_amsterdam(value)
    return f"{format_date(local.date(), style)} om {format_time(local)}"


def format_list(items: Iterable[str], style: str = "and") -> str:
    """Join items the Dutch way: ``a, b en c`` (style ``and``) or ``a, b of c`` (style ``or``)."""
    values = [str(item) for item in items]
    if not values:
        return ""
    if style not in ("and", "or"):
        msg = f"unknown list style {style!r}; use 'and' or 'or'"
        raise ValueError(msg)
    return _babel_list(values, style="standard" if style == "and" else "or", locale=LOCALE)


def capitalize_first(text: str) -> str:
    """Capitalise the first character only (``donderdag 3 december`` -> ``Donderdag 3 december``)."""
    return text[:1].upper() + text[1:]


def age_on(date_of_birth: dt.date, on: dt.date) -> int:
    """Age in whole years on a date; someone born on 29 February turns a year older on 1 March."""
    before_birthday = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - int(before_birthday)


def display_name(first_name: str, surname_prefix: str | None, surname: str) -> str:
    """The name as written in running text: ``Sam de Vries``."""
    return " ".join(part for part in (first_name, surname_prefix, surname) if part)


def formal_surname(surname_prefix: str | None, surname: str) -> str:
    """The surname as used after ``heer``/``mevrouw`` without initials: ``De Vries``."""
    if not surname_prefix:
        return surname
    return f"{capitalize_first(surname_prefix)} {surname}"


def initials_name(first_name: str, surname_prefix: str | None, surname: str) -> str:
    """Initials with the surname: ``S. de Vries`` (the prefix stays lower case after initials)."""
    initials = "".join(f"{part[0].upper()}." for part in first_name.replace("-", " ").split())
    return " ".join(part for part in (initials, surname_prefix, surname) if part)


def sort_key(first_name: str, surname_prefix: str | None, surname: str) -> tuple[str, str, str]:
    """Sort on the surname without its prefix, then first name, then prefix (``Vries, Sam de``)."""
    return (surname.casefold(), first_name.casefold(), (surname_prefix or "").casefold())


def postcode_line(postcode: str, town: str) -> str:
    """The last line of a Dutch address per PostNL: ``9712 HW  GRONINGEN`` (two spaces, capitals)."""
    return f"{postcode}  {town.upper()}"
