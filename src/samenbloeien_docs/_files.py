"""Safe, unique file names made from the document kind and the case reference."""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$", re.IGNORECASE)
MAX_STEM = 80


def safe_reference(reference: str) -> str:
    """A reference reduced to letters, digits, ``-``, ``_`` and ``.``, safe on every OS.

    No path separators, no ``..``, no hidden (leading dot) or reserved (``CON``) names;
    accents are folded (``é`` -> ``e``); anything else becomes ``-``. Empty results become
    ``zonder-kenmerk``.
    """
    folded = unicodedata.normalize("NFKD", reference).encode("ascii", "ignore").decode()
    cleaned = _UNSAFE.sub("-", folded)
    cleaned = re.sub(r"\.{2,}", ".", cleaned).strip(".-_ ")
    cleaned = cleaned[:MAX_STEM].rstrip(".-_ ")
    if not cleaned:
        return "zonder-kenmerk"
    if _RESERVED.match(cleaned.split(".")[0]):
        cleaned = f"_{cleaned}"
    return cleaned


def safe_stem(kind: str, reference: str) -> str:
    """``mayors-letter_ZVH-2026-0142``: the file name without its extension."""
    return f"{kind}_{safe_reference(reference)}"


def unique_stems(stems: list[str]) -> list[str]:
    """Make stems unique in order (case-insensitively): a repeat gets ``-2``, ``-3`` ..."""
    seen: set[str] = set()
    result = []
    for stem in stems:
        candidate, number = stem, 1
        while candidate.casefold() in seen:
            number += 1
            candidate = f"{stem}-{number}"
        seen.add(candidate.casefold())
        result.append(candidate)
    return result
