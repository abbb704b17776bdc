"""Speed of samenbloeien-docs against plain docxtpl and a cold LibreOffice, measured in one run.

Prints a table, then one JSON line with at least ``docx_ratio``, ``memory_ratio``,
``pdf_batch_ratio`` and ``pdf_latency_ratio``. Every baseline is measured in the same run on
the same machine. Exit code 1 when a ratio misses its bar.

    make bench                       # everything (about three minutes on 2 cores)
    python benchmarks/bench.py --quick   # fewer documents, for a smoke run
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import docx

from samenbloeien_docs import Converter, MayorsLetter, example, render, to_pdf, unstructure
from samenbloeien_docs._batch import batch_base
from samenbloeien_docs._jinja import make_environment
from samenbloeien_docs._pdf import find_soffice
from samenbloeien_docs._render import _import_docxtpl, context_of

TEMPLATE = (
    Path(__file__).parents[1] / "src" / "samenbloeien_docs" / "templates" / "mayors-letter.docx"
)
BARS = {"docx_ratio": 5.0, "memory_ratio": 1.2, "pdf_batch_ratio": 10.0, "pdf_latency_ratio": 5.0}
GOALS = {"docx_ratio": 20.0, "pdf_batch_ratio": 20.0, "pdf_latency_ratio": 10.0}


def letters(count: int) -> list[MayorsLetter]:
    """Distinct mayor's letters (no logo: plain docxtpl cannot place the library's logo)."""
    base = example("mayors-letter")
    base = attrs.evolve(base, sender=attrs.evolve(base.sender, logo=None))
    out = []
    for i in range(count):
        youth = attrs.evolve(base.youth, first_name=f"Jongere{i:04d}", surname=f"Achternaam{i:04d}")
        references = attrs.evolve(base.references, our_reference=f"ZVH-2026-{i:04d}")
        out.append(attrs.evolve(base, youth=youth, references=references))
    return out


def text_of(data: bytes) -> str:
    """The text python-docx reads from body, tables, headers and footers."""
    document = docx.Document(io.BytesIO(data))
    parts: list[str] = []

    def block(container: Any) -> None:
        parts.extend(p.text for p in container.paragraphs)
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    block(cell)

    for section in document.sections:
        block(section.header)
        block(section.footer)
    block(document)
    return "\n".join(parts)


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds one call takes, and its result."""
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def bench_docx(count: int) -> dict[str, float]:
    """Documents per second: the library against a naive docxtpl loop; outputs must match."""
    documents = letters(count)
    render(documents[0])  # load and compile the template once, as a long-running service would
    library_seconds, library_out = timed(lambda: [render(d).data for d in documents])

    docx_template = _import_docxtpl()
    environment = make_environment()

    def naive() -> list[bytes]:
        out = []
        for document in documents:
            template = docx_template(str(TEMPLATE))
            template.render(context_of(document), jinja_env=environment)
            buffer = io.BytesIO()
            template.save(buffer)
            out.append(buffer.getvalue())
        return out

    naive_seconds, naive_out = timed(naive)
    mismatches = sum(text_of(a) != text_of(b) for a, b in zip(library_out, naive_out, strict=True))
    if mismatches:
        raise SystemExit(
            f"output text differs from plain docxtpl in {mismatches} of {count} documents"
        )
    return {
        "docx_library_per_s": count / library_seconds,
        "docx_naive_per_s": count / naive_seconds,
        "docx_library_ms": 1000 * library_seconds / count,
        "docx_naive_ms": 1000 * naive_seconds / count,
        "docx_ratio": naive_seconds / library_seconds,
        "docx_checked_identical": float(count),
    }


def peak_rss_kib(records: int) -> int:
    """Peak RSS of a child process that runs the batch command for ``records`` letters to disk."""
    code = (
        "import resource, sys\n"
        "from samenbloeien_docs._cli import cli\n"
        "cli.main(sys.argv[1:], standalone_mode=False)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        base = folder / "base.json"
        data = unstructure(example("mayors-letter"))
        youth = data["youth"]
        base.write_text(json.dumps(batch_base(data)))  # a base holds no person
        lines = "\n".join(
            json.dumps(
                {
                    "references": {"our_reference": f"R-{i:05d}"},
                    "youth": {**youth, "first_name": f"J{i}"},
                }
            )
            for i in range(records)
        )
        source = folder / "group.jsonl"
        source.write_text(lines)
        result = subprocess.run(
            [sys.executable, "-c", code, "batch", "mayors-letter", str(source), "--base", str(base), "--out", str(folder / "out")],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        written = len(list((folder / "out").glob("*.docx")))
        if written != records:
            raise SystemExit(f"batch of {records} wrote {written} files")
        return int(result.stdout.strip().splitlines()[-1])


def bench_memory(small: int, large: int) -> dict[str, float]:
    """Peak RSS of a batch of ``large`` documents against one of ``small``."""
    small_kib, large_kib = peak_rss_kib(small), peak_rss_kib(large)
    return {
        "memory_small_mib": small_kib / 1024,
        "memory_large_mib": large_kib / 1024,
        "memory_ratio": large_kib / small_kib,
    }


def cold_soffice(path: Path, outdir: Path, profile: Path) -> None:
    """One plain ``soffice --convert-to pdf`` run (a new process, as a naive script does)."""
    subprocess.run(
        [
            find_soffice() or "soffice", "--headless", "--norestore",
            f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf", "--outdir", str(outdir), str(path),
        ],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip


def bench_pdf_batch(count: int) -> dict[str, float]:
    """``count`` letters through one to_pdf call against ``count`` separate soffice runs."""
    rendered = [render(d) for d in letters(count)]
    library_seconds, pdfs = timed(lambda: to_pdf(rendered))
    if len(pdfs) != count or not all(p.startswith(b"%PDF") for p in pdfs):
        raise SystemExit("batch conversion did not give a PDF per document")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        paths = []
        for document in rendered:
            path = folder / document.filename
            path.write_bytes(document.data)
            paths.append(path)
        profile = folder / "profile"
        # Create the profile first, so the baseline runs at its best: no profile creation.
        cold_soffice(paths[0], folder / "warmup", profile)

        def separately() -> None:
            for path in paths:
                cold_soffice(path, folder / "pdf", profile)

        naive_seconds, _ = timed(separately)
        made = len(list((folder / "pdf").glob("*.pdf")))
        if made != count:
            raise SystemExit(f"separate soffice runs made {made} of {count} PDFs")
    return {
        "pdf_batch_library_s": library_seconds,
        "pdf_batch_naive_s": naive_seconds,
        "pdf_batch_ratio": naive_seconds / library_seconds,
    }


def bench_pdf_latency(count: int) -> dict[str, float]:
    """Median time for one PDF: a warm converter against a cold soffice."""
    rendered = [render(d) for d in letters(count)]
    with Converter() as converter:
        converter.convert(rendered[0])  # first conversion loads the filters
        warm = []
        for document in rendered:
            seconds, pdf = timed(functools.partial(converter.convert, document))
            if not pdf.startswith(b"%PDF"):
                raise SystemExit("warm converter returned no PDF")
            warm.append(seconds)
    cold = []
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        profile = folder / "profile"
        first = folder / "first.docx"
        first.write_bytes(rendered[0].data)
        cold_soffice(first, folder / "warmup", profile)
        for document in rendered:
            path = folder / document.filename
            path.write_bytes(document.data)
            seconds, _ = timed(functools.partial(cold_soffice, path, folder / "pdf", profile))
            cold.append(seconds)
    return {
        "pdf_latency_warm_ms": 1000 * statistics.median(warm),
        "pdf_latency_cold_ms": 1000 * statistics.median(cold),
        "pdf_latency_ratio": statistics.median(cold) / statistics.median(warm),
    }


def main() -> int:
    """Run every benchmark, print the table and the JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer documents (a smoke run)")
    args = parser.parse_args()
    sizes = (
        {"docx": 100, "small": 50, "large": 300, "pdf": 10, "latency": 5}
        if args.quick
        else {"docx": 500, "small": 100, "large": 1000, "pdf": 50, "latency": 20}
    )
    results: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "quick": args.quick,
    }
    results |= bench_docx(sizes["docx"])
    results |= bench_memory(sizes["small"], sizes["large"])
    if find_soffice() is None:
        print("LibreOffice not installed: PDF benchmarks skipped", file=sys.stderr)
    else:
        results |= bench_pdf_batch(sizes["pdf"])
        results |= bench_pdf_latency(sizes["latency"])
    rows = [
        (
            "DOCX throughput",
            f"{sizes['docx']} letters",
            "docx_library_per_s",
            "docx_naive_per_s",
            "docx_ratio",
            "doc/s",
        ),
        (
            "Memory (peak RSS)",
            f"{sizes['large']} vs {sizes['small']}",
            "memory_large_mib",
            "memory_small_mib",
            "memory_ratio",
            "MiB",
        ),
        (
            "Batch PDF",
            f"{sizes['pdf']} letters",
            "pdf_batch_library_s",
            "pdf_batch_naive_s",
            "pdf_batch_ratio",
            "s",
        ),
        (
            "Single-PDF latency",
            f"median of {sizes['latency']}",
            "pdf_latency_warm_ms",
            "pdf_latency_cold_ms",
            "pdf_latency_ratio",
            "ms",
        ),
    ]
    print(f"{'benchmark':<20} {'size':<18} {'library':>12} {'baseline':>12} {'ratio':>8}  bar")
    failed = False
    for name, size, ours, theirs, ratio, unit in rows:
        if ratio not in results:
            continue
        bar = BARS[ratio]
        ok = results[ratio] <= bar if ratio == "memory_ratio" else results[ratio] >= bar
        failed |= not ok
        goal = f", goal {GOALS[ratio]:g}x" if ratio in GOALS else ""
        verdict = f"{'ok' if ok else 'MISSED'} ({'<=' if ratio == 'memory_ratio' else '>='} {bar:g}{goal})"
        print(
            f"{name:<20} {size:<18} {results[ours]:>9.1f} {unit:<3}{results[theirs]:>9.1f} {unit:<3}{results[ratio]:>7.2f}x  {verdict}"
        )
    print(json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in results.items()}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
