"""The sandboxed Jinja environment templates run in, and the Dutch filters it offers.

Filters (use them in a Word template as ``{{ letter_date|long_date }}``):

==================  ==========================================================
``long_date``       3 december 2026
``full_date``       donderdag 3 december 2026
``short_date``      03-12-2026
``time_nl``         14.05 uur
``datetime_nl``     3 december 2026 om 14.05 uur (Amsterdam time)
``join_and``        a, b en c
``join_or``         a, b of c
``capfirst``        first letter upper case (``Donderdag 3 december 2026``)
``age_on(day)``     age in years of a date of birth on ``day``
``due_date(mode)``  last day of the three-day term after a date
==================  ==========================================================

Each date filter gives an empty text for a missing (null) value, so ``{{ x|long_date or '-' }}``
prints a dash.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from ._deadlines import DeadlineMode, due_date
from ._formatting import (
    age_on,
    capitalize_first,
    format_date,
    format_datetime,
    format_list,
    format_time,
)

# Characters XML 1.0 does not allow, plus the ones docxtpl would turn into structure
# (\a new paragraph, \f page break). \t (tab) and \n (line break) are kept.
_ILLEGAL = re.compile("[\x00-\x08\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x85\u2028\u2029]")


def clean_text(text: str) -> str:
    r"""Make text safe for Word XML: line-break look-alikes become ``\n``, control characters go.

    A vertical tab (Word's manual line break when pasted) and a carriage return become a line
    break; NUL and the other C0 controls, and characters XML 1.0 forbids, are removed.
    """
    return _ILLEGAL.sub("", _LINE_BREAKS.sub("\n", text))


def _finalize(value: Any) -> Any:
    """Applied to every ``{{ }}`` output: None prints nothing, text is cleaned."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return clean_text(value)
    return value


def _dated(style: str) -> Callable[[dt.date | None], str]:
    def format_(value: dt.date | None) -> str:
        return "" if value is None else format_date(value, style)

    format_.__name__ = f"{style}_date"
    return format_


def _time(value: dt.time | dt.datetime | None) -> str:
    return "" if value is None else format_time(value)


def _datetime(value: dt.datetime | None) -> str:
    return "" if value is None else format_datetime(value)


def _join(style: str) -> Callable[[Iterable[Any]], str]:
    def join(values: Iterable[Any]) -> str:
        return format_list((str(_finalize(v)) for v in values), style)

    return join


def _age(value: dt.date | None, on: dt.date) -> int | str:
    return "" if value is None else age_on(value, on)


def _due(value: dt.date | None, mode: str = DeadlineMode.ATW.value) -> dt.date | None:
    return None if value is None else due_date(value, DeadlineMode(mode))


FILTERS: dict[str, Callable[..., Any]] = {
    "long_date": _dated("long"),
    "full_date": _dated("full"),
    "short_date": _dated("short"),
    "time_nl": _time,
    "datetime_nl": _datetime,
    "join_and": _join("and"),
    "join_or": _join("or"),
    "capfirst": capitalize_first,
    "age_on": _age,
    "due_date": _due,
}
"""The Dutch filters, by the name a template uses."""

REMOVED_FILTERS = ("safe",)
"""Jinja filters taken out: ``safe`` would let case-system text through unescaped."""


def make_environment() -> ImmutableSandboxedEnvironment:
    """A fresh sandboxed environment: autoescape on from construction, strict undefined.

    The immutable sandbox refuses private attributes (``__class__``, ``_x``), unsafe
    callables and changes to lists or dicts from inside a template.
    """
    env = ImmutableSandboxedEnvironment(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    for name in REMOVED_FILTERS:
        env.filters.pop(name, None)
    return env
