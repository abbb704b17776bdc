"""check_template: what a municipality learns about its template before a letter goes out."""

from __future__ import annotations

from pathlib import Path

import pytest

from samenbloeien_docs import InvalidInputError, TemplateError, check_template
from samenbloeien_docs._render import default_template
from tests.conftest import KINDS
from tests.templates import make_template


@pytest.mark.parametrize("kind", KINDS)
def test_default_templates_have_no_problems(kind: str) -> None:
    """The four default templates pass with no errors and use every model field."""
    source = Path(__file__).parents[1] / "src" / "samenbloeien_docs" / "templates" / f"{kind}.docx"
    report = check_template(kind, source)
    assert report.problems == ()
    assert report.ok
    assert default_template(kind).name == f"{kind}.docx (default)"


def messages(kind: str, body: list[str]) -> list[str]:
    """Check a template built from paragraphs; return the error messages."""
    report = check_template(kind, make_template(body))
    return [p.message for p in report.errors]


def test_unknown_variable_and_attribute_with_suggestions() -> None:
    """Misspelled names get the closest valid name, through nested attributes and loops."""
    assert messages(
        "conversation-report",
        [
            "{{ yuoth.first_name }}",
            "{{ youth.adress.town }}",
            "{{ youth.address.postcod }}",
            "{% for a in agreements %}{{ a.txt }}{% endfor %}",
            "{{ loop_counter }}",
        ],
    ) == [
        "unknown variable 'yuoth'; did you mean 'youth'?",
        "Youth has no attribute 'adress'; did you mean 'address'?",
        "Address has no attribute 'postcod'; did you mean 'postcode'?",
        "Agreement has no attribute 'txt'; did you mean 'text'?",
        "unknown variable 'loop_counter'",
    ]


def test_fields_of_another_kind_are_unknown() -> None:
    """A confirmation field in a mayor's letter template is reported."""
    assert messages("mayors-letter", ["{{ consequences }}"]) == ["unknown variable 'consequences'"]


def test_unknown_filter_and_removed_safe_filter() -> None:
    """Unknown filters are named; 'safe' is removed because it would unescape case-system text."""
    assert messages(
        "closing-letter", ["{{ letter_date|longdate }}", "{{ positive_changes|safe }}"]
    ) == [
        "unknown filter 'longdate'; did you mean 'long_date'?",
        "unknown filter 'safe' (removed: it would print case-system text unescaped)",
    ]


def test_sandbox_forbidden_constructs() -> None:
    """Private attributes are reported as refused by the sandbox."""
    assert messages("mayors-letter", ["{{ youth.__class__ }}", "{{ sender['_logo'] }}"]) == [
        ".__class__ is refused by the sandbox (private attribute)",
        "['_logo'] is refused by the sandbox (private attribute)",
    ]


def test_syntax_error_quotes_the_paragraph() -> None:
    """A syntax error names the part and quotes the paragraph text around it."""
    report = check_template(
        "mayors-letter",
        make_template(["Eerste alinea", "Beste {% if youth %}{{ youth.first_name }}"]),
    )
    (error,) = report.errors
    assert error.part == "word/document.xml"
    assert error.message.startswith("syntax error: Unexpected end of template")
    assert "Beste" in error.context


def test_errors_in_header_and_footer_are_found() -> None:
    """Headers and footers are checked too."""
    report = check_template(
        "mayors-letter",
        make_template(["x"], header="{{ sendr.municipality }}", footer="{{ references.our_ref }}"),
    )
    assert [(p.part, p.message) for p in report.errors] == [
        ("word/header1.xml", "unknown variable 'sendr'; did you mean 'sender'?"),
        (
            "word/footer1.xml",
            "References has no attribute 'our_ref'; did you mean 'our_reference'?",
        ),
    ]


def test_unused_fields_are_information() -> None:
    """Fields the template does not use are listed as information, not errors."""
    report = check_template(
        "closing-letter", make_template(["{{ doc.salutation }} {{ closure_date|long_date }}"])
    )
    assert report.ok
    unused = {p.message for p in report.infos}
    assert "field 'positive_changes' is not used by this template" in unused
    assert "field 'youth' is not used by this template" not in unused  # doc.salutation reads it
    assert "field 'closure_date' is not used by this template" not in unused


def test_valid_jinja_constructs_pass() -> None:
    """Loops over tuples, loop variables, set, tests and methods are understood."""
    report = check_template(
        "conversation-report",
        make_template(
            [
                "{% set n = agreements|length %}{{ n }}",
                "{% for p in professionals %}{{ loop.index }} {{ p.role.label }} {{ p.display_name|upper }}{% endfor %}",
                "{{ youth.age_on(conversation_date) }} {{ monitoring.next_contact|full_date or '-' }}",
                "{% if unannounced is sameas true %}ja{% endif %} {{ position.meaning|capfirst }}",
            ]
        ),
    )
    assert report.errors == ()


def test_bad_inputs(tmp_path: Path) -> None:
    """Unknown kinds, missing files and non-Word files are clear errors."""
    with pytest.raises(InvalidInputError, match="unknown kind 'letter'"):
        check_template("letter", tmp_path / "x.docx")
    with pytest.raises(TemplateError, match="file not found"):
        check_template("mayors-letter", tmp_path / "x.docx")
    (tmp_path / "x.docx").write_text("hello")
    with pytest.raises(TemplateError, match="not a Word"):
        check_template("mayors-letter", tmp_path / "x.docx")
