"""The error hierarchy: everything this library raises on purpose derives from SamenbloeienError."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs


@attrs.frozen
class Problem:
    """One thing wrong with the input, at a JSON path such as ``$.youth.address.postcode``."""

    path: str
    message: str

    def under(self, prefix: str) -> Problem:
        """Return the same problem with its path placed below ``prefix`` (itself a JSON path)."""
        return Problem(prefix + self.path[1:], self.message)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class SamenbloeienError(Exception):
    """Base class of every error this library raises on purpose."""


class InvalidInputError(SamenbloeienError, ValueError):
    """Input data was refused; ``problems`` lists every field that is wrong, by JSON path."""

    def __init__(self, problems: Iterable[Problem], *, record: int | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.record = record
        super().__init__(self._message())

    def _message(self) -> str:
        where = f"record {self.record}: " if self.record is not None else ""
        count = len(self.problems)
        head = f"{where}{count} invalid value{'s' if count != 1 else ''}"
        return head + "".join(f"\n  {p}" for p in self.problems)

    def under(self, prefix: str) -> InvalidInputError:
        """Return the same error with every path placed below ``prefix``."""
        return InvalidInputError((p.under(prefix) for p in self.problems), record=self.record)

    def for_record(self, record: int) -> InvalidInputError:
        """Return the same error tagged with the (1-based) record number of a batch."""
        return InvalidInputError(self.problems, record=record)

    @property
    def lines(self) -> list[str]:
        """One ``path: message`` line per problem (with the record number in a batch)."""
        where = f"record {self.record}: " if self.record is not None else ""
        return [f"{where}{p}" for p in self.problems]


class TemplateError(SamenbloeienError):
    """A Word template could not be read or used; ``template`` names it, ``reason`` says why."""

    def __init__(self, template: str, reason: str) -> None:
        self.template = template
        self.reason = reason
        super().__init__(f"template {template}: {reason}")


class RenderError(SamenbloeienError):
    """Filling a template failed; nothing was written and no state was kept."""

    def __init__(self, template: str, reason: str) -> None:
        self.template = template
        self.reason = reason
        super().__init__(f"rendering with template {template} failed: {reason}")


class ConversionError(SamenbloeienError):
    """LibreOffice could not convert a document; ``document`` names it (by file name)."""

    def __init__(self, document: str, reason: str) -> None:
        self.document = document
        self.reason = reason
        super().__init__(f"converting {document} failed: {reason}")


class OutputExistsError(SamenbloeienError, FileExistsError):
    """A file would be overwritten and overwriting was not asked for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} exists already; pass overwrite=True (--force) to replace it")
