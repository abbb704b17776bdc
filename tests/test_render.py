"""Rendering: real readers, hostile text, isolation, threads, sandbox, determinism, metadata."""

from __future__ import annotations

import io
import threading
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenbloeien_docs import (
    DOCUMENT_KINDS,
    AgreementConfirmation,
    ConversationReport,
    MayorsLetter,
    OutputExistsError,
    RenderError,
    Template,
    TemplateError,
    example,
    render,
    structure,
    unstructure,
)
from samenbloeien_docs._jinja import clean_text
from tests.conftest import KINDS, docx_text
from tests.strategies import hostile_text, set_path
from tests.templates import make_template

LoTexts = Callable[[Sequence[bytes]], list[str]]


def expected_pieces(kind: str) -> list[str]:
    """Text every reader must find in the example of a kind."""
    document = example(kind)
    pieces = ["9711 HW  ZONNEDAL", "Lindenlaan 27B-2", "Noah de Wit"]
    if isinstance(document, MayorsLetter):
        pieces += [
            "23 november 2026",
            "de Raad voor de Kinderbescherming",
            "Jeugdbescherming Noord",
            "Leerplicht",
        ]
        pieces += [
            "De burgemeester van Zonnedal,",
            "mr. H.J. Verbeek-Amrani",
            "Autoriteit Persoonsgegevens",
        ]
    if isinstance(document, ConversationReport | AgreementConfirmation):
        pieces += [a.text for a in document.agreements]
        pieces += ["26 november 2026", "17 december 2026"]
    if isinstance(document, ConversationReport):
        pieces = [p for p in pieces if p not in ("9711 HW  ZONNEDAL", "Lindenlaan 27B-2")]
        pieces += [
            "MEE",
            "Toekomstbeeld",
            "Noah wil na de havo een opleiding sport en bewegen doen.",
            "14 mei 2010 (16 jaar)",
        ]
    if kind == "closing-letter":
        pieces += ["18 mei 2027", "20 mei 2027", "geen informatie meer over jou"]
    return pieces


@pytest.mark.parametrize("kind", KINDS)
def test_python_docx_reads_every_field(kind: str) -> None:
    """python-docx finds the long date, the address in capitals, agreements and partners."""
    text = docx_text(render(example(kind)).data)
    for piece in expected_pieces(kind):
        assert piece in text, piece
    assert "Gemeente Zonnedal" in text  # header
    assert "kenmerk ZVH-2026-0142" in text  # footer


def test_libreoffice_reads_every_field(lo_texts: LoTexts) -> None:
    """LibreOffice, a second reader, finds the same text in all four documents."""
    texts = lo_texts([render(example(kind)).data for kind in KINDS])
    for kind, text in zip(KINDS, texts, strict=True):
        for piece in expected_pieces(kind):
            assert piece in text, (kind, piece)


def test_report_has_page_numbers() -> None:
    """The report's footer holds 'pagina X van Y' fields."""
    data = render(example("conversation-report")).data
    footer = zipfile.ZipFile(io.BytesIO(data)).read("word/footer1.xml").decode()
    assert "pagina " in footer
    assert 'w:instr=" PAGE "' in footer
    assert 'w:instr=" NUMPAGES "' in footer


# Fields whose text is printed verbatim in each kind's default template.
VERBATIM = {
    "mayors-letter": [
        "reason",
        "partners.0",
        "retention",
        "privacy_contact",
        "references.our_reference",
        "sender.sending_body",
        "youth.surname",
    ],
    "conversation-report": [
        "situation",
        "analysis",
        "remarks",
        "agreements.0.text",
        "monitoring.by",
        "youth.address.town",
        "professionals.1.organisation",
    ],
    "agreement-confirmation": [
        "consequences",
        "agreements.2.text",
        "monitoring.method",
        "subject",
        "parents.0.surname",
    ],
    "closing-letter": [
        "positive_changes",
        "subject",
        "references.your_reference",
    ],
}


@pytest.mark.parametrize("kind", KINDS)
@given(data=st.data())
def test_hostile_text_comes_out_verbatim(kind: str, data: st.DataObject) -> None:
    """Markup, Jinja syntax, Word XML, control characters, RTL and emoji come out literally."""
    document_data = unstructure(example(kind))
    values = {}
    for path in VERBATIM[kind]:
        limit = 60 if path.startswith("references") else 200
        value = data.draw(hostile_text(limit), label=path)
        set_path(document_data, path, value)
        values[path] = value
    document = structure(document_data, DOCUMENT_KINDS[kind])
    text = docx_text(render(document).data)
    for path, value in values.items():
        assert clean_text(value) in text, path


def test_hostile_text_with_libreoffice(lo_texts: LoTexts) -> None:
    """LibreOffice opens documents full of hostile text and reads it back literally."""
    hostile = [
        "Noord & Zuid <b>vet</b> {{ youth.surname }} {% if 1 %}x{% endif %}",
        "</w:t></w:r><w:r><w:t>INJECTED]]> &amp; 'quotes' \"dubbel\"",
        "مرحبا 🌸 שלום {_{ raw }_}",
    ]
    data = unstructure(example("conversation-report"))
    data["situation"], data["analysis"], data["remarks"] = hostile
    (text,) = lo_texts([render(structure(data, ConversationReport)).data])
    for value in hostile:
        assert value in text


def test_control_characters_and_line_breaks() -> None:
    """Vertical tab becomes a line break, NUL and other controls vanish, lines stay lines."""
    report = example("conversation-report")
    changed = attrs.evolve(
        report, situation="Regel een\x0bregel twee\r\nregel drie\x00\x07\x1b einde"
    )
    document = docx.Document(io.BytesIO(render(changed).data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Regel een\nregel twee\nregel drie einde" in cells


def test_header_with_markup_characters_stays_valid() -> None:
    """A sender name with < and & in the header renders (docxtpl would break the header)."""
    letter = example("mayors-letter")
    sender = attrs.evolve(letter.sender, sending_body="Veiligheidshuis <Noord> & Zuid\x0c")
    text = docx_text(render(attrs.evolve(letter, sender=sender)).data)
    assert "Veiligheidshuis <Noord> & Zuid" in text


def test_failed_render_leaves_nothing_for_the_next() -> None:
    """After a render fails halfway, the next one on the same template holds only its own data."""
    template = Template(
        make_template(["Naam: {{ youth.first_name }}"], footer="{{ remarks.upper() }}"),
        name="fragile.docx",
    )
    report = example("conversation-report")
    first = attrs.evolve(
        report, youth=attrs.evolve(report.youth, first_name="Alphanaam"), remarks=None
    )
    second = attrs.evolve(report, youth=attrs.evolve(report.youth, first_name="Bravonaam"))
    with pytest.raises(RenderError, match=r"fragile\.docx"):
        render(first, template=template)
    text = docx_text(render(second, template=template).data)
    assert "Bravonaam" in text
    assert "Alphanaam" not in text


def test_eight_threads_render_only_their_own_person() -> None:
    """Eight threads rendering different people at once: each document holds only its person."""
    letter = example("mayors-letter")
    names = [f"Persoon{chr(65 + i)}x" for i in range(8)]
    results: dict[str, bytes] = {}
    barrier = threading.Barrier(8)

    def work(name: str) -> None:
        barrier.wait()
        for _ in range(5):
            doc = attrs.evolve(letter, youth=attrs.evolve(letter.youth, first_name=name))
            results[name] = render(doc).data

    threads = [threading.Thread(target=work, args=(n,)) for n in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name in names:
        text = docx_text(results[name])
        assert name in text
        assert [other for other in names if other != name and other in text] == []


@pytest.mark.parametrize(
    "tag",
    [
        "{{ cycler.__init__.__globals__.os.popen('touch /tmp/samenbloeien-pwned').read() }}",
        "{{ youth.__class__.__mro__ }}",
        "{{ youth._check }}",
        "{{ partners.append('x') }}",
    ],
)
def test_template_cannot_run_code(tag: str) -> None:
    """A template that reaches for code or private attributes is refused; nothing runs."""
    marker = Path("/tmp/samenbloeien-pwned")  # noqa: S108 - the path the attack would create
    marker.unlink(missing_ok=True)
    template = Template(make_template([tag]), name="evil.docx")
    with pytest.raises(RenderError) as error:
        render(example("mayors-letter"), template=template)
    assert "evil.docx" in str(error.value)
    assert not marker.exists()


def test_same_input_gives_same_bytes() -> None:
    """Rendering is deterministic: the same document gives byte-identical files."""
    for kind in KINDS:
        assert render(example(kind)).data == render(example(kind)).data


def test_metadata_comes_from_the_document_not_the_template_maker() -> None:
    """Title, author, dates and language come from the document; the maker's traces are gone."""
    template = Template(
        make_template(["{{ youth.first_name }}"], maker_metadata=True), name="maker.docx"
    )
    data = render(example("mayors-letter"), template=template).data
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert "docProps/custom.xml" not in names
    assert not [n for n in names if "thumbnail" in n]
    app = archive.read("docProps/app.xml").decode()
    assert "Sjabloonbureau" not in app
    assert "Geheim.dotm" not in app
    assert b"attachedTemplate" not in archive.read("word/settings.xml")
    assert b"custom.xml" not in archive.read("_rels/.rels")
    assert b"Template Maker" not in data
    core = docx.Document(io.BytesIO(data)).core_properties
    assert core.title == "Burgemeestersbrief ZVH-2026-0142"
    assert core.author == "Zorg- en Veiligheidshuis Zonnedal"
    assert core.last_modified_by == "Zorg- en Veiligheidshuis Zonnedal"
    assert core.language == "nl-NL"
    assert core.created is not None
    assert core.created.date().isoformat() == "2026-11-23"
    assert core.comments == ""
    assert core.keywords == ""


def test_metadata_with_markup_characters_is_escaped_once() -> None:
    """A sender with & in its name is stored once-escaped in core.xml."""
    letter = example("mayors-letter")
    sender = attrs.evolve(letter.sender, sending_body="Noord & Zuid")
    core = docx.Document(
        io.BytesIO(render(attrs.evolve(letter, sender=sender)).data)
    ).core_properties
    assert core.author == "Noord & Zuid"


def test_logo_is_embedded_in_the_header() -> None:
    """The sender's logo lands in the header as an image part."""
    archive = zipfile.ZipFile(io.BytesIO(render(example("mayors-letter")).data))
    assert archive.read("word/media/samenbloeien-logo.png").startswith(b"\x89PNG")
    assert b"samenbloeien-logo.png" in archive.read("word/_rels/header1.xml.rels")
    letter = example("mayors-letter")
    no_logo = attrs.evolve(letter, sender=attrs.evolve(letter.sender, logo=None))
    assert (
        "word/media/samenbloeien-logo.png"
        not in zipfile.ZipFile(io.BytesIO(render(no_logo).data)).namelist()
    )
    header = docx.Document(io.BytesIO(render(no_logo).data)).sections[0].header.tables[0]
    assert len(header.rows) == 1  # the logo row is gone; the name spans the full width
    header_xml = zipfile.ZipFile(io.BytesIO(render(no_logo).data)).read("word/header1.xml")
    assert header_xml.count(b"<w:tc>") == 1
    assert b'<w:gridSpan w:val="2"/>' in header_xml
    assert header.rows[0].cells[0].text == "Gemeente Zonnedal\nZorg- en Veiligheidshuis Zonnedal"


def test_filename_uses_kind_and_reference_only(tmp_path: Path) -> None:
    """The file name is kind plus case reference; save is atomic and refuses to overwrite."""
    rendered = render(example("closing-letter"))
    assert rendered.filename == "closing-letter_ZVH-2026-0142.docx"
    assert "Noah" not in rendered.filename
    target = rendered.save(tmp_path)
    assert target.read_bytes() == rendered.data
    with pytest.raises(OutputExistsError, match="exists already"):
        rendered.save(tmp_path)
    rendered.save(target, overwrite=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["closing-letter_ZVH-2026-0142.docx"]


def test_template_errors_are_clear(tmp_path: Path) -> None:
    """A missing file, a non-Word file and a syntax error are TemplateErrors with the file name."""
    with pytest.raises(TemplateError, match=r"template nope\.docx: file not found"):
        render(example("mayors-letter"), template=tmp_path / "nope.docx")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(TemplateError, match="not a Word"):
        render(example("mayors-letter"), template=bad)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(make_template(["Beste {{ youth.first_name }", "Tweede alinea"]))
    with pytest.raises(TemplateError, match=r"broken.docx: word/document.xml: .*near: .*Beste"):
        render(example("mayors-letter"), template=broken)


def test_dotx_template_becomes_a_document(tmp_path: Path) -> None:
    """A .dotx (template content type) is rendered as a normal document."""
    data = make_template(["Hallo {{ youth.first_name }}"])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(item, content)
    rendered = render(example("mayors-letter"), template=Template(out.getvalue(), name="x.dotx"))
    assert b"template.main+xml" not in zipfile.ZipFile(io.BytesIO(rendered.data)).read(
        "[Content_Types].xml"
    )
    assert "Hallo Noah" in docx_text(rendered.data)


def test_none_prints_nothing_and_braces_stay() -> None:
    """An absent optional value prints nothing; text with {_{ stays as typed."""
    template = Template(make_template(["[{{ remarks }}]", "{{ youth.first_name }}"]), name="t.docx")
    report = example("conversation-report")
    doc = attrs.evolve(
        report, remarks=None, youth=attrs.evolve(report.youth, first_name="A{_{b}_}")
    )
    text = docx_text(render(doc, template=template).data)
    assert "[]" in text
    assert "A{_{b}_}" in text
