"""Build the four default Word templates of samenbloeien-docs from this script.

The templates are written as plain WordprocessingML so that they stay lean (a small styles
part, no theme, no thumbnail, no leftover metadata) and so that every byte is reproducible:
``python tools/build_templates.py --check DIR`` fails when DIR differs from what this script
builds, which CI runs.

Layout (A4, all measures from the page's top left corner):

* header: the logo and the organisation's name, 12 mm from the top;
* address block: a cell of fixed height starting 45 mm from the top, text starting 25 mm from
  the left, 80 mm wide: it shows through the window of a left-window envelope (window 20 mm
  from the left, 45 mm from the top, 90 x 45 mm);
* reference block, subject, salutation, body and signature below it;
* footer: organisation, reference and "pagina X van Y".

A municipality restyles these in Word by changing the named paragraph styles (Adresblok,
Kenmerklabel, Onderwerp, Aanhef, Ondertekening, Veldlabel, ...), not by direct formatting.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
MM = 56.6929  # twips per millimetre
PAGE_W, PAGE_H = 11906, 16838
LEFT, RIGHT = round(25 * MM), round(20 * MM)
TEXT_W = PAGE_W - LEFT - RIGHT
TOP = round(45 * MM)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# --------------------------------------------------------------------------- XML helpers


def run(text: str, *, bold: bool = False, italic: bool = False) -> str:
    """One run of literal text (template tags pass through unchanged)."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    texts = [
        f'<w:t xml:space="preserve">{escape(part)}</w:t>' if part else ""
        for part in text.split("\t")
    ]
    return f"<w:r>{rpr}{'<w:tab/>'.join(texts)}</w:r>"


def para(
    content: str | list[str] = "", style: str | None = None, *, keep_next: bool = False
) -> str:
    """A paragraph; plain strings become runs, strings starting with '<' are raw XML."""
    parts = [content] if isinstance(content, str) else content
    body = "".join(p if p.startswith("<") else run(p) for p in parts if p)
    ppr = ""
    if style or keep_next:
        ppr = "<w:pPr>"
        ppr += f'<w:pStyle w:val="{style}"/>' if style else ""
        ppr += "<w:keepNext/>" if keep_next else ""
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{body}</w:p>"


def tag(text: str) -> str:
    """A paragraph holding only a block tag such as ``{%p if x %}`` (docxtpl removes it)."""
    return para(text)


def cell(content: str, width: int, *, valign: str | None = None, margin_top: int = 0) -> str:
    """A table cell of ``width`` twips holding paragraphs."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if margin_top:
        props += f'<w:tcMar><w:top w:w="{margin_top}" w:type="dxa"/></w:tcMar>'
    if valign:
        props += f'<w:vAlign w:val="{valign}"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content or para()}</w:tc>"


def table(rows: list[str], widths: list[int], *, style: str = "Onzichtbaretabel") -> str:
    """A borderless table with fixed column widths."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def row(
    cells: list[str], *, height: int | None = None, exact: bool = False, header: bool = False
) -> str:
    """A table row; ``exact`` fixes its height (used for the envelope window)."""
    props = ""
    if height:
        props += f'<w:trHeight w:val="{height}" w:hRule="{"exact" if exact else "atLeast"}"/>'
    if header:
        props += "<w:tblHeader/>"
    props += "<w:cantSplit/>"
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def field(instruction: str, shown: str) -> str:
    """A simple field (PAGE, NUMPAGES) with its placeholder result."""
    return f'<w:fldSimple w:instr=" {instruction} "><w:r><w:t>{shown}</w:t></w:r></w:fldSimple>'


# --------------------------------------------------------------------------- shared parts


def styles_xml() -> str:
    """A lean styles part: defaults plus the named styles the templates use."""

    def pstyle(
        sid: str,
        name: str,
        *,
        ppr: str = "",
        rpr: str = "",
        based: str = "Standaard",
        nxt: str = "",
    ) -> str:
        based_on = f'<w:basedOn w:val="{based}"/>' if based and sid != based else ""
        nxt_el = f'<w:next w:val="{nxt}"/>' if nxt else ""
        return (
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
            f"{based_on}{nxt_el}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        )

    grey = '<w:color w:val="595959"/>'
    small = '<w:sz w:val="15"/><w:szCs w:val="15"/>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:styles {W_NS}>"
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'
        '<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/>'
        "<w:qFormat/></w:style>"
        + pstyle("Plattetekst", "Platte tekst", ppr='<w:spacing w:after="160"/>')
        + pstyle("Briefkop", "Briefkop", rpr='<w:b/><w:color w:val="2E7D32"/><w:sz w:val="26"/>')
        + pstyle("Briefkopsub", "Briefkop afzender", rpr=grey + '<w:sz w:val="17"/>')
        + pstyle("Retouradres", "Retouradres", ppr='<w:spacing w:after="60"/>', rpr=grey + small)
        + pstyle("Adresblok", "Adresblok", ppr='<w:spacing w:line="252" w:lineRule="auto"/>')
        + pstyle("Kenmerklabel", "Kenmerklabel", rpr=grey + '<w:sz w:val="16"/>')
        + pstyle("Kenmerk", "Kenmerk", ppr='<w:spacing w:after="100"/>', rpr='<w:sz w:val="18"/>')
        + pstyle(
            "Onderwerp",
            "Onderwerp",
            ppr='<w:spacing w:before="240" w:after="240"/>',
            rpr='<w:b/><w:sz w:val="22"/>',
        )
        + pstyle("Aanhef", "Aanhef", ppr='<w:spacing w:after="160"/>', nxt="Plattetekst")
        + pstyle(
            "Opsomming",
            "Opsomming",
            ppr='<w:spacing w:after="80"/><w:ind w:left="567" w:hanging="283"/>',
        )
        + pstyle("Groet", "Groet", ppr='<w:keepNext/><w:spacing w:before="120" w:after="480"/>')
        + pstyle("Ondertekening", "Ondertekening", ppr="<w:keepNext/>")
        + pstyle(
            "Titel",
            "Titel",
            ppr='<w:spacing w:after="240"/>',
            rpr='<w:b/><w:color w:val="2E7D32"/><w:sz w:val="32"/>',
        )
        + pstyle(
            "Kop1",
            "Kop 1",
            ppr='<w:keepNext/><w:spacing w:before="280" w:after="100"/><w:outlineLvl w:val="0"/>',
            rpr='<w:b/><w:color w:val="2E7D32"/><w:sz w:val="24"/>',
        )
        + pstyle("Veldlabel", "Veldlabel", rpr='<w:b/><w:sz w:val="18"/>')
        + pstyle("Veldtekst", "Veldtekst", ppr='<w:spacing w:after="60"/>')
        + pstyle(
            "Voettekst", "Voettekst", rpr=grey + '<w:sz w:val="15"/>', ppr='<w:jc w:val="center"/>'
        )
        + pstyle(
            "Kleinedruk",
            "Kleine druk",
            rpr=grey + '<w:sz w:val="16"/>',
            ppr='<w:spacing w:after="120"/>',
        )
        + '<w:style w:type="table" w:default="1" w:styleId="Standaardtabel"><w:name w:val="Normal Table"/>'
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        '<w:style w:type="table" w:customStyle="1" w:styleId="Onzichtbaretabel"><w:name w:val="Onzichtbare tabel"/>'
        '<w:basedOn w:val="Standaardtabel"/><w:tblPr><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
        '<w:right w:w="113" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        '<w:style w:type="table" w:customStyle="1" w:styleId="Veldtabel"><w:name w:val="Veldtabel"/>'
        '<w:basedOn w:val="Standaardtabel"/><w:tblPr><w:tblBorders>'
        '<w:top w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        "</w:styles>"
    )


SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat><w:themeFontLang w:val="nl-NL"/></w:settings>'
)

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Default Extension="jpeg" ContentType="image/jpeg"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/header1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/word/footer1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)

PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)

DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'settings" Target="settings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'header" Target="header1.xml"/>'
    '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'footer" Target="footer1.xml"/>'
    "</Relationships>"
)

CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>samenbloeien-docs template</dc:title>'
    "</cp:coreProperties>"
)

APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>samenbloeien-docs</Application></Properties>"
)


def header_xml() -> str:
    """Logo (when the sender has one) beside the organisation's name; without one, the name alone."""
    logo_w = round(22 * MM)
    names = para("{{ sender.organisation }}", "Briefkop") + para(
        "{{ sender.sending_body }}", "Briefkopsub"
    )

    def tag_row(text: str) -> str:
        # docxtpl removes a row holding a {%tr %} tag and keeps the tag
        return row([cell(para(text), logo_w), cell(para(), TEXT_W - logo_w)])

    spanning = (
        f'<w:tc><w:tcPr><w:tcW w:w="{TEXT_W}" w:type="dxa"/><w:gridSpan w:val="2"/>'
        f'<w:vAlign w:val="center"/></w:tcPr>{names}</w:tc>'
    )
    content = table(
        [
            tag_row("{%tr if sender.logo %}"),
            row(
                [
                    cell(para("{{ logo }}"), logo_w, valign="center"),
                    cell(names, TEXT_W - logo_w, valign="center"),
                ]
            ),
            tag_row("{%tr else %}"),
            f"<w:tr>{spanning}</w:tr>",
            tag_row("{%tr endif %}"),
        ],
        [logo_w, TEXT_W - logo_w],
    )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W_NS}>{content}{para()}</w:hdr>'


def footer_xml(with_pages: bool) -> str:
    """Organisation and reference, with page numbers ("pagina X van Y")."""
    parts = ["{{ sender.organisation }} · kenmerk {{ references.our_reference }}"]
    if with_pages:
        parts += [" · pagina ", field("PAGE", "1"), " van ", field("NUMPAGES", "1")]
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {W_NS}>{para(parts, "Voettekst")}</w:ftr>'


def section() -> str:
    """A4 portrait, margins that put the first body block in the envelope window."""
    return (
        '<w:sectPr><w:headerReference w:type="default" r:id="rId3"/>'
        '<w:footerReference w:type="default" r:id="rId4"/>'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{TOP}" w:right="{RIGHT}" w:bottom="{round(25 * MM)}" w:left="{LEFT}" '
        f'w:header="{round(12 * MM)}" w:footer="{round(10 * MM)}" w:gutter="0"/>'
        "</w:sectPr>"
    )


def document_xml(body: str) -> str:
    """Wrap body XML into a document part."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {W_NS}><w:body>{body}{section()}</w:body></w:document>"
    )


# --------------------------------------------------------------------------- letter parts


def address_block() -> str:
    """The window block: a fixed-height cell, the return address on top, then the addressee."""
    content = (
        para(
            "{{ sender.postal_address.street_line }}, {{ sender.postal_address.postcode }}  "
            "{{ sender.postal_address.town }}",
            "Retouradres",
        )
        + tag("{%p for line in doc.addressee_lines %}")
        + para("{{ line }}", "Adresblok")
        + tag("{%p endfor %}")
    )
    width = round(80 * MM)
    return table(
        [
            row(
                [cell(content, width, margin_top=round(6 * MM)), cell(para(), TEXT_W - width)],
                height=round(45 * MM),
                exact=True,
            )
        ],
        [width, TEXT_W - width],
    )


def reference_block(*, attachments: bool = False) -> str:
    """Datum, kenmerken, contact, telefoon and bijlagen in two columns, then the subject."""
    label_w = round(24 * MM)
    value_w = (TEXT_W - 2 * label_w) // 2

    def pair(label: str, value: str) -> list[str]:
        return [cell(para(label, "Kenmerklabel"), label_w), cell(para(value, "Kenmerk"), value_w)]

    rows = [
        row(
            pair("Datum", "{{ letter_date|long_date }}")
            + pair("Ons kenmerk", "{{ references.our_reference }}")
        ),
        row(
            pair("Uw brief van", "{{ references.your_letter_date|long_date or '-' }}")
            + pair("Uw kenmerk", "{{ references.your_reference or '-' }}")
        ),
        row(pair("Contact", "{{ sender.sending_body }}") + pair("Telefoon", "{{ sender.phone }}")),
        row(
            pair("Bijlage(n)", "{{ attachments|join_and or '-' }}" if attachments else "-")
            + pair("E-mail", "{{ sender.email or '-' }}")
        ),
    ]
    return table(rows, [label_w, value_w] * 2) + para(["{{ subject }}"], "Onderwerp")


def signature_mayor() -> str:
    """Closing and the mayor's signature."""
    return (
        para("Hoogachtend,", "Groet")
        + para("De burgemeester van {{ sender.municipality }},", "Ondertekening")
        + para("{{ sender.mayor_name }}", "Ondertekening")
    )


def bullets(loop: str, item: str) -> str:
    """A bulleted list from a loop (one paragraph per item)."""
    return tag(f"{{%p for {loop} %}}") + para(["•\t", item], "Opsomming") + tag("{%p endfor %}")


def numbered(loop: str, item: str) -> str:
    """A numbered list from a loop: ``1.``, ``2.`` ..."""
    return (
        tag(f"{{%p for {loop} %}}")
        + para(["{{ loop.index }}.\t", item], "Opsomming")
        + tag("{%p endfor %}")
    )


def body_para(text: str, *, keep_next: bool = False) -> str:
    """A paragraph of running text."""
    return para(text, "Plattetekst", keep_next=keep_next)


def optional_para(condition: str, text: str) -> str:
    """A paragraph that is left out entirely when ``condition`` is false."""
    return tag(f"{{%p if {condition} %}}") + body_para(text) + tag("{%p endif %}")


# --------------------------------------------------------------------------- the four documents


def mayors_letter() -> str:
    """Burgemeestersbrief."""
    return document_xml(
        address_block()
        + reference_block(attachments=True)
        + para("{{ doc.salutation }}", "Aanhef")
        + body_para(
            "Uit onderzoek van de politie en de gemeente blijkt dat je betrokken bent (geweest) bij "
            "{{ reason }}. De gemeente {{ sender.municipality }} pakt deze overlast samen met een aantal "
            "organisaties aan in een groepsaanpak. Met deze brief laten wij je weten wat dat voor jou betekent."
        )
        + para("Welke gegevens wij vastleggen en delen", "Kop1")
        + body_para(
            "De komende tijd leggen wij gegevens vast over de jongeren in deze groep, dus ook over jou: "
            "je naam, adres en geboortedatum, wat er over de overlast bekend is en welke afspraken er met "
            "jou worden gemaakt. Wij doen dat om de overlast te stoppen en om samen met jou en je ouders "
            "te werken aan jouw toekomst. Dit is een taak van de burgemeester voor de openbare orde."
        )
        + body_para("Je wordt besproken in een overleg waaraan deze organisaties deelnemen:")
        + bullets("partner in partners", "{{ partner }}")
        + body_para(
            "Zij delen alleen de gegevens die nodig zijn voor deze aanpak. Wij bewaren je gegevens {{ retention }}."
        )
        + para("Het gesprek", "Kop1")
        + body_para(
            "{% if conversation_date %}Je krijgt deze brief tijdens een gesprek op "
            "{{ conversation_date|full_date }}.{% else %}Je krijgt deze brief tijdens een gesprek.{% endif %} "
            "Een jongerenwerker en een medewerker van Halt leggen je dan uit waar de overlast uit bestaat "
            "en hoe jouw rol in de groep wordt gezien. Wij horen graag jouw kant van het verhaal. Samen met "
            "jou en je ouders maken wij afspraken over hoe je verder kunt werken aan je toekomst."
        )
        + para("Jouw rechten", "Kop1")
        + body_para(
            "Je mag vragen welke gegevens wij over jou hebben (inzage). Kloppen ze niet, dan kun je vragen "
            "ze te verbeteren. Je kunt ook bezwaar maken tegen het gebruik van je gegevens. "
            "{% if privacy_contact %}Voor vragen over je privacy kun je terecht bij {{ privacy_contact }}. "
            "{% endif %}Ben je het niet eens met hoe wij met je gegevens omgaan, dan kun je een klacht "
            "indienen bij de Autoriteit Persoonsgegevens."
        )
        + para("Vragen?", "Kop1")
        + body_para(
            "Heb je na het gesprek nog vragen, bel dan met het {{ sender.sending_body }} via "
            "{{ sender.phone }}{% if sender.email %} of mail naar {{ sender.email }}{% endif %}. "
            "Vermeld daarbij ons kenmerk {{ references.our_reference }}.",
            keep_next=True,
        )
        + signature_mayor()
    )


def field_row(label: str, value: str) -> str:
    """One labelled row of the report."""
    label_w = round(58 * MM)
    return row(
        [cell(para(label, "Veldlabel"), label_w), cell(para(value, "Veldtekst"), TEXT_W - label_w)]
    )


def optional_row(label: str, name: str) -> str:
    """A report row for an optional text field ("-" when empty)."""
    return field_row(label, f"{{{{ {name} or '-' }}}}")


def report_table(rows: list[str]) -> str:
    """The report's labelled table."""
    label_w = round(58 * MM)
    return table(rows, [label_w, TEXT_W - label_w], style="Veldtabel")


def conversation_report() -> str:
    """Gespreksverslag gezamenlijk preventief gesprek, in the order of the seed's example."""
    people = report_table(
        [
            field_row("Naam jongere", "{{ youth.display_name }}"),
            field_row("Woonplaats", "{{ youth.address.town }}"),
            field_row(
                "Geboortedatum / leeftijd",
                "{{ youth.date_of_birth|long_date }} ({{ youth.age_on(conversation_date) }} jaar)",
            ),
            field_row(
                "Positie t.o.v. de groep (Plus/Min/Mee)",
                "{{ position.label }}: {{ position.meaning }}"
                "{% if position_override_reason %}. Reden voor een preventief gesprek: "
                "{{ position_override_reason }}{% endif %}",
            ),
            field_row(
                "Betrokken professionals",
                "{% for p in professionals %}{{ p.contact_line }}{% if not loop.last %}\n{% endif %}{% endfor %}",
            ),
            field_row(
                "Aanwezige ouders/verzorgers",
                "{% for p in parents_present %}{{ p.display_name }}{% if p.relation %} ({{ p.relation }})"
                "{% endif %}{% if not loop.last %}\n{% endif %}{% else %}-{% endfor %}",
            ),
            field_row(
                "Datum preventief gesprek",
                "{{ conversation_date|full_date }}{% if unannounced %} (onaangekondigd huisbezoek)"
                "{% elif unannounced is sameas false %} (aangekondigd bezoek){% endif %}",
            ),
        ]
    )
    agreements = numbered("a in agreements", "{{ a.text }}")
    monitoring = report_table(
        [
            field_row("Monitoring vindt plaats door", "{{ monitoring.by }}"),
            field_row("Wijze van monitoring", "{{ monitoring.method }}"),
            field_row(
                "Datum (geplande) tweede gesprek", "{{ monitoring.next_contact|long_date or '-' }}"
            ),
        ]
    )
    conversation = report_table(
        [
            field_row(
                "Situatie bij aanvang gesprek (casusbeschrijving/gedrag jongere)", "{{ situation }}"
            ),
            field_row("Voorbeelden van ongewenst gedrag", "{{ unwanted_behaviour }}"),
            optional_row("Voorbeelden van gewenst gedrag", "wanted_behaviour"),
            optional_row("Ontvangst door de ouder(s)", "reception_by_parents"),
            optional_row("Ontvangst door de jongere", "reception_by_youth"),
            optional_row("Hoe ziet het huis eruit?", "home"),
            field_row("Houding ouders t.o.v. het (on)gewenste gedrag", "{{ parents_attitude }}"),
            field_row("Houding jongere t.o.v. het (on)gewenste gedrag", "{{ youth_attitude }}"),
            optional_row("Wat vindt de jongere van deelname aan de jeugdgroep?", "youth_on_group"),
            optional_row("Wat vinden de ouders daarvan?", "parents_on_group"),
            optional_row("Hulp nodig?", "help_needed"),
            field_row("Toekomstbeeld", "{{ future_view }}"),
            field_row("Korte analyse van het gesprek", "{{ analysis }}"),
            optional_row("Overige opmerkingen", "remarks"),
        ]
    )
    return document_xml(
        para("Gespreksverslag gezamenlijk preventief gesprek", "Titel")
        + para(
            "Kenmerk {{ references.our_reference }} · opgesteld op {{ report_date|long_date }} · "
            "vertrouwelijk, alleen voor ketenpartners in de groepsaanpak",
            "Kleinedruk",
        )
        + para("Jongere en gesprek", "Kop1")
        + people
        + para("Gemaakte afspraken", "Kop1")
        + agreements
        + para("Monitoring", "Kop1")
        + monitoring
        + para("Verloop van het gesprek", "Kop1")
        + conversation
    )


def agreement_confirmation() -> str:
    """Bevestiging van de afspraken, binnen drie dagen na het gesprek."""
    return document_xml(
        address_block()
        + reference_block()
        + para("{{ doc.salutation }}", "Aanhef")
        + body_para(
            "Op {{ conversation_date|full_date }} hebben wij met jou{% if parents %} en je ouders{% endif %} "
            "gesproken. Je hebt toen zelf afspraken gemaakt en opgeschreven. Met deze brief bevestigen wij "
            "die afspraken {{ channel.label }}."
        )
        + para("Dit zijn de afspraken", "Kop1")
        + numbered("a in agreements", "{{ a.text }}")
        + para("Hoe wij de afspraken volgen", "Kop1")
        + body_para(
            "De afspraken worden gevolgd door {{ monitoring.by }}. {{ monitoring.method }}"
            "{% if monitoring.next_contact %} Het volgende contact is gepland op "
            "{{ monitoring.next_contact|full_date }}.{% endif %} Gaat het goed, dan laten wij je dat ook weten."
        )
        + para("Als het ongewenste gedrag doorgaat", "Kop1")
        + body_para("{{ consequences }}")
        + optional_para(
            "doc.is_late",
            "Deze bevestiging komt later dan de afgesproken drie dagen (uiterlijk "
            "{{ doc.due_date|full_date }}). {{ delay_reason }}",
        )
        + body_para(
            "Heb je vragen over deze afspraken? Neem dan contact op met een van ons. Vermeld ons kenmerk "
            "{{ references.our_reference }}.",
            keep_next=True,
        )
        + para("Met vriendelijke groet,", "Groet")
        + tag("{%p for p in professionals %}")
        + para(
            "{{ p.display_name }}, {{ p.role.label }} ({{ p.organisation }}){% if p.phone %}, {{ p.phone }}{% endif %}",
            "Ondertekening",
        )
        + tag("{%p endfor %}")
    )


def closing_letter() -> str:
    """Afsluitbrief: positieve afsluiting van de groepsaanpak."""
    return document_xml(
        address_block()
        + reference_block()
        + para("{{ doc.salutation }}", "Aanhef")
        + body_para(
            "Sinds ons gesprek op {{ conversation_date|long_date }} heb je laten zien dat je afstand hebt "
            "genomen van de groep. Je geeft geen overlast meer en je zet je op een positieve manier in. "
            "Daarom sluiten wij de groepsaanpak voor jou af per {{ closure_date|long_date }}."
        )
        + optional_para("positive_changes", "{{ positive_changes }}")
        + para("Wat dit voor jou betekent", "Kop1")
        + body_para(
            "Je wordt niet meer besproken in het overleg van de groepsaanpak. De organisaties die aan dat "
            "overleg deelnemen delen vanaf nu geen informatie meer over jou. Je gegevens worden bewaard en "
            "daarna vernietigd volgens de afspraken die daarvoor gelden."
        )
        + body_para(
            "Wij zijn blij met deze stap en wensen je veel succes. "
            "{% if professionals %}Wil je nog eens praten? Dan kun je altijd contact opnemen met "
            "{{ professionals|map(attribute='display_name')|join_and }}.{% endif %}"
        )
        + body_para(
            "Heb je vragen over deze brief, bel dan met het {{ sender.sending_body }} via {{ sender.phone }}.",
            keep_next=True,
        )
        + signature_mayor()
    )


TEMPLATES = {
    "mayors-letter": (mayors_letter, False),
    "conversation-report": (conversation_report, True),
    "agreement-confirmation": (agreement_confirmation, True),
    "closing-letter": (closing_letter, False),
}


def build(kind: str) -> dict[str, bytes]:
    """All parts of one template, in zip order."""
    make, pages = TEMPLATES[kind]
    return {
        "[Content_Types].xml": CONTENT_TYPES.encode(),
        "_rels/.rels": PACKAGE_RELS.encode(),
        "docProps/core.xml": CORE.encode(),
        "docProps/app.xml": APP.encode(),
        "word/document.xml": make().encode(),
        "word/_rels/document.xml.rels": DOCUMENT_RELS.encode(),
        "word/styles.xml": styles_xml().encode(),
        "word/settings.xml": SETTINGS.encode(),
        "word/header1.xml": header_xml().encode(),
        "word/footer1.xml": footer_xml(pages).encode(),
    }


def write(path: Path, parts: dict[str, bytes]) -> None:
    """Write a reproducible zip: fixed dates, fixed order."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def main(argv: list[str] | None = None) -> int:
    """Build the templates into a folder, or ``--check`` that the folder matches this script."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    stale = []
    for kind in TEMPLATES:
        target = args.folder / f"{kind}.docx"
        parts = build(kind)
        if args.check:
            try:
                with zipfile.ZipFile(target) as archive:
                    current = {name: archive.read(name) for name in archive.namelist()}
            except (OSError, zipfile.BadZipFile):
                current = {}
            if current != parts:
                stale.append(target.name)
        else:
            write(target, parts)
    if stale:
        print(
            f"templates out of date: {', '.join(stale)}; run `make templates` and commit",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
