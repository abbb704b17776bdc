"""PDF through a real LibreOffice: text, PDF/A, envelope window, combined files, errors."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pypdf import PdfReader

from samenbloeien_docs import ConversionError, Converter, example, render, to_pdf
from samenbloeien_docs._combine import combine_docx, combine_pdfs
from tests.conftest import KINDS, docx_text

MM = 72 / 25.4
# The left-window envelope the default letters are laid out for (docs/templates.md).
WINDOW = {"left": 20, "top": 45, "width": 90, "height": 45}
ADDRESS = ["Noah de Wit", "en ouder(s)/verzorger(s)", "Lindenlaan 27B-2", "9711 HW  ZONNEDAL"]


def pdf_text(pdf: bytes) -> str:
    """All text pypdf extracts."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.usefixtures("soffice")
def test_batch_conversion_holds_dates_and_address() -> None:
    """One LibreOffice run converts all four; the PDFs hold the long date and the address."""
    pdfs = to_pdf([render(example(kind)) for kind in KINDS])
    assert len(pdfs) == 4
    letter = pdf_text(pdfs[0])
    assert "23 november 2026" in letter
    assert "9711 HW ZONNEDAL" in " ".join(letter.split()) or "9711 HW  ZONNEDAL" in letter
    assert "27 november 2026" in pdf_text(pdfs[2])
    assert "Gespreksverslag gezamenlijk preventief gesprek" in pdf_text(pdfs[1])


@pytest.mark.usefixtures("soffice")
def test_pdfa_carries_part_2() -> None:
    """--pdfa gives PDF/A-2b: the XMP metadata names pdfaid:part 2."""
    pdf = to_pdf(render(example("closing-letter")), pdfa=True)
    xmp = PdfReader(io.BytesIO(pdf)).xmp_metadata
    assert xmp is not None
    raw = xmp.stream.get_data()
    assert b"pdfaid:part" in raw
    assert b"2" in raw.split(b"pdfaid:part")[1][:5]


@pytest.mark.usefixtures("soffice")
@pytest.mark.parametrize("kind", ["mayors-letter", "agreement-confirmation", "closing-letter"])
def test_address_block_lies_in_the_envelope_window(kind: str) -> None:
    """Every address line of page 1 lies inside the left-window envelope's window."""
    pdf = to_pdf(render(example(kind)))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        lines = page.extract_text_lines()
    left, top = WINDOW["left"] * MM, WINDOW["top"] * MM
    right, bottom = left + WINDOW["width"] * MM, top + WINDOW["height"] * MM
    found = {line["text"]: line for line in lines}
    for wanted in ADDRESS:
        match = next(
            (
                line
                for text, line in found.items()
                if " ".join(text.split()) == " ".join(wanted.split())
            ),
            None,
        )
        assert match is not None, wanted
        assert left <= match["x0"], (wanted, match["x0"])
        assert match["x1"] <= right, (wanted, match["x1"])
        assert top <= match["top"], (wanted, match["top"])
        assert match["bottom"] <= bottom, (wanted, match["bottom"])
    # and nothing else of the letter shows through the window
    inside = [
        t
        for t, line in found.items()
        if line["top"] >= top and line["bottom"] <= bottom and line["x0"] < right
    ]
    assert all(
        any(" ".join(t.split()) == " ".join(a.split()) for a in ADDRESS) or "Postbus" in t
        for t in inside
    ), inside


@pytest.mark.usefixtures("soffice")
def test_combined_pdf_has_the_sum_of_pages() -> None:
    """A combined print file has as many pages as its parts, in order."""
    pdfs = to_pdf([render(example(kind)) for kind in KINDS])
    pages = [len(PdfReader(io.BytesIO(p)).pages) for p in pdfs]
    combined = PdfReader(io.BytesIO(combine_pdfs(pdfs)))
    assert len(combined.pages) == sum(pages)
    assert "23 november 2026" in combined.pages[0].extract_text()


def test_combined_docx_keeps_core_properties_and_no_foreign_footer() -> None:
    """The combined DOCX holds every letter, has fresh metadata and no first-letter footer."""
    import attrs
    import docx

    letter = example("mayors-letter")
    second = attrs.evolve(
        letter, references=attrs.evolve(letter.references, our_reference="ZVH-2026-0999")
    )
    data = combine_docx(
        [render(letter), render(second)],
        title="Printbestand",
        author="ZVH",
        date="2026-11-23T12:00:00Z",
    )
    text = docx_text(data)
    assert text.count("Beste Noah") == 2
    assert "ZVH-2026-0999" in text
    assert "kenmerk ZVH-2026-0142 ·" not in text  # the first letter's footer is not on every page
    core = docx.Document(io.BytesIO(data)).core_properties
    assert core.title == "Printbestand"
    assert core.last_modified_by == "ZVH"  # python-docx still reads cp: after docxcompose ran


def test_missing_libreoffice_is_a_conversion_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without LibreOffice, to_pdf raises ConversionError naming the document."""
    monkeypatch.setenv("SAMENBLOEIEN_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(
        ConversionError, match=r"converting mayors-letter_ZVH-2026-0142\.docx failed: LibreOffice"
    ):
        to_pdf(render(example("mayors-letter")))


@pytest.mark.usefixtures("soffice")
def test_conversion_timeout_is_reported() -> None:
    """A LibreOffice that does not finish in time is stopped and reported."""
    with pytest.raises(ConversionError, match=r"did not finish within 0\.01 s"):
        to_pdf([render(example("mayors-letter"))] * 3, timeout=0.01)


@pytest.mark.usefixtures("soffice")
def test_broken_document_is_named() -> None:
    """A document LibreOffice cannot convert is named in the error."""
    from samenbloeien_docs import RenderedDocument

    broken = RenderedDocument(
        "mayors-letter", "KAPOT-1", b"PK\x03\x04 a corrupt zip, not a Word file"
    )
    with pytest.raises(ConversionError, match=r"mayors-letter_KAPOT-1\.docx"):
        to_pdf([render(example("closing-letter")), broken])


@pytest.mark.usefixtures("soffice")
def test_warm_converter_converts_and_stops() -> None:
    """The warm converter (unoserver) gives the same text, PDF/A on request, and stops cleanly."""
    rendered = render(example("agreement-confirmation"))
    with Converter() as converter:
        first = converter.convert(rendered)
        pdfa = converter.convert(rendered, pdfa=True)
        process = converter._process
    assert "27 november 2026" in pdf_text(first)
    assert b"pdfaid:part" in pdfa
    assert process is not None
    assert process.poll() is not None


def test_warm_converter_reports_unreachable_service() -> None:
    """A remote service that does not answer is a ConversionError, not a hang."""
    converter = Converter(host="127.0.0.1", port=9, timeout=0.5)
    with pytest.raises(ConversionError, match="did not answer"):
        converter.start()
