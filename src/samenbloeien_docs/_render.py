"""Fill a Word template with a document: compiled once, rendered many times, no shared state.

docxtpl's own ``DocxTemplate.render`` re-reads, re-patches and re-compiles the template for
every document and keeps the half-rendered body after a failure. Here a template is loaded
once into a :class:`Template`: docxtpl's tag repair (``patch_xml``) runs once per part and
Jinja compiles once per part. Rendering only evaluates the compiled parts with a fresh
context and writes a new zip, so a :class:`Template` is immutable after loading: safe to share
between threads, and a failed render leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import attrs
import jinja2
from lxml import etree
from markupsafe import Markup

from ._errors import OutputExistsError, RenderError, TemplateError
from ._jinja import clean_text, make_environment
from ._models import DOCUMENT_KINDS, Document, Logo, document_date

_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_RENDERED_TYPES = frozenset(
    {
        _MAIN,
        _TEMPLATE_MAIN,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
    }
)
# Parts that carry who made the template or what it looked like: dropped on load.
_DROPPED_PARTS = re.compile(r"^(docProps/custom\.xml|docProps/thumbnail\.[a-z]+)$")
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_LOGO_REL = "rIdSamenbloeienLogo"
_EMU_PER_MM = 36_000

TITLES = {
    "mayors-letter": "Burgemeestersbrief",
    "conversation-report": "Gespreksverslag",
    "agreement-confirmation": "Bevestiging afspraken",
    "closing-letter": "Afsluitbrief",
}
"""Dutch title of each kind, used in the document's metadata."""


def _import_docxtpl() -> Any:
    """Import docxtpl without its side effect on python-docx.

    docxtpl imports docxcompose, which rebinds python-docx's process-wide ``cp`` namespace
    prefix (docxtpl #471, python-docx #1037): afterwards python-docx reads
    ``last_modified_by`` as '' in *every* document of the process. The map is restored here.
    """
    from docx.oxml.ns import nsmap

    saved = dict(nsmap)
    try:
        from docxtpl import DocxTemplate
    finally:
        nsmap.clear()
        nsmap.update(saved)
    return DocxTemplate


_PATCHER = _import_docxtpl()(None)


def _patch(xml: str) -> str:
    """Docxtpl's repair of tags split across runs, curly quotes and {%p %}/{%tr %} tags."""
    return str(_PATCHER.patch_xml(xml))


def _post_process(xml: str) -> str:
    r"""Apply docxtpl's post-processing: \n becomes a line break, \t a tab (resolve_listing).

    docxtpl also turns ``{_{`` into ``{{`` everywhere in the output; that would change text
    from the case system, so it is not done here (write ``{{ '{{' }}`` in a template instead).
    """
    xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
    if "\n" not in xml and "\t" not in xml:
        return xml
    # resolve_listing runs three nested regex passes over every paragraph; only the
    # paragraphs that hold a \n or \t need them, so cut those out and resolve them alone.
    pieces, position = [], 0
    for match in _SPECIAL.finditer(xml):
        start = max(xml.rfind("<w:p>", 0, match.start()), xml.rfind("<w:p ", 0, match.start()))
        end = xml.find("</w:p>", match.end())
        if start < position or end < 0:
            continue  # inside a paragraph already resolved, or not in a paragraph at all
        end += len("</w:p>")
        pieces += [xml[position:start], str(_PATCHER.resolve_listing(xml[start:end]))]
        position = end
    pieces.append(xml[position:])
    return "".join(pieces)


_SPECIAL = re.compile("[\n\t]")


def paragraph_context(xml: str, lineno: int | None) -> str:
    """The text of the paragraphs around a line of a patched part, for error messages."""
    if lineno is None:
        return ""
    lines = xml.splitlines()
    window = lines[max(lineno - 3, 0) : lineno + 2]
    texts = [re.sub(r"<[^>]+>", "", line).strip() for line in window]
    return " | ".join(t for t in texts if t)


def _strip_rel(rels_xml: bytes, target_pattern: str) -> bytes:
    return re.sub(
        rb"<Relationship [^>]*Target=\"/?" + target_pattern.encode() + rb"\"[^>]*/>", b"", rels_xml
    )


def _strip_override(types_xml: bytes, part_pattern: str) -> bytes:
    return re.sub(
        rb"<Override [^>]*PartName=\"/" + part_pattern.encode() + rb"\"[^>]*/>", b"", types_xml
    )


def read_package(data: bytes, name: str) -> tuple[dict[str, bytes], dict[str, str]]:
    """The entries of a .docx and the content type of each overridden part.

    Raises:
        TemplateError: the bytes are not a Word file.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = {n: archive.read(n) for n in archive.namelist() if not n.endswith("/")}
    except (zipfile.BadZipFile, OSError, KeyError, zipfile.LargeZipFile, ValueError) as exc:
        raise TemplateError(name, f"not a Word (.docx) file: {exc}") from None
    if "[Content_Types].xml" not in entries or "word/document.xml" not in entries:
        raise TemplateError(name, "not a Word (.docx) file: no word/document.xml")
    types_xml = entries["[Content_Types].xml"]
    types: dict[str, str] = {}
    for element in re.finditer(rb"<Override [^>]*>", types_xml):
        part = re.search(rb'PartName="/([^"]+)"', element.group(0))
        kind = re.search(rb'ContentType="([^"]+)"', element.group(0))
        if part and kind:
            types[part.group(1).decode()] = kind.group(1).decode()
    return entries, types


def rendered_parts(entries: Mapping[str, bytes], types: Mapping[str, str]) -> list[str]:
    """The parts Jinja runs on, in reading order: body, headers, footers, foot- and endnotes."""
    order = ("main+xml", "header+xml", "footer+xml", "footnotes+xml", "endnotes+xml")

    def rank(name: str) -> tuple[int, str]:
        kind = types.get(name, "")
        return next(i for i, suffix in enumerate(order) if kind.endswith(suffix)), name

    return sorted((n for n in entries if types.get(n) in _RENDERED_TYPES), key=rank)


def prepare_part(source: str) -> str:
    """A part's XML as Jinja sees it: docxtpl's repairs, one paragraph per line."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", _patch(source))


@attrs.frozen
class _Part:
    name: str
    source: str
    template: jinja2.Template


class Template:
    """A Word template, loaded and compiled once; render it with :func:`render`.

    Loading removes what a template file carries about its maker (custom properties,
    thumbnail, comment authors, the attached-template path) and turns a ``.dotx`` into a
    document. Instances are immutable and may be shared between threads.
    """

    def __init__(self, data: bytes, *, name: str = "template") -> None:
        """Load and compile a template from the bytes of a .docx or .dotx file.

        Raises:
            TemplateError: the bytes are not a Word file, or a part has a Jinja syntax error
                (the message quotes the paragraph text around it).
        """
        self.name = name
        self.environment = make_environment()
        entries, content_types = read_package(data, name)
        self._static: dict[str, bytes] = {}
        self._parts: dict[str, _Part] = {}
        types_xml = entries["[Content_Types].xml"]
        to_render = set(rendered_parts(entries, content_types))
        for entry, data_ in entries.items():
            if _DROPPED_PARTS.match(entry):
                types_xml = _strip_override(types_xml, re.escape(entry))
                continue
            if entry in to_render:
                self._parts[entry] = self._compile(entry, data_)
            elif entry == "word/settings.xml":
                self._static[entry] = _clean_settings(data_)
            elif entry not in ("docProps/core.xml", "docProps/app.xml"):  # written here
                self._static[entry] = data_
        types_xml = types_xml.replace(_TEMPLATE_MAIN.encode(), _MAIN.encode())
        for extension in ("png", "jpeg"):  # the logo's image types
            if f'Extension="{extension}"'.encode() not in types_xml:
                default = f'<Default Extension="{extension}" ContentType="image/{extension}"/>'
                types_xml = types_xml.replace(b"<Default ", default.encode() + b"<Default ", 1)
        types_xml = _ensure_override(types_xml, "docProps/core.xml", _CORE_TYPE)
        types_xml = _ensure_override(types_xml, "docProps/app.xml", _APP_TYPE)
        self._static["[Content_Types].xml"] = types_xml
        rels = entries.get("_rels/.rels", b"")
        rels = _strip_rel(rels, r"docProps/(custom\.xml|thumbnail\.[a-z]+)")
        self._static["_rels/.rels"] = _ensure_package_rels(rels)
        self._static["docProps/app.xml"] = _APP_XML
        self._order = [n for n in entries if n in self._static or n in self._parts]
        self._order += [
            n for n in ("docProps/core.xml", "docProps/app.xml") if n not in self._order
        ]
        # Unchanged parts are deflated once here; a render only deflates what it filled in.
        self._packed = {name: _Entry.of(name, data) for name, data in self._static.items()}

    def _compile(self, entry: str, data: bytes) -> _Part:
        try:
            source = data.decode("utf-8")
        except UnicodeDecodeError:
            raise TemplateError(self.name, f"{entry} is not UTF-8") from None
        patched = prepare_part(source)
        try:
            compiled = self.environment.from_string(patched)
        except jinja2.TemplateSyntaxError as exc:
            around = paragraph_context(patched, exc.lineno)
            raise TemplateError(self.name, f"{entry}: {exc.message} (near: {around!r})") from None
        return _Part(entry, patched, compiled)

    @property
    def parts(self) -> Mapping[str, str]:
        """The patched Jinja source of each rendered part (document, headers, footers)."""
        return {name: part.source for name, part in self._parts.items()}

    def render_bytes(self, context: Mapping[str, Any], *, metadata: Mapping[str, str]) -> bytes:
        """Evaluate every part with ``context`` and return the new .docx bytes.

        Raises:
            RenderError: a variable is missing, the sandbox refused something, or the result
                is not well-formed XML. Nothing is kept from the failed attempt.
        """
        outputs: dict[str, bytes] = {}
        for name, part in self._parts.items():
            try:
                xml = _post_process(part.template.render(context))
            except jinja2.exceptions.SecurityError as exc:
                raise RenderError(self.name, f"{name}: refused by the sandbox: {exc}") from None
            except jinja2.TemplateError as exc:
                raise RenderError(self.name, f"{name}: {exc}") from None
            data = xml.encode("utf-8")
            try:
                etree.fromstring(data)
            except etree.XMLSyntaxError as exc:
                raise RenderError(
                    self.name, f"{name}: the result is not valid Word XML ({exc})"
                ) from None
            outputs[name] = data
        extra: dict[str, bytes] = {}
        logo = context.get("logo")
        if isinstance(logo, _LogoMarkup):
            for name, data in outputs.items():
                if _LOGO_REL.encode() in data:
                    rels_name = _rels_of(name)
                    rels = outputs.get(rels_name) or self._static.get(rels_name) or _EMPTY_RELS
                    extra[rels_name] = _add_image_rel(rels, logo.target)
            if extra:
                extra[f"word/{logo.target}"] = logo.data
        outputs["docProps/core.xml"] = _core_xml(metadata)
        outputs |= extra
        entries = [
            _Entry.of(name, outputs[name]) if name in outputs else self._packed[name]
            for name in self._order
        ]
        entries += [
            _Entry.of(n, outputs[n])
            for n in sorted(outputs)
            if n not in self._packed and n not in self._order
        ]
        return _zip(entries)


class _LogoMarkup(Markup):
    """The drawing XML of the sender's logo; carries the image for the renderer."""

    target: str
    data: bytes


def logo_markup(logo: Logo | None) -> Markup:
    """The inline drawing of a logo for the ``{{ logo }}`` tag (empty when there is none)."""
    if logo is None:
        return Markup("")
    width_px, height_px = _image_size(logo.data)
    cx = logo.width_mm * _EMU_PER_MM
    cy = round(cx * height_px / width_px)
    target = f"media/samenbloeien-logo.{logo.extension}"
    xml = (
        '</w:t></w:r><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="7001" name="Logo"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="logo"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{_LOGO_REL}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
        '</a:graphic></wp:inline></w:drawing></w:r><w:r><w:t xml:space="preserve">'
    )
    markup = _LogoMarkup(xml)
    markup.target = target
    markup.data = logo.data
    return markup


def _image_size(data: bytes) -> tuple[int, int]:
    if data.startswith(b"\x89PNG"):
        width, height = struct.unpack(">II", data[16:24])
        return max(width, 1), max(height, 1)
    index = 2  # JPEG: walk the segments to a start-of-frame marker
    while index + 9 < len(data):
        if data[index] != 0xFF:
            index += 1
            continue
        marker = data[index + 1]
        length = struct.unpack(">H", data[index + 2 : index + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return max(width, 1), max(height, 1)
        index += 2 + length
    return 1, 1


_EMPTY_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
)
_CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
_APP_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>samenbloeien-docs</Application></Properties>"
)


def _rels_of(part: str) -> str:
    folder, _, file = part.rpartition("/")
    return f"{folder}/_rels/{file}.rels" if folder else f"_rels/{file}.rels"


def _add_image_rel(rels: bytes, target: str) -> bytes:
    rel = (
        f'<Relationship Id="{_LOGO_REL}" Target="{target}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
    ).encode()
    if b"</Relationships>" in rels:
        return rels.replace(b"</Relationships>", rel + b"</Relationships>")
    return rels.replace(b"/>", b">" + rel + b"</Relationships>", 1)  # self-closing root


def _ensure_override(types_xml: bytes, part: str, content_type: str) -> bytes:
    if f'PartName="/{part}"'.encode() in types_xml:
        return types_xml
    override = f'<Override PartName="/{part}" ContentType="{content_type}"/>'.encode()
    return types_xml.replace(b"</Types>", override + b"</Types>")


def _ensure_package_rels(rels: bytes) -> bytes:
    base = "http://schemas.openxmlformats.org/"
    wanted = {
        "docProps/core.xml": base + "package/2006/relationships/metadata/core-properties",
        "docProps/app.xml": base + "officeDocument/2006/relationships/extended-properties",
    }
    for index, (target, rel_type) in enumerate(wanted.items()):
        if f'Target="{target}"'.encode() in rels or f'Target="/{target}"'.encode() in rels:
            continue
        rel = f'<Relationship Id="rIdSbMeta{index}" Type="{rel_type}" Target="{target}"/>'.encode()
        rels = rels.replace(b"</Relationships>", rel + b"</Relationships>")
    return rels


def _clean_settings(settings: bytes) -> bytes:
    """Drop the attached template path, document variables and revision ids of the maker."""
    settings = re.sub(rb"<w:attachedTemplate [^>]*/>", b"", settings)
    settings = re.sub(rb"<w:docVars>.*?</w:docVars>", b"", settings, flags=re.DOTALL)
    return re.sub(rb"<w:rsids>.*?</w:rsids>", b"", settings, flags=re.DOTALL)


def _core_xml(meta: Mapping[str, str]) -> bytes:
    stamp = meta["date"]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(meta['title'])}</dc:title>"
        f"<dc:creator>{escape(meta['author'])}</dc:creator>"
        f"<cp:lastModifiedBy>{escape(meta['author'])}</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision>"
        f"<dc:language>{escape(meta['language'])}</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


@attrs.frozen
class _Entry:
    """One zip member, already deflated: (name, crc32, size, compressed bytes)."""

    name: bytes
    crc: int
    size: int
    data: bytes

    @classmethod
    def of(cls, name: str, data: bytes) -> _Entry:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        compressed = packer.compress(data) + packer.flush()
        return cls(name.encode("utf-8"), zlib.crc32(data), len(data), compressed)


# DOS date/time of 1980-01-01 00:00, so that the same input gives the same bytes.
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1


def _zip(entries: list[_Entry]) -> bytes:
    """Write a zip of pre-deflated entries (what zipfile would write, without recompressing)."""
    out = bytearray()
    central = bytearray()
    for entry in entries:
        offset = len(out)
        flags = 0x800 if not entry.name.isascii() else 0  # UTF-8 names
        fields = (20, flags, 8, _DOS_TIME, _DOS_DATE, entry.crc, len(entry.data), entry.size)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, len(entry.name), 0)
        out += entry.name + entry.data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, len(entry.name), 0, 0, 0, 0, 0, offset
        )
        central += entry.name
    start = len(out)
    out += central
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0
    )
    return bytes(out)


# --------------------------------------------------------------------------- public API


@attrs.frozen
class RenderedDocument:
    """A filled-in Word document: its bytes and a safe file name from kind and reference."""

    kind: str
    """The document kind (``mayors-letter`` ...)."""
    reference: str
    """The case reference (ons kenmerk) the file name is made from."""
    data: bytes = attrs.field(repr=lambda d: f"<{len(d)} bytes>")
    """The .docx file."""

    @property
    def filename(self) -> str:
        """``mayors-letter_ZVH-2026-0142.docx``: kind and reference, never a person's name."""
        from ._files import safe_stem

        return f"{safe_stem(self.kind, self.reference)}.docx"

    def save(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write the file atomically; ``path`` may be a folder (then :attr:`filename` is used).

        Raises:
            OutputExistsError: the file exists and ``overwrite`` is false.
        """
        target = Path(path)
        if target.is_dir():
            target = target / self.filename
        write_atomic(target, self.data, overwrite=overwrite)
        return target


def write_atomic(target: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder.

    Without ``overwrite`` the file is linked into place, which fails if it exists, so a
    file that appears meanwhile is not replaced either.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() and not overwrite:
        raise OutputExistsError(target)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o644)
        if overwrite:
            os.replace(temp, target)
        else:
            try:
                os.link(temp, target)
            except FileExistsError:
                raise OutputExistsError(target) from None
            except OSError:  # file systems without hard links
                if target.exists():
                    raise OutputExistsError(target) from None
                os.replace(temp, target)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


@lru_cache(maxsize=8)
def default_template(kind: str) -> Template:
    """The default template of a kind, shipped in the package (loaded once per process)."""
    if kind not in DOCUMENT_KINDS:
        raise TemplateError(kind, f"no default template for kind {kind!r}")
    source = resources.files("samenbloeien_docs") / "templates" / f"{kind}.docx"
    return Template(source.read_bytes(), name=f"{kind}.docx (default)")


@lru_cache(maxsize=32)
def _template_from_bytes(data: bytes, name: str) -> Template:
    return Template(data, name=name)


def load_template(path: str | os.PathLike[str]) -> Template:
    """Load a municipality's own template from a .docx/.dotx file (cached by content).

    Raises:
        TemplateError: the file is missing, unreadable, not a Word file, or has a syntax error.
    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise TemplateError(file.name, "file not found") from None
    except OSError as exc:
        raise TemplateError(file.name, f"cannot be read: {exc.strerror}") from None
    return _template_from_bytes(data, file.name)


def context_of(document: Document) -> dict[str, Any]:
    """The names a template sees: each field of the document, ``doc`` and ``logo``."""
    context: dict[str, Any] = {
        f.name: getattr(document, f.name) for f in attrs.fields(type(document))
    }
    context["doc"] = document
    context["logo"] = logo_markup(document.sender.logo)
    return context


def metadata_of(document: Document) -> dict[str, str]:
    """Core properties from the document itself, never from the template's maker."""
    day = document_date(document)

    def one_line(text: str) -> str:
        return " ".join(clean_text(text).split())

    return {
        "title": one_line(f"{TITLES[document.kind]} {document.references.our_reference}"),
        "author": one_line(document.sender.sending_body),
        "language": "nl-NL",
        "date": dt.datetime.combine(day, dt.time(12, 0)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def render(
    document: Document, *, template: Template | str | os.PathLike[str] | None = None
) -> RenderedDocument:
    """Fill the kind's template (or your own) with ``document``.

    Args:
        document: a :class:`MayorsLetter`, :class:`ConversationReport`,
            :class:`AgreementConfirmation` or :class:`ClosingLetter`.
        template: None for the default template, a path to a .docx, or a loaded :class:`Template`.

    Raises:
        TemplateError: the template file cannot be used.
        RenderError: filling the template failed (nothing is kept).
    """
    if template is None:
        compiled = default_template(document.kind)
    elif isinstance(template, Template):
        compiled = template
    else:
        compiled = load_template(template)
    data = compiled.render_bytes(context_of(document), metadata=metadata_of(document))
    return RenderedDocument(document.kind, document.references.our_reference, data)
