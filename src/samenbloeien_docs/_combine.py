"""One print file for a whole batch: PDF (pypdf) or DOCX (docxcompose)."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from collections.abc import Iterator, Sequence

from pypdf import PdfReader, PdfWriter

from ._render import RenderedDocument, _core_xml


def combine_pdfs(pdfs: Sequence[bytes]) -> bytes:
    """Join PDFs in order; each one starts on a new page (they are whole documents)."""
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(PdfReader(io.BytesIO(pdf)))
    writer.add_metadata(
        {"/Title": "Printbestand samenbloeien-docs", "/Producer": "samenbloeien-docs"}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@contextlib.contextmanager
def _docxcompose_namespaces() -> Iterator[None]:
    """Docxcompose rebinds python-docx's process-wide ``cp`` prefix; undo that afterwards.

    Without this, python-docx reads ``last_modified_by`` as '' and writes core properties in
    the wrong namespace for the rest of the process (docxtpl #471, python-docx #1037).
    """
    from docx.oxml.ns import nsmap

    saved = dict(nsmap)
    from docxcompose.utils import NS

    nsmap.update(NS)
    try:
        yield
    finally:
        nsmap.clear()
        nsmap.update(saved)


def combine_docx(
    documents: Sequence[RenderedDocument], *, title: str, author: str, date: str
) -> bytes:
    """Join rendered documents into one .docx, each starting on a new page.

    docxcompose keeps only the first document's headers and footers, so every page would show
    the first letter's reference in its footer. The combined file therefore has **no footer**
    (each letter still shows its reference in its reference block); the combined PDF keeps
    every letter's own footer. The core properties are written afresh.
    """
    from docx import Document

    with _docxcompose_namespaces():
        from docxcompose.composer import Composer

        master = Document(io.BytesIO(documents[0].data))
        composer = Composer(master)
        for document in documents[1:]:
            master.add_page_break()  # type: ignore[no-untyped-call]
            composer.append(Document(io.BytesIO(document.data)))
        out = io.BytesIO()
        composer.save(out)
    return _clean_combined(out.getvalue(), title=title, author=author, date=date)


def _clean_combined(data: bytes, *, title: str, author: str, date: str) -> bytes:
    meta = {"title": title, "author": author, "language": "nl-NL", "date": date}
    result = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = _core_xml(meta)
            elif item.filename == "word/document.xml":
                content = re.sub(rb"<w:footerReference [^>]*/>", b"", content)
            info = zipfile.ZipInfo(item.filename, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, content)
    return result.getvalue()
