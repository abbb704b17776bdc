"""PDF and PDF/A through LibreOffice: a cold batch in one process, or a warm converter.

* :func:`to_pdf` converts one document or a whole batch with **one** ``soffice`` process,
  using its own temporary profile folder and a timeout.
* :class:`Converter` keeps a LibreOffice running (through ``unoserver``) for conversions
  while a user waits, or talks to a conversion service elsewhere (``host``/``port``).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import types
import xmlrpc.client
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import overload

from ._errors import ConversionError
from ._render import RenderedDocument

PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
"""The soffice filter for PDF/A-2b."""
DEFAULT_TIMEOUT = 180.0
"""Seconds a whole batch may take before LibreOffice is stopped."""


def find_soffice() -> str | None:
    """The LibreOffice executable on PATH (``soffice`` or ``libreoffice``), or None."""
    override = os.environ.get("SAMENBLOEIEN_SOFFICE")
    if override:
        return override if shutil.which(override) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def _require_soffice(document: str) -> str:
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(
            document,
            "LibreOffice (soffice) is not installed; install it, e.g. "
            "`apt-get install libreoffice-writer-nogui`",
        )
    return soffice


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


class _ProfilePool:
    """Temporary LibreOffice profile folders, reused within this process, one per running soffice.

    Creating a profile costs LibreOffice about half a second at every start; a profile that
    exists is reused. Two soffice processes never share one. All are removed at exit.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._free: list[Path] = []
        self._root: tempfile.TemporaryDirectory[str] | None = None
        self._count = 0

    @contextlib.contextmanager
    def take(self) -> Iterator[Path]:
        with self._lock:
            if self._free:
                profile = self._free.pop()
            else:
                if self._root is None:
                    self._root = tempfile.TemporaryDirectory(prefix="samenbloeien-lo-")
                    atexit.register(self._root.cleanup)
                self._count += 1
                profile = Path(self._root.name) / f"profile-{self._count}"
        try:
            yield profile
        except BaseException:
            shutil.rmtree(profile, ignore_errors=True)  # a killed soffice may leave it broken
            raise
        with self._lock:
            self._free.append(profile)


_PROFILES = _ProfilePool()
MIN_PER_WORKER = 12
"""A batch is split over several LibreOffice processes only when each gets this many documents."""


def _workers(count: int) -> int:
    return max(1, min(os.cpu_count() or 1, 4, count // MIN_PER_WORKER))


@overload
def to_pdf(documents: RenderedDocument, *, pdfa: bool = ..., timeout: float = ...) -> bytes: ...
@overload
def to_pdf(
    documents: Sequence[RenderedDocument], *, pdfa: bool = ..., timeout: float = ...
) -> list[bytes]: ...
def to_pdf(
    documents: RenderedDocument | Sequence[RenderedDocument],
    *,
    pdfa: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> bytes | list[bytes]:
    """Convert one document (returns bytes) or a list (returns a list, same order) to PDF.

    A list is converted by one LibreOffice process per core at most (each with its own
    temporary profile), not one process per document.

    Args:
        documents: what :func:`render` returned, one or many.
        pdfa: produce PDF/A-2b (archival) instead of plain PDF.
        timeout: seconds the whole conversion may take.

    Raises:
        ConversionError: LibreOffice is missing, timed out, or made no PDF for a document
            (the error names that document's file name).
    """
    single = isinstance(documents, RenderedDocument)
    batch = [documents] if isinstance(documents, RenderedDocument) else list(documents)
    if not batch:
        return []
    label = batch[0].filename if len(batch) == 1 else f"a batch of {len(batch)} documents"
    soffice = _require_soffice(label)
    workers = _workers(len(batch))
    size = -(-len(batch) // workers)
    numbered = list(enumerate(batch))
    chunks = [numbered[i : i + size] for i in range(0, len(batch), size)]
    results: list[bytes | None] = [None] * len(batch)
    errors: list[ConversionError] = []
    deadline = time.monotonic() + timeout

    def run(chunk: list[tuple[int, RenderedDocument]]) -> None:
        try:
            pdfs = _convert_chunk(
                soffice, [doc for _, doc in chunk], pdfa, deadline, timeout, label
            )
        except ConversionError as exc:
            errors.append(exc)
            return
        for (index, _), pdf in zip(chunk, pdfs, strict=True):
            results[index] = pdf

    threads = [threading.Thread(target=run, args=(chunk,)) for chunk in chunks[1:]]
    for thread in threads:
        thread.start()
    run(chunks[0])
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    done = [pdf for pdf in results if pdf is not None]
    return done[0] if single else done


def _convert_chunk(
    soffice: str,
    batch: list[RenderedDocument],
    pdfa: bool,
    deadline: float,
    timeout: float,
    label: str,
) -> list[bytes]:
    """Convert a list of documents with one soffice process."""
    with (
        tempfile.TemporaryDirectory(prefix="samenbloeien-pdf-") as work,
        _PROFILES.take() as profile,
    ):
        folder = Path(work)
        inputs, outputs = folder / "in", folder / "out"
        inputs.mkdir()
        names = []
        for index, document in enumerate(batch):
            name = f"{index:05d}"
            (inputs / f"{name}.docx").write_bytes(document.data)
            names.append(name)
        command = [
            soffice,
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            PDFA_FILTER if pdfa else "pdf",
            "--outdir",
            str(outputs),
            *(str(inputs / f"{n}.docx") for n in names),
        ]
        env = {**os.environ, "HOME": str(folder)}
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
        try:
            output, _ = process.communicate(timeout=max(deadline - time.monotonic(), 0.001))
        except subprocess.TimeoutExpired:
            _kill_group(process)
            process.communicate()  # collect and close the pipe
            raise ConversionError(
                label, f"LibreOffice did not finish within {timeout:g} s"
            ) from None
        results = []
        for name, document in zip(names, batch, strict=True):
            pdf = outputs / f"{name}.pdf"
            if not pdf.is_file() or pdf.stat().st_size == 0:
                said = output.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
                raise ConversionError(
                    document.filename,
                    f"LibreOffice made no PDF (exit code {process.returncode}: {said[0]})",
                )
            results.append(pdf.read_bytes())
    return results


# --------------------------------------------------------------------------- warm converter


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def find_uno_python() -> str | None:
    """A Python that can ``import uno`` (LibreOffice's bridge), for the unoserver process."""
    candidates = [
        os.environ.get("SAMENBLOEIEN_UNO_PYTHON", ""),
        sys.executable,
        "/usr/bin/python3",
        "/usr/lib/libreoffice/program/python",
        "/opt/libreoffice/program/python",
    ]
    for candidate in candidates:
        if not candidate or not Path(candidate).exists():
            continue
        check = subprocess.run(
            [candidate, "-c", "import uno"], capture_output=True, timeout=30, check=False
        )
        if check.returncode == 0:
            return candidate
    return None


class Converter:
    """A warm LibreOffice for fast PDF conversions (``unoserver``), started and stopped here.

    >>> with Converter() as converter:                     # doctest: +SKIP
    ...     pdf = converter.convert(render(example("mayors-letter")))

    Pass ``host`` and ``port`` to use a unoserver that already runs elsewhere (a conversion
    service); then nothing is started or stopped here. Conversions are serialised.
    """

    def __init__(
        self, *, host: str | None = None, port: int | None = None, timeout: float = 60.0
    ) -> None:
        """Prepare a converter; nothing starts until :meth:`start` or ``with``."""
        self.host = host or "127.0.0.1"
        self.port = port
        self.timeout = timeout
        self._external = host is not None
        self._process: subprocess.Popen[bytes] | None = None
        self._workdir: tempfile.TemporaryDirectory[str] | None = None
        self._lock = threading.Lock()
        self._client: object | None = None

    def start(self) -> Converter:
        """Start LibreOffice and unoserver (or check the remote service), then return self.

        Raises:
            ConversionError: LibreOffice, unoserver or a Python with ``uno`` is missing, or
                the server did not come up in time.
        """
        try:
            from unoserver.client import UnoClient
        except ImportError:
            raise ConversionError(
                "warm converter",
                "unoserver is not installed (pip install 'samenbloeien-docs[warm]')",
            ) from None
        if not self._external and self._process is None:
            self._launch()
        if self.port is None:  # pragma: no cover - _launch sets it
            raise ConversionError("warm converter", "no port")
        self._wait_ready()
        self._client = UnoClient(server=self.host, port=str(self.port), host_location="remote")
        return self

    def _launch(self) -> None:
        soffice = _require_soffice("warm converter")
        python = find_uno_python()
        if python is None:
            raise ConversionError(
                "warm converter",
                "no Python with LibreOffice's uno module found (Debian: apt-get install python3-uno)",
            )
        import unoserver

        site = str(Path(unoserver.__file__).resolve().parent.parent)
        self.port = _free_port()
        self._workdir = tempfile.TemporaryDirectory(prefix="samenbloeien-uno-")
        folder = Path(self._workdir.name)
        code = (
            "import sys; sys.path.append(sys.argv.pop(1)); sys.argv[0] = 'unoserver'; "
            "from unoserver.server import main; sys.exit(main())"
        )
        command = [
            python, "-c", code, site,
            "--interface", "127.0.0.1", "--port", str(self.port),
            "--uno-port", str(_free_port()),
            "--executable", soffice,
            "--user-installation", str(folder / "profile"),
            "--conversion-timeout", str(int(self.timeout)),
            "--quiet",
        ]  # fmt: skip
        self._process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "HOME": str(folder)},
            start_new_session=True,
        )

    def _wait_ready(self) -> None:
        proxy = xmlrpc.client.ServerProxy(f"http://{self.host}:{self.port}", allow_none=True)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                proxy.info()
                return
            except (OSError, xmlrpc.client.Error):
                if self._process is not None and self._process.poll() is not None:
                    raise ConversionError(
                        "warm converter", "unoserver stopped while starting"
                    ) from None
                if time.monotonic() > deadline:
                    self.stop()
                    raise ConversionError(
                        "warm converter", f"unoserver did not answer within {self.timeout:g} s"
                    ) from None
                time.sleep(0.1)

    def convert(self, document: RenderedDocument, *, pdfa: bool = False) -> bytes:
        """Convert one document to PDF (PDF/A-2b with ``pdfa``).

        Raises:
            ConversionError: naming the document, when the conversion failed.
        """
        if self._client is None:
            self.start()
        options = ["SelectPdfVersion=2"] if pdfa else []
        try:
            with self._lock:
                result = self._client.convert(  # type: ignore[union-attr]
                    indata=document.data, convert_to="pdf", filter_options=options
                )
        except Exception as exc:
            raise ConversionError(document.filename, f"the warm converter failed: {exc}") from None
        if isinstance(result, xmlrpc.client.Binary):
            result = result.data
        if not isinstance(result, bytes) or not result.startswith(b"%PDF"):
            raise ConversionError(document.filename, "the warm converter returned no PDF")
        return result

    def stop(self) -> None:
        """Stop the LibreOffice this converter started (a remote service is left alone)."""
        self._client = None
        if self._process is not None:
            _kill_group(self._process)
            self._process = None
        if self._workdir is not None:
            self._workdir.cleanup()
            self._workdir = None

    def __enter__(self) -> Converter:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: types.TracebackType | None,
    ) -> None:
        self.stop()
