"""Safe and unique file names from case references."""

from __future__ import annotations

import pytest

from samenbloeien_docs._files import safe_reference, safe_stem, unique_stems


@pytest.mark.parametrize(
    ("reference", "safe"),
    [
        ("ZVH-2026-0142", "ZVH-2026-0142"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", "zonder-kenmerk"),
        ("", "zonder-kenmerk"),
        ("CON", "_CON"),
        ("lpt1.txt", "_lpt1.txt"),
        (".hidden", "hidden"),
        ("a/b\\c:d*e?f", "a-b-c-d-e-f"),
        ("Zaak 🌸 één", "Zaak-een"),
        ("x" * 300, "x" * 80),
    ],
)
def test_safe_reference(reference: str, safe: str) -> None:
    """No separators, no '..', no hidden or reserved names, bounded length."""
    assert safe_reference(reference) == safe


def test_unique_stems_are_case_insensitive() -> None:
    """Repeated references get -2, -3 (also when they differ only in case)."""
    assert unique_stems(["a", "A", "a", "b"]) == ["a", "A-2", "a-3", "b"]
    assert safe_stem("closing-letter", "Z/1") == "closing-letter_Z-1"
