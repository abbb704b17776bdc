"""Build small custom Word templates for the tests (with python-docx, as a municipality might)."""

from __future__ import annotations

import io
import zipfile

import docx


def make_template(
    body: list[str],
    *,
    footer: str | None = None,
    header: str | None = None,
    maker_metadata: bool = False,
) -> bytes:
    """A .docx whose paragraphs are ``body``; optionally with a footer, header and leftover metadata."""
    document = docx.Document()
    for text in body:
        document.add_paragraph(text)
    section = document.sections[0]
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    if header is not None:
        section.header.paragraphs[0].text = header
    if maker_metadata:
        document.core_properties.author = "Template Maker"
        document.core_properties.last_modified_by = "Template Maker"
        document.core_properties.comments = "interne notitie"
        document.core_properties.keywords = "geheim"
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    if maker_metadata:
        data = _add_maker_parts(data)
    return data


def _add_maker_parts(data: bytes) -> bytes:
    """Add a Company, custom properties and a thumbnail, as Word leaves behind."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/app.xml":
                content = content.replace(
                    b"</Properties>",
                    b"<Company>Sjabloonbureau BV</Company><Template>Geheim.dotm</Template></Properties>",
                )
            if item.filename == "_rels/.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>'
                    b"</Relationships>",
                )
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
                    b"</Types>",
                )
            if item.filename == "word/settings.xml":
                content = content.replace(
                    b"<w:zoom", b'<w:attachedTemplate r:id="rId99"/><w:zoom', 1
                )
            target.writestr(item, content)
        target.writestr(
            "docProps/custom.xml",
            '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property '
            'fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Maker"><vt:lpwstr>Template Maker</vt:lpwstr>'
            "</property></Properties>",
        )
        if "docProps/thumbnail.jpeg" not in source.namelist():  # python-docx's default has one
            target.writestr("docProps/thumbnail.jpeg", b"\xff\xd8\xff\xe0thumbnail")
    return out.getvalue()
