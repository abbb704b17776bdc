"""The ``samenbloeien-docs`` command line.

Exit codes: 0 all done; 1 some records, conversions or checks failed; 2 usage error or
invalid input. Messages go to stderr and name the record number and field paths; file names
and messages carry case references, never a person's name.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from ._batch import batch_base, build_documents, check_base, parse_json, read_records
from ._check import check_template
from ._combine import combine_docx, combine_pdfs
from ._errors import (
    ConversionError,
    InvalidInputError,
    OutputExistsError,
    RenderError,
    SamenbloeienError,
    TemplateError,
)
from ._examples import example
from ._files import safe_stem, unique_stems
from ._json import json_schema, kind_class, structure, unstructure
from ._models import DOCUMENT_KINDS, Document, advice
from ._pdf import find_soffice, to_pdf
from ._render import RenderedDocument, Template, load_template, metadata_of, render, write_atomic

KIND = click.Choice(list(DOCUMENT_KINDS))


class UserError(click.ClickException):
    """A mistake in the input or the call: exit code 2, no traceback."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        """Print as ``error: ...`` on stderr."""
        click.echo(f"error: {self.format_message()}", err=True)


class Failed(click.ClickException):
    """Some work failed (records, conversion, checks): exit code 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        """Print as ``error: ...`` on stderr."""
        click.echo(f"error: {self.format_message()}", err=True)


def _raise(exc: SamenbloeienError) -> NoReturn:
    if isinstance(exc, InvalidInputError | TemplateError | OutputExistsError):
        raise UserError(str(exc)) from None
    raise Failed(str(exc)) from None


def _read_input(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"{source}: file not found") from None
    except UnicodeDecodeError:
        raise UserError(f"{source}: not UTF-8 text") from None
    except OSError as exc:
        raise UserError(f"{source}: cannot be read: {exc.strerror}") from None


def _template(path: Path | None) -> Template | None:
    if path is None:
        return None
    try:
        return load_template(path)
    except TemplateError as exc:
        _raise(exc)


def _write(target: Path, data: bytes, force: bool) -> None:
    try:
        write_atomic(target, data, overwrite=force)
    except OutputExistsError as exc:
        _raise(exc)
    except OSError as exc:
        raise Failed(f"{target}: cannot be written: {exc.strerror}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="samenbloeien-docs")
def cli() -> None:
    """Documents around a preventive conversation in a youth-group approach.

    KIND is one of: mayors-letter, conversation-report, agreement-confirmation, closing-letter.
    """


@cli.command("example")
@click.argument("kind", type=KIND)
@click.option(
    "--as-base", is_flag=True, help="Leave out the per-person fields: a --base for batch."
)
def example_command(kind: str, as_base: bool) -> None:
    """Print a complete example of KIND as JSON (fictional data)."""
    data = unstructure(example(kind))
    if as_base:
        data = batch_base(data)
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@cli.command("schema")
@click.argument("kind", type=KIND)
def schema_command(kind: str) -> None:
    """Print the JSON Schema (draft 2020-12) of KIND."""
    click.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))


@cli.command("render")
@click.argument("kind", type=KIND)
@click.argument("input_", metavar="INPUT")
@click.option("-o", "--out", type=click.Path(path_type=Path), help="Output .docx file or folder.")
@click.option("--template", type=click.Path(path_type=Path), help="Your own Word template.")
@click.option("--pdf", is_flag=True, help="Also write a PDF beside the .docx.")
@click.option("--pdfa", is_flag=True, help="Also write a PDF/A-2b beside the .docx.")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
def render_command(
    kind: str,
    input_: str,
    out: Path | None,
    template: Path | None,
    pdf: bool,
    pdfa: bool,
    force: bool,
) -> None:
    """Render one document of KIND from a JSON file (INPUT, or - for stdin)."""
    cls = kind_class(kind)
    try:
        document = structure(parse_json(_read_input(input_)), cls)
    except InvalidInputError as exc:
        _raise(exc)
    compiled = _template(template)
    try:
        rendered = render(document, template=compiled)
    except SamenbloeienError as exc:
        _raise(exc)
    target = out or Path(rendered.filename)
    if target.is_dir():
        target = target / rendered.filename
    pdf_target = target.with_suffix(".pdf")
    if not force:
        for path in (target, pdf_target) if (pdf or pdfa) else (target,):
            if path.exists():
                _raise(OutputExistsError(path))
    pdf_data = None
    if pdf or pdfa:
        try:
            pdf_data = to_pdf(rendered, pdfa=pdfa)
        except ConversionError as exc:
            _raise(exc)
    _write(target, rendered.data, force)
    click.echo(str(target))
    if pdf_data is not None:
        _write(pdf_target, pdf_data, force)
        click.echo(str(pdf_target))
    for item in advice(document):
        click.echo(f"advies: {item.path}: {item.message}", err=True)


def _progress(items: list[Any], label: str) -> Any:
    """A rich progress bar on a terminal; the plain list otherwise."""
    if not sys.stderr.isatty():
        return items
    from rich.progress import track

    return track(items, description=label, console=_console())


def _console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


@cli.command("batch")
@click.argument("kind", type=KIND)
@click.argument("input_", metavar="INPUT")
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Output folder.")
@click.option(
    "--base", type=click.Path(path_type=Path), help="JSON document the records are laid over."
)
@click.option("--template", type=click.Path(path_type=Path), help="Your own Word template.")
@click.option("--pdf", is_flag=True, help="Also write a PDF per document.")
@click.option("--pdfa", is_flag=True, help="Also write a PDF/A-2b per document.")
@click.option("--combined", type=click.Path(path_type=Path), help="One print file (.pdf or .docx).")
@click.option("--strict", is_flag=True, help="Write nothing if any record is invalid.")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
def batch_command(
    kind: str,
    input_: str,
    out: Path,
    base: Path | None,
    template: Path | None,
    pdf: bool,
    pdfa: bool,
    combined: Path | None,
    strict: bool,
    force: bool,
) -> None:
    """Render KIND for every record of INPUT (JSON array, JSON Lines or CSV; - for stdin).

    CSV headers are dotted field paths (youth.first_name) laid over the --base document.
    All records are validated first; invalid ones are reported by number and path.
    """
    cls = kind_class(kind)
    if combined is not None and combined.suffix.lower() not in (".pdf", ".docx"):
        raise UserError(f"--combined {combined.name}: use a .pdf or .docx file name")
    base_data: dict[str, Any] | None = None
    try:
        if base is not None:
            loaded = parse_json(_read_input(str(base)))
            if not isinstance(loaded, dict):
                raise UserError(f"--base {base.name}: expected a JSON object")
            check_base(loaded)
            base_data = loaded
        records = read_records(_read_input(input_), cls)
    except InvalidInputError as exc:
        _raise(exc)
    compiled = _template(template)
    valid, invalid = build_documents(records, cls, base_data)
    for error in invalid:
        for line in error.lines:
            click.echo(f"invalid: {line}", err=True)
    if invalid and strict:
        raise Failed(f"{len(invalid)} of {len(records)} records invalid; --strict: nothing written")
    if not valid:
        raise Failed(f"all {len(records)} records are invalid; nothing written")
    stems = unique_stems([safe_stem(kind, d.references.our_reference) for _, d in valid])
    want_pdf = pdf or pdfa
    targets = [out / f"{stem}.docx" for stem in stems]
    planned = targets + ([t.with_suffix(".pdf") for t in targets] if want_pdf else [])
    planned += [combined] if combined is not None else []
    existing = [p for p in planned if p.exists()]
    if existing and not force:
        names = ", ".join(p.name for p in existing[:5]) + (" ..." if len(existing) > 5 else "")
        raise UserError(
            f"{len(existing)} output file(s) exist already ({names}); pass --force to replace"
        )
    # Each document is written as soon as it is made; its bytes are kept only when PDFs or a
    # print file need them, so memory stays flat for a large group.
    keep = want_pdf or combined is not None
    kept: list[tuple[RenderedDocument, Path]] = []
    failed, written = len(invalid), 0
    for (number, document), target in zip(
        _progress(valid, "Documenten maken"), targets, strict=True
    ):
        try:
            result = render(document, template=compiled)
        except RenderError as exc:
            click.echo(f"failed: record {number}: {exc}", err=True)
            failed += 1
            continue
        _write(target, result.data, force)
        written += 1
        if keep:
            kept.append((result, target))
    pdfs: list[bytes] = []
    if want_pdf or (combined is not None and combined.suffix.lower() == ".pdf"):
        try:
            pdfs = to_pdf([doc for doc, _ in kept], pdfa=pdfa)
        except ConversionError as exc:
            _raise(exc)
        if want_pdf:
            for (_, target), pdf_data in zip(kept, pdfs, strict=True):
                _write(target.with_suffix(".pdf"), pdf_data, force)
    if combined is not None and kept:
        if combined.suffix.lower() == ".pdf":
            _write(combined, combine_pdfs(pdfs), force)
        else:
            meta = metadata_of(valid[0][1])
            data = combine_docx(
                [doc for doc, _ in kept],
                title=f"Printbestand {kind}",
                author=meta["author"],
                date=meta["date"],
            )
            _write(combined, data, force)
    click.echo(
        f"{written} document(s) written to {out}" + (f", {failed} failed" if failed else ""),
        err=True,
    )
    if failed:
        raise click.exceptions.Exit(1)


@cli.command("check-template")
@click.argument("kind", type=KIND)
@click.argument("file", type=click.Path(path_type=Path))
def check_template_command(kind: str, file: Path) -> None:
    """Check your own Word template FILE for KIND before letters go out with it."""
    try:
        report = check_template(kind, file)
    except SamenbloeienError as exc:
        _raise(exc)
    click.echo(str(report))
    if not report.ok:
        raise click.exceptions.Exit(1)


@cli.command("demo")
@click.option("--out", default="out", type=click.Path(path_type=Path), show_default=True)
@click.option("--force", is_flag=True, help="Overwrite files from an earlier demo.")
def demo_command(out: Path, force: bool) -> None:
    """Write the example JSON, .docx and (with LibreOffice) PDF of every kind to --out."""
    documents: list[Document] = [example(kind) for kind in DOCUMENT_KINDS]
    rendered = [render(d) for d in documents]
    for document, result in zip(documents, rendered, strict=True):
        stem = Path(result.filename).stem
        data = json.dumps(unstructure(document), ensure_ascii=False, indent=2).encode() + b"\n"
        _write(out / f"{stem}.json", data, force)
        _write(out / result.filename, result.data, force)
        click.echo(str(out / result.filename))
    if find_soffice() is None:
        click.echo("LibreOffice (soffice) not found: no PDFs written", err=True)
        return
    try:
        pdfs = to_pdf(rendered)
    except ConversionError as exc:
        _raise(exc)
    for result, pdf in zip(rendered, pdfs, strict=True):
        target = out / Path(result.filename).with_suffix(".pdf")
        _write(target, pdf, force)
        click.echo(str(target))


def main() -> None:
    """Console entry point: user mistakes print a message, never a traceback."""
    try:
        cli.main(prog_name="samenbloeien-docs", standalone_mode=True)
    except SamenbloeienError as exc:  # pragma: no cover - commands convert these themselves
        click.echo(f"error: {exc}", err=True)
        sys.exit(2 if isinstance(exc, InvalidInputError) else 1)
