"""Shared fixtures: the two readers (python-docx and LibreOffice) and Hypothesis profiles."""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, settings

from samenbloeien_docs._pdf import find_soffice

settings.register_profile(
    "default", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "default")

KINDS = ("mayors-letter", "conversation-report", "agreement-confirmation", "closing-letter")


def require_soffice() -> str:
    """The soffice path; under CI=true a missing LibreOffice fails the test instead of skipping."""
    soffice = find_soffice()
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required under CI=true; .ci/run installs it")
        pytest.skip("LibreOffice (soffice) not installed: apt-get install libreoffice-writer-nogui")
    return soffice


@pytest.fixture
def soffice() -> str:
    """Path to LibreOffice, or skip/fail as require_soffice says."""
    return require_soffice()


def docx_text(data: bytes) -> str:
    """All text python-docx reads: body paragraphs, tables (nested), headers and footers."""
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []

    def block(container: object) -> None:
        for paragraph in container.paragraphs:  # type: ignore[attr-defined]
            lines.append(paragraph.text)
        for table in container.tables:  # type: ignore[attr-defined]
            for row in table.rows:
                for cell in row.cells:
                    block(cell)

    for section in document.sections:
        block(section.header)
    block(document)
    for section in document.sections:
        block(section.footer)
    return "\n".join(lines)


def libreoffice_texts(documents: Sequence[bytes]) -> list[str]:
    """The text LibreOffice reads from each .docx (one soffice run for all of them)."""
    soffice = require_soffice()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        names = []
        for index, data in enumerate(documents):
            path = folder / f"d{index:03d}.docx"
            path.write_bytes(data)
            names.append(str(path))
        subprocess.run(
            [
                soffice, "--headless", "--norestore",
                f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                "--convert-to", "txt:Text", "--outdir", str(folder / "txt"), *names,
            ],
            check=True, capture_output=True, timeout=300,
            env={**os.environ, "HOME": str(folder)},
        )  # fmt: skip
        return [
            (folder / "txt" / f"d{i:03d}.txt").read_text(encoding="utf-8-sig")
            for i in range(len(documents))
        ]


@pytest.fixture
def lo_texts() -> Callable[[Sequence[bytes]], list[str]]:
    """The LibreOffice text reader."""
    return libreoffice_texts
