"""Hypothesis strategies shared by the tests: hostile text and whole documents."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from samenbloeien_docs import example, structure, unstructure
from samenbloeien_docs._models import DOCUMENT_KINDS

HOSTILE_PIECES = [
    "<", ">", "&", "&amp;", '"', "'", "{{ youth.surname }}", "{% for x in y %}", "{#", "#}",
    "}}", "{_{", "</w:t></w:r><w:r><w:t>INJECTED", "<w:p/>", "]]>", "<!--", "\x0b", "\x00",
    "\x07", "\x0c", "\x1b", "\r\n", "\n", "\t", "\u200f", "\u202e", "مرحبا", "שלום", "🌸", "👩‍👧",
    "ĳ", "é", "\ufffe", "  ", "\\", "%}",
]  # fmt: skip


def hostile_text(max_size: int = 60) -> st.SearchStrategy[str]:
    """Text mixing markup, Jinja syntax, Word XML, control characters, RTL and emoji."""
    piece = st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=8))
    return (
        st.lists(piece, min_size=1, max_size=12)
        .map("".join)
        .map(lambda s: s[:max_size])
        .filter(lambda s: bool(s.strip()))
    )


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set a value at a dotted path with list indices (``agreements.0.text``)."""
    node: Any = data
    parts = path.split(".")
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    last = parts[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value


@st.composite
def documents(draw: st.DrawFn, kind: str) -> Any:
    """Valid documents of a kind: the example with generated text and shifted dates."""
    data = unstructure(example(kind))
    shift = dt.timedelta(days=draw(st.integers(-3000, 3000)))

    def move(key: str) -> None:
        if data.get(key):
            data[key] = (dt.date.fromisoformat(data[key]) + shift).isoformat()

    for key in ("letter_date", "report_date", "conversation_date", "closure_date"):
        move(key)
    if data.get("monitoring", {}).get("next_contact"):
        nxt = dt.date.fromisoformat(data["monitoring"]["next_contact"]) + shift
        data["monitoring"]["next_contact"] = nxt.isoformat()
    data["youth"]["date_of_birth"] = (dt.date(2010, 5, 14) + shift).isoformat()
    data["youth"]["first_name"] = draw(hostile_text(40))
    data["references"]["our_reference"] = draw(hostile_text(60))
    count = draw(st.integers(1, 7))
    if "agreements" in data:
        data["agreements"] = [{"text": draw(hostile_text(120))} for _ in range(count)]
    data.pop("delay_reason", None)
    return structure(data, DOCUMENT_KINDS[kind])
