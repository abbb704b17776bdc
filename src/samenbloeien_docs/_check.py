"""Check a municipality's own Word template before any letter goes out with it."""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import os
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import jinja2
from jinja2 import nodes

from ._errors import TemplateError
from ._jinja import REMOVED_FILTERS, make_environment
from ._json import kind_class
from ._render import paragraph_context, prepare_part, read_package, rendered_parts

_LOOP_ATTRIBUTES = frozenset(
    {"index", "index0", "revindex", "revindex0", "first", "last", "length", "cycle",
     "depth", "depth0", "previtem", "nextitem", "changed"}
)  # fmt: skip
_ANY = object()  # a value whose attributes we cannot check
_LOOP = object()

# What the document's computed properties read, so that using them counts as using the fields.
_PROPERTY_USES = {
    "salutation": {"youth", "parents", "letter_date"},
    "addressee_lines": {"youth", "parents", "letter_date"},
    "is_minor": {"youth", "letter_date"},
    "partner_list": {"partners"},
    "due_date": {"conversation_date", "deadline_mode"},
    "is_late": {"letter_date", "conversation_date", "deadline_mode"},
}


@attrs.frozen
class TemplateProblem:
    """One finding about a template: ``error`` stops letters, ``info`` is for the author."""

    severity: str
    """``error`` or ``info``."""
    part: str
    """The part of the .docx, e.g. ``word/document.xml`` or ``word/header1.xml``."""
    message: str
    """What is wrong, with the closest valid name where there is one."""
    context: str = ""
    """The text of the paragraphs around it, to find the spot in Word."""

    def __str__(self) -> str:
        near = f" (near: {self.context!r})" if self.context else ""
        return f"{self.severity}: {self.part}: {self.message}{near}"


@attrs.frozen
class TemplateReport:
    """The result of :func:`check_template`."""

    kind: str
    """The document kind checked against."""
    template: str
    """The template's file name."""
    problems: tuple[TemplateProblem, ...]
    """Everything found, errors first."""

    @property
    def errors(self) -> tuple[TemplateProblem, ...]:
        """Problems that would break or corrupt a letter."""
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def infos(self) -> tuple[TemplateProblem, ...]:
        """Information, such as model fields the template does not use."""
        return tuple(p for p in self.problems if p.severity == "info")

    @property
    def ok(self) -> bool:
        """True when there are no errors."""
        return not self.errors

    def __str__(self) -> str:
        head = (
            f"{self.template} ({self.kind}): {len(self.errors)} error(s), {len(self.infos)} note(s)"
        )
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


def _suggest(name: str, options: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(options), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _unwrap(tp: Any) -> Any:
    if typing.get_origin(tp) in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return options[0] if len(options) == 1 else _ANY
    return tp


def _attributes(tp: Any) -> dict[str, Any] | None:
    """Attribute name -> type for a model class, or None when we cannot tell."""
    tp = _unwrap(tp)
    if isinstance(tp, type) and attrs.has(tp):
        hints = typing.get_type_hints(tp)
        found: dict[str, Any] = {f.name: hints[f.name] for f in attrs.fields(tp)}
        for name in dir(tp):
            if name.startswith("_") or name in found:
                continue
            member = getattr(tp, name)
            if isinstance(member, property) and member.fget is not None:
                found[name] = typing.get_type_hints(member.fget).get("return", _ANY)
            elif callable(member):
                found[name] = _ANY
            elif name == "kind":
                found[name] = str
        return found
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"label": str, "meaning": str, "value": str, "name": str}
    if tp in (str, int, bool, dt.date, bytes):
        return {name: _ANY for name in dir(tp) if not name.startswith("_")}
    return None


def _names(target: nodes.Node) -> list[str]:
    """The names a for/set/with target binds (``x`` or ``a, b``)."""
    if isinstance(target, nodes.Name):
        return [target.name]
    return [name.name for name in target.find_all(nodes.Name)]


def _item_type(tp: Any) -> Any:
    tp = _unwrap(tp)
    if typing.get_origin(tp) is tuple:
        return typing.get_args(tp)[0]
    return _ANY


class _Walker:
    def __init__(
        self, part: str, source: str, env: jinja2.Environment, scope: dict[str, Any]
    ) -> None:
        self.part, self.source, self.env = part, source, env
        self.problems: list[TemplateProblem] = []
        self.used: set[str] = set()
        self.scope = scope
        self.top_level = set(scope)

    def report(self, node: nodes.Node, message: str) -> None:
        context = paragraph_context(self.source, getattr(node, "lineno", None))
        self.problems.append(TemplateProblem("error", self.part, message, context))

    def walk(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        """Visit ``node``; return the type of the value it yields where known."""
        if isinstance(node, nodes.For):
            self.walk(node.iter, scope)
            inner = dict(scope)
            item = _item_type(self.type_of(node.iter, scope))
            for name in _names(node.target):
                inner[name] = item if isinstance(node.target, nodes.Name) else _ANY
            inner["loop"] = _LOOP
            for child in [*node.body, *node.else_]:
                self.walk(child, inner)
            if node.test is not None:
                self.walk(node.test, inner)
            return _ANY
        if isinstance(node, nodes.Macro | nodes.CallBlock):
            inner = dict(scope)
            for arg in node.args:
                inner[arg.name] = _ANY
            inner["caller"] = _ANY
            for child in node.body:
                self.walk(child, inner)
            return _ANY
        if isinstance(node, nodes.Assign | nodes.AssignBlock):
            for name in _names(node.target):
                scope[name] = _ANY
        if isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=False):
                self.walk(value, scope)
                for name in _names(target):
                    inner[name] = _ANY
            for child in node.body:
                self.walk(child, inner)
            return _ANY
        if isinstance(node, nodes.Filter) and node.name not in self.env.filters:
            hint = (
                " (removed: it would print case-system text unescaped)"
                if node.name in REMOVED_FILTERS
                else ""
            )
            self.report(
                node, f"unknown filter {node.name!r}{hint}{_suggest(node.name, self.env.filters)}"
            )
        if isinstance(node, nodes.Test) and node.name not in self.env.tests:
            self.report(node, f"unknown test {node.name!r}{_suggest(node.name, self.env.tests)}")
        if isinstance(node, nodes.Getattr | nodes.Name):
            return self.type_of(node, scope)
        if isinstance(node, nodes.Getitem):
            key = node.arg.value if isinstance(node.arg, nodes.Const) else None
            if isinstance(key, str) and key.startswith("_"):
                self.report(node, f"[{key!r}] is refused by the sandbox (private attribute)")
            self.walk(node.arg, scope)
            return _item_type(self.walk(node.node, scope))
        for child in node.iter_child_nodes():
            self.walk(child, scope)
        return _ANY

    def type_of(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        if isinstance(node, nodes.Name):
            if node.ctx != "load":
                return _ANY
            if node.name in scope:
                if node.name in self.top_level and scope[node.name] is self.scope.get(node.name):
                    self.used.add(node.name)
                return scope[node.name]
            if node.name in self.env.globals:
                return _ANY
            self.report(node, f"unknown variable {node.name!r}{_suggest(node.name, scope)}")
            return _ANY
        if isinstance(node, nodes.Getattr):
            if node.attr.startswith("_"):
                self.report(node, f".{node.attr} is refused by the sandbox (private attribute)")
                self.walk(node.node, scope)
                return _ANY
            owner = (
                self.type_of(node.node, scope)
                if isinstance(node.node, nodes.Name | nodes.Getattr)
                else self.walk(node.node, scope)
            )
            if owner is _LOOP:
                if node.attr not in _LOOP_ATTRIBUTES:
                    self.report(
                        node,
                        f"loop has no attribute {node.attr!r}{_suggest(node.attr, _LOOP_ATTRIBUTES)}",
                    )
                return _ANY
            if isinstance(node.node, nodes.Name) and node.node.name == "doc":
                self.used.add(node.attr)
                self.used.update(_PROPERTY_USES.get(node.attr, ()))
            known = _attributes(owner) if owner is not _ANY else None
            if known is None:
                return _ANY
            if node.attr not in known:
                where = getattr(_unwrap(owner), "__name__", "this value")
                self.report(
                    node, f"{where} has no attribute {node.attr!r}{_suggest(node.attr, known)}"
                )
                return _ANY
            return known[node.attr]
        return self.walk(node, scope)


def _load(template: str | os.PathLike[str] | bytes) -> tuple[bytes, str]:
    if isinstance(template, bytes):
        return template, "template"
    path = Path(template)
    try:
        return path.read_bytes(), path.name
    except FileNotFoundError:
        raise TemplateError(path.name, "file not found") from None
    except OSError as exc:
        raise TemplateError(path.name, f"cannot be read: {exc.strerror}") from None


def _walk_parts(data: bytes, name: str) -> Iterator[tuple[str, str]]:
    entries, content_types = read_package(data, name)
    for part in rendered_parts(entries, content_types):
        try:
            source = entries[part].decode("utf-8")
        except UnicodeDecodeError:
            raise TemplateError(name, f"{part} is not UTF-8") from None
        yield part, prepare_part(source)


def check_template(kind: str, template: str | os.PathLike[str] | bytes) -> TemplateReport:
    """Report what is wrong with a Word template for a document kind, before it is used.

    Finds Jinja syntax errors (with the paragraph text around them), unknown variables and
    attributes (with the closest valid name), unknown filters and tests, and constructs the
    sandbox refuses; lists, as information, the model fields the template does not use.

    Raises:
        InvalidInputError: for an unknown kind.
        TemplateError: the file is missing or not a Word file.
    """
    cls = kind_class(kind)
    data, name = _load(template)
    env = make_environment()
    hints = typing.get_type_hints(cls)
    scope: dict[str, Any] = {f.name: hints[f.name] for f in attrs.fields(cls)}
    scope["doc"] = cls
    scope["logo"] = str
    problems: list[TemplateProblem] = []
    used: set[str] = set()
    for part, source in _walk_parts(data, name):
        try:
            tree = env.parse(source)
        except jinja2.TemplateSyntaxError as exc:
            context = paragraph_context(source, exc.lineno)
            problems.append(TemplateProblem("error", part, f"syntax error: {exc.message}", context))
            continue
        walker = _Walker(part, source, env, scope)
        walker.walk(tree, dict(scope))
        problems += walker.problems
        used |= walker.used
    for field_name in (f.name for f in attrs.fields(cls)):
        if field_name not in used:
            problems.append(
                TemplateProblem("info", "-", f"field {field_name!r} is not used by this template")
            )
    problems.sort(key=lambda p: p.severity != "error")
    return TemplateReport(kind, name, tuple(problems))
