"""The command line, through click's CliRunner: exit codes and messages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from samenbloeien_docs import example, unstructure
from samenbloeien_docs._batch import batch_base
from samenbloeien_docs._cli import cli
from tests.templates import make_template


@pytest.fixture
def runner() -> CliRunner:
    """A runner with stderr kept apart from stdout."""
    return CliRunner()


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """The mayor's letter example as a base JSON file."""
    path = tmp_path / "base.json"
    path.write_text(json.dumps(batch_base(unstructure(example("mayors-letter")))))
    return path


def group_csv(
    path: Path, rows: int, bad: int | None = None, references: list[str] | None = None
) -> Path:
    """A CSV of ``rows`` young people; row ``bad`` (1-based) has a forbidden postcode."""
    header = [
        "references.our_reference", "youth.first_name", "youth.surname", "youth.date_of_birth",
        "youth.address.street", "youth.address.house_number", "youth.address.postcode", "youth.address.town",
    ]  # fmt: skip
    with path.open("w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        for i in range(1, rows + 1):
            ref = references[i - 1] if references else f"ZVH-2026-{i:04d}"
            postcode = "9711 SS" if i == bad else "9711 AB"
            writer.writerow(
                [
                    ref,
                    f"Jongere{i}",
                    f"Achter{i}",
                    "2011-02-03",
                    "Dorpsstraat",
                    str(i),
                    postcode,
                    "Zonnedal",
                ]
            )
    return path


def test_base_with_a_person_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    """A --base holding a young person exits 2 before anything is written."""
    full = tmp_path / "full.json"
    full.write_text(json.dumps(unstructure(example("mayors-letter"))))
    source = group_csv(tmp_path / "group.csv", 2)
    result = runner.invoke(
        cli,
        ["batch", "mayors-letter", str(source), "--base", str(full), "--out", str(tmp_path / "o")],
    )
    assert result.exit_code == 2
    assert "$.youth: per-person data must come from each record" in result.stderr
    assert not (tmp_path / "o").exists()
    as_base = runner.invoke(cli, ["example", "mayors-letter", "--as-base"])
    assert set(json.loads(as_base.stdout)) & {"youth", "parents"} == set()


def test_example_and_schema(runner: CliRunner) -> None:
    """Example prints valid JSON; schema prints a draft 2020-12 schema."""
    result = runner.invoke(cli, ["example", "closing-letter"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["closure_date"] == "2027-05-18"
    result = runner.invoke(cli, ["schema", "mayors-letter"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["$schema"].endswith("2020-12/schema")


def test_unknown_kind_is_a_usage_error(runner: CliRunner) -> None:
    """A wrong KIND exits 2 and lists the valid ones."""
    result = runner.invoke(cli, ["example", "letter"])
    assert result.exit_code == 2
    assert "mayors-letter" in result.stderr


def test_render_from_stdin(runner: CliRunner, tmp_path: Path) -> None:
    """Render reads '-' from stdin and writes the file named by kind and reference."""
    data = json.dumps(unstructure(example("mayors-letter")))
    result = runner.invoke(cli, ["render", "mayors-letter", "-", "-o", str(tmp_path)], input=data)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "mayors-letter_ZVH-2026-0142.docx").is_file()
    again = runner.invoke(cli, ["render", "mayors-letter", "-", "-o", str(tmp_path)], input=data)
    assert again.exit_code == 2
    assert "exists already" in again.stderr
    assert "--force" in again.stderr
    assert (
        runner.invoke(
            cli, ["render", "mayors-letter", "-", "-o", str(tmp_path), "--force"], input=data
        ).exit_code
        == 0
    )


def test_render_three_wrong_fields(runner: CliRunner, tmp_path: Path) -> None:
    """Invalid input exits 2, names all three paths, prints no traceback, writes nothing."""
    data = unstructure(example("mayors-letter"))
    data["letter_date"] = "2026-02-31"
    data["youth"]["address"]["postcode"] = "12"
    data["partners"] = []
    result = runner.invoke(
        cli, ["render", "mayors-letter", "-", "-o", str(tmp_path)], input=json.dumps(data)
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: 3 invalid values",
        "  $.letter_date: '2026-02-31' is not a real calendar date",
        "  $.youth.address.postcode: is not a Dutch postcode (four digits, then two letters)",
        "  $.partners: needs at least 1 item",
    ]
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_render_bad_json_and_missing_files(runner: CliRunner, tmp_path: Path) -> None:
    """Broken JSON, a missing input and a missing template exit 2 with a message."""
    result = runner.invoke(cli, ["render", "mayors-letter", "-"], input="{oops")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: 1 invalid value\n  $: not valid JSON")
    result = runner.invoke(cli, ["render", "mayors-letter", str(tmp_path / "none.json")])
    assert result.exit_code == 2
    assert "none.json: file not found" in result.stderr
    data = json.dumps(unstructure(example("mayors-letter")))
    result = runner.invoke(
        cli, ["render", "mayors-letter", "-", "--template", str(tmp_path / "t.docx")], input=data
    )
    assert result.exit_code == 2
    assert result.stderr == "error: template t.docx: file not found\n"


def test_batch_of_thirty_with_one_invalid(runner: CliRunner, tmp_path: Path, base: Path) -> None:
    """30 records, record 8 invalid: 29 files, record 8 named by path, exit code 1."""
    source = group_csv(tmp_path / "group.csv", 30, bad=8)
    out = tmp_path / "out"
    result = runner.invoke(
        cli, ["batch", "mayors-letter", str(source), "--base", str(base), "--out", str(out)]
    )
    assert result.exit_code == 1
    assert (
        "invalid: record 8: $.youth.address.postcode: the letters SS are never used in Dutch postcodes"
        in result.stderr
    )
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 29
    assert "mayors-letter_ZVH-2026-0008.docx" not in files
    assert not [f for f in files if "Jongere" in f or "Achter" in f]


def test_batch_strict_writes_nothing(runner: CliRunner, tmp_path: Path, base: Path) -> None:
    """With --strict one invalid record means no files at all."""
    source = group_csv(tmp_path / "group.csv", 30, bad=3)
    out = tmp_path / "out"
    result = runner.invoke(
        cli,
        ["batch", "mayors-letter", str(source), "--base", str(base), "--out", str(out), "--strict"],
    )
    assert result.exit_code == 1
    assert "--strict: nothing written" in result.stderr
    assert not out.exists() or list(out.iterdir()) == []


def test_batch_refuses_to_overwrite(runner: CliRunner, tmp_path: Path, base: Path) -> None:
    """A second run into the same folder exits 2 unless --force."""
    source = group_csv(tmp_path / "group.csv", 3)
    args = [
        "batch",
        "mayors-letter",
        str(source),
        "--base",
        str(base),
        "--out",
        str(tmp_path / "out"),
    ]
    assert runner.invoke(cli, args).exit_code == 0
    again = runner.invoke(cli, args)
    assert again.exit_code == 2
    assert "3 output file(s) exist already" in again.stderr
    assert runner.invoke(cli, [*args, "--force"]).exit_code == 0


def test_dangerous_references_make_safe_names(
    runner: CliRunner, tmp_path: Path, base: Path
) -> None:
    """References that would escape --out or clash give safe, unique names inside --out."""
    refs = ["../../etc/passwd", "CON", "x" * 60, "🌸🌸", "/abs/path", "ZVH-1", "zvh-1"]
    source = group_csv(tmp_path / "group.csv", len(refs), references=refs)
    out = tmp_path / "out"
    result = runner.invoke(
        cli, ["batch", "mayors-letter", str(source), "--base", str(base), "--out", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [
            "mayors-letter_etc-passwd.docx",
            "mayors-letter__CON.docx",
            f"mayors-letter_{'x' * 60}.docx",
            "mayors-letter_zonder-kenmerk.docx",
            "mayors-letter_abs-path.docx",
            "mayors-letter_ZVH-1.docx",
            "mayors-letter_zvh-1-2.docx",
        ]
    )
    assert all(p.parent == out for p in out.iterdir())
    assert list(tmp_path.glob("etc")) == []


def test_batch_json_lines_from_stdin(runner: CliRunner, tmp_path: Path, base: Path) -> None:
    """JSON Lines from stdin work as batch input."""
    youth = unstructure(example("mayors-letter"))["youth"]
    lines = "\n".join(
        json.dumps({"references": {"our_reference": f"L-{i}"}, "youth": youth}) for i in range(3)
    )
    result = runner.invoke(
        cli,
        ["batch", "mayors-letter", "-", "--base", str(base), "--out", str(tmp_path)],
        input=lines,
    )
    assert result.exit_code == 0, result.stderr
    assert len(list(tmp_path.glob("mayors-letter_L-*.docx"))) == 3


@pytest.mark.usefixtures("soffice")
def test_batch_pdf_and_combined(runner: CliRunner, tmp_path: Path, base: Path) -> None:
    """--pdf --combined writes a PDF per letter and one print file with the sum of the pages."""
    source = group_csv(tmp_path / "group.csv", 4)
    out = tmp_path / "out"
    combined = out / "printbestand.pdf"
    result = runner.invoke(
        cli,
        [
            "batch",
            "mayors-letter",
            str(source),
            "--base",
            str(base),
            "--out",
            str(out),
            "--pdf",
            "--combined",
            str(combined),
        ],
    )
    assert result.exit_code == 0, result.stderr
    pdfs = sorted(out.glob("mayors-letter_*.pdf"))
    assert len(pdfs) == 4
    pages = sum(len(PdfReader(p).pages) for p in pdfs)
    assert len(PdfReader(combined).pages) == pages
    assert "Jongere3" in PdfReader(io.BytesIO(combined.read_bytes())).pages[4].extract_text()


def test_batch_combined_docx(runner: CliRunner, tmp_path: Path, base: Path) -> None:
    """--combined FILE.docx joins the letters with docxcompose."""
    import docx

    source = group_csv(tmp_path / "group.csv", 3)
    combined = tmp_path / "print.docx"
    result = runner.invoke(
        cli,
        [
            "batch",
            "mayors-letter",
            str(source),
            "--base",
            str(base),
            "--out",
            str(tmp_path / "o"),
            "--combined",
            str(combined),
        ],
    )
    assert result.exit_code == 0, result.stderr
    text = "\n".join(p.text for p in docx.Document(str(combined)).paragraphs)
    assert [name for name in ("Jongere1", "Jongere2", "Jongere3") if name in text] == [
        "Jongere1",
        "Jongere2",
        "Jongere3",
    ]


def test_check_template_command(runner: CliRunner, tmp_path: Path) -> None:
    """check-template exits 0 for a good template, 1 with findings for a bad one, 2 for a missing file."""
    good = (
        Path(__file__).parents[1]
        / "src"
        / "samenbloeien_docs"
        / "templates"
        / "closing-letter.docx"
    )
    ok = runner.invoke(cli, ["check-template", "closing-letter", str(good)])
    assert ok.exit_code == 0
    assert "0 error(s)" in ok.stdout
    bad = tmp_path / "bad.docx"
    bad.write_bytes(make_template(["{{ yuoth.first_name }}"]))
    result = runner.invoke(cli, ["check-template", "closing-letter", str(bad)])
    assert result.exit_code == 1
    assert "unknown variable 'yuoth'; did you mean 'youth'?" in result.stdout
    missing = runner.invoke(cli, ["check-template", "closing-letter", str(tmp_path / "x.docx")])
    assert missing.exit_code == 2


def test_demo_writes_examples(runner: CliRunner, tmp_path: Path) -> None:
    """Demo writes JSON and .docx for each kind (and PDFs when LibreOffice is there)."""
    result = runner.invoke(cli, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert len(list(tmp_path.glob("*.docx"))) == 4
    assert len(list(tmp_path.glob("*.json"))) == 4
    assert runner.invoke(cli, ["demo", "--out", str(tmp_path)]).exit_code == 2
    assert runner.invoke(cli, ["demo", "--out", str(tmp_path), "--force"]).exit_code == 0
