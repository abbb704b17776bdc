"""Typed models of the four documents and their parts.

Every class is frozen and keyword-only. Building an object checks all of its fields at once
and raises one :class:`InvalidInputError` naming each wrong field by JSON path, so no partial
or invalid object ever exists. The Dutch term of each field is in its docstring.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any, ClassVar

from attrs import field, frozen

from ._deadlines import DeadlineMode, due_date
from ._errors import InvalidInputError, Problem
from ._formatting import (
    age_on,
    display_name,
    formal_surname,
    format_list,
    initials_name,
    postcode_line,
    sort_key,
)

SHORT_TEXT = 200
"""Longest accepted one-line value (names, streets, references), in characters."""
LONG_TEXT = 20_000
"""Longest accepted free text (descriptions, analysis), in characters."""

_POSTCODE = re.compile(r"^[1-9][0-9]{3} [A-Z]{2}$")
_POSTCODE_LOOSE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")
_FORBIDDEN_POSTCODE_LETTERS = frozenset({"SA", "SD", "SS"})
_HOUSE_LETTER = re.compile(r"^[A-Za-z]$")
_ADDITION = re.compile(r"^[A-Za-z0-9]{1,4}$|^(?:to|tegenover|bij)$")
_SPACED_ADDITIONS = frozenset({"to", "tegenover", "bij"})
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,20}$")
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


# --------------------------------------------------------------------------- checking helpers


SKIP: Any = type("_Skip", (), {"__repr__": lambda self: "SKIP"})()
"""Stands for a field that failed to parse: its own error is reported, the checks pass it by."""


class _Checker:
    """Collects problems for one object; paths are relative (``$.field``)."""

    def __init__(self, obj: object) -> None:
        self.obj = obj
        self.problems: list[Problem] = []

    def add(self, name: str, message: str) -> None:
        self.problems.append(Problem(f"$.{name}", message))

    def value(self, name: str) -> Any:
        return getattr(self.obj, name.split("[")[0])

    def text(self, name: str, *, required: bool = True, limit: int = SHORT_TEXT) -> str | None:
        value = self.value(name)
        if value is SKIP:
            return None
        if value is None:
            if required:
                self.add(name, "is required")
            return None
        if not isinstance(value, str):
            self.add(name, f"expected text, got {type(value).__name__}")
            return None
        if not value.strip():
            self.add(name, "is empty" if required else "is empty; leave it out or use null")
            return None
        if len(value) > limit:
            self.add(name, f"is {len(value)} characters long; at most {limit} are accepted")
            return None
        return value

    def pattern(self, name: str, regex: re.Pattern[str], what: str) -> None:
        value = self.text(name, required=False)
        if value is not None and not regex.match(value):
            self.add(name, f"is not {what}")  # the value itself is personal data: not echoed

    def date(self, name: str, *, required: bool = True) -> dt.date | None:
        value = self.value(name)
        if value is SKIP:
            return None
        if value is None:
            if required:
                self.add(name, "is required")
            return None
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            self.add(name, f"expected a date, got {type(value).__name__}")
            return None
        return value

    def instance(self, name: str, cls: type, *, required: bool = True) -> Any:
        value = self.value(name)
        if value is SKIP:
            return None
        if value is None:
            if required:
                self.add(name, "is required")
            return None
        if not isinstance(value, cls):
            self.add(name, f"expected {cls.__name__}, got {type(value).__name__}")
            return None
        return value

    def items(self, name: str, cls: type, *, minimum: int = 0) -> tuple[Any, ...]:
        value = self.value(name)
        if value is SKIP:
            return ()
        if not isinstance(value, tuple):
            self.add(name, f"expected a list, got {type(value).__name__}")
            return ()
        if len(value) < minimum:
            self.add(name, f"needs at least {minimum} item{'s' if minimum != 1 else ''}")
        good = []
        for index, item in enumerate(value):
            if isinstance(item, cls):
                good.append(item)
            else:
                self.add(f"{name}[{index}]", f"expected {cls.__name__}, got {type(item).__name__}")
        return tuple(good)

    def texts(self, name: str, *, minimum: int = 0) -> tuple[str, ...]:
        value = self.value(name)
        if value is SKIP:
            return ()
        if not isinstance(value, tuple):
            self.add(name, f"expected a list, got {type(value).__name__}")
            return ()
        if len(value) < minimum:
            self.add(name, f"needs at least {minimum} item{'s' if minimum != 1 else ''}")
        for index, item in enumerate(value):
            if not isinstance(item, str):
                self.add(f"{name}[{index}]", f"expected text, got {type(item).__name__}")
            elif not item.strip():
                self.add(f"{name}[{index}]", "is empty")
            elif len(item) > SHORT_TEXT:
                self.add(f"{name}[{index}]", f"is longer than {SHORT_TEXT} characters")
        return tuple(v for v in value if isinstance(v, str))

    def enum(self, name: str, cls: type[enum.Enum]) -> Any:
        value = self.value(name)
        if value is SKIP:
            return None
        if not isinstance(value, cls):
            allowed = ", ".join(repr(m.value) for m in cls)
            self.add(name, f"expected one of {allowed}, got {value!r}")
            return None
        return value

    def flag(self, name: str) -> None:
        value = self.value(name)
        if value is not None and value is not SKIP and not isinstance(value, bool):
            self.add(name, f"expected true or false, got {type(value).__name__}")

    def raise_if_any(self) -> None:
        if self.problems:
            raise InvalidInputError(self.problems)


def _as_tuple(value: Any) -> Any:
    """Accept a list where a tuple is declared; leave anything else for the checks to refuse."""
    return tuple(value) if isinstance(value, list) else value


def _normalise_postcode(value: Any) -> Any:
    """``9712hw`` and ``9712  hw`` become ``9712 HW``; anything else is left for the checks."""
    if isinstance(value, str) and (match := _POSTCODE_LOOSE.match(value)):
        return f"{match.group(1)} {match.group(2).upper()}"
    return value


class _Model:
    """Mixin: run :meth:`_check` after ``__init__`` and raise all problems at once."""

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        checker = _Checker(self)
        self._check(checker)
        checker.raise_if_any()

    @classmethod
    def _problems_of_partial(cls, values: dict[str, Any]) -> list[Problem]:
        """Run the object's checks on the fields that parsed; the others are ``SKIP``.

        Used when some fields of JSON input were wrong, so that the cross-field rules are
        reported in the same error instead of after the first fix. The half-built object
        never leaves this method.
        """
        probe = object.__new__(cls)
        for name, value in values.items():
            object.__setattr__(probe, name, value)
        checker = _Checker(probe)
        probe._check(checker)
        return checker.problems

    def _check(self, c: _Checker) -> None:  # pragma: no cover - every model overrides it
        raise NotImplementedError


class _NamedPerson:
    """Name helpers shared by people (needs first_name, surname_prefix, surname)."""

    __slots__ = ()

    first_name: str
    surname_prefix: str | None
    surname: str

    @property
    def display_name(self) -> str:
        """The name in running text: ``Sam de Vries``."""
        return display_name(self.first_name, self.surname_prefix, self.surname)

    @property
    def formal_surname(self) -> str:
        """The surname after ``heer``/``mevrouw``: ``De Vries``."""
        return formal_surname(self.surname_prefix, self.surname)

    @property
    def initials_name(self) -> str:
        """Initials and surname: ``S. de Vries``."""
        return initials_name(self.first_name, self.surname_prefix, self.surname)

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Key to sort people on surname without prefix, as Dutch lists do."""
        return sort_key(self.first_name, self.surname_prefix, self.surname)

    def _check_name(self, c: _Checker) -> None:
        c.text("first_name")
        c.text("surname_prefix", required=False)
        c.text("surname")


# --------------------------------------------------------------------------- enums


class Position(enum.Enum):
    """Position of the young person towards the group (positie t.o.v. de groep, Plus-Min-Mee)."""

    PLUS = "plus"
    MEE = "mee"
    MIN = "min"

    @property
    def label(self) -> str:
        """The Dutch label as written in reports: PLUS, MEE or MIN."""
        return self.name

    @property
    def meaning(self) -> str:
        """What the position means, in Dutch."""
        return _POSITION_MEANING[self]


_POSITION_MEANING = {
    Position.PLUS: "de jongere is in staat zich onafhankelijk(er) van de groep op te stellen",
    Position.MEE: "de jongere is beïnvloedbaar, in positieve en in negatieve zin (meeloper)",
    Position.MIN: (
        "de jongere is zo ver afgegleden dat een preventief gesprek nauwelijks zinvol is; "
        "politie-inzet ligt meer voor de hand"
    ),
}


class Role(enum.Enum):
    """Role of a professional in the conversation (rol)."""

    YOUTH_WORKER = "jongerenwerker"
    HALT_EMPLOYEE = "halt-medewerker"
    OTHER = "anders"

    @property
    def label(self) -> str:
        """The Dutch name of the role."""
        return {
            Role.YOUTH_WORKER: "jongerenwerker",
            Role.HALT_EMPLOYEE: "Halt-medewerker",
            Role.OTHER: "professional",
        }[self]


class Channel(enum.Enum):
    """How the agreements are confirmed (wijze van terugkoppeling)."""

    POST = "post"
    EMAIL = "e-mail"
    SECOND_VISIT = "tweede-bezoek"

    @property
    def label(self) -> str:
        """The Dutch phrase for the channel: ``per post``, ``per e-mail``, ``bij een tweede bezoek``."""
        return {
            Channel.POST: "per post",
            Channel.EMAIL: "per e-mail",
            Channel.SECOND_VISIT: "bij een tweede bezoek",
        }[self]


# --------------------------------------------------------------------------- shared parts


@frozen(kw_only=True)
class Address(_Model):
    """A Dutch postal address (adres), laid out per PostNL.

    A PO box is written as ``street="Postbus"`` with the box number as ``house_number``.
    """

    street: str
    """Straatnaam (or ``Postbus``)."""
    house_number: int
    """Huisnummer (or postbusnummer)."""
    house_letter: str | None = None
    """Huisletter, one letter: ``12A``."""
    house_number_addition: str | None = None
    """Huisnummertoevoeging: ``2`` in ``12-2``, or ``to``/``tegenover``/``bij``."""
    postcode: str = field(converter=_normalise_postcode)
    """Postcode; ``9712hw`` is accepted and normalised to ``9712 HW``."""
    town: str
    """Woonplaats."""

    def _check(self, c: _Checker) -> None:
        c.text("street")
        number = self.house_number
        if isinstance(number, bool) or not isinstance(number, int):
            c.add("house_number", f"expected a whole number, got {type(number).__name__}")
        elif not 1 <= number <= 99999:
            c.add("house_number", f"{number} is not a house number (1 to 99999)")
        c.pattern("house_letter", _HOUSE_LETTER, "a single letter")
        c.pattern(
            "house_number_addition", _ADDITION, "a house number addition (1-4 letters/digits)"
        )
        code = c.text("postcode")
        if code is not None:
            if not _POSTCODE.match(code):
                c.add("postcode", "is not a Dutch postcode (four digits, then two letters)")
            elif code[-2:] in _FORBIDDEN_POSTCODE_LETTERS:
                c.add("postcode", f"the letters {code[-2:]} are never used in Dutch postcodes")
        c.text("town")

    @property
    def street_line(self) -> str:
        """``Kerkstraat 12A-2``, ``Kerkstraat 3 tegenover``."""
        number = f"{self.house_number}{(self.house_letter or '').upper()}"
        addition = self.house_number_addition
        if addition:
            number += f" {addition}" if addition in _SPACED_ADDITIONS else f"-{addition}"
        return f"{self.street} {number}"

    @property
    def postcode_line(self) -> str:
        """``9712 HW  GRONINGEN``: two spaces before the town, the town in capitals."""
        return postcode_line(self.postcode, self.town)

    @property
    def lines(self) -> tuple[str, str]:
        """The two address lines below the name."""
        return (self.street_line, self.postcode_line)


@frozen(kw_only=True)
class Youth(_NamedPerson, _Model):
    """The young person (jongere)."""

    first_name: str
    """Voornaam (roepnaam)."""
    surname_prefix: str | None = None
    """Tussenvoegsel: ``de``, ``van der``."""
    surname: str
    """Achternaam, without the prefix."""
    date_of_birth: dt.date
    """Geboortedatum."""
    address: Address
    """Adres."""
    phone: str | None = None
    """Telefoonnummer."""
    email: str | None = None
    """E-mailadres."""

    def _check(self, c: _Checker) -> None:
        self._check_name(c)
        c.date("date_of_birth")
        c.instance("address", Address)
        c.pattern("phone", _PHONE, "a phone number")
        c.pattern("email", _EMAIL, "an e-mail address")

    def age_on(self, day: dt.date) -> int:
        """Leeftijd: the age in whole years on ``day``."""
        return age_on(self.date_of_birth, day)


@frozen(kw_only=True)
class Parent(_NamedPerson, _Model):
    """A parent or carer (ouder/verzorger)."""

    first_name: str
    """Voornaam."""
    surname_prefix: str | None = None
    """Tussenvoegsel."""
    surname: str
    """Achternaam."""
    relation: str | None = None
    """Relatie tot de jongere: ``moeder``, ``vader``, ``verzorger``."""
    phone: str | None = None
    """Telefoonnummer."""
    email: str | None = None
    """E-mailadres."""

    def _check(self, c: _Checker) -> None:
        self._check_name(c)
        c.text("relation", required=False)
        c.pattern("phone", _PHONE, "a phone number")
        c.pattern("email", _EMAIL, "an e-mail address")


@frozen(kw_only=True)
class Professional(_NamedPerson, _Model):
    """A professional present at the conversation (betrokken professional)."""

    first_name: str
    """Voornaam."""
    surname_prefix: str | None = None
    """Tussenvoegsel."""
    surname: str
    """Achternaam."""
    organisation: str
    """Organisatie: ``Halt``, ``Jongerenwerk Zonnestad``."""
    role: Role
    """Rol: jongerenwerker, Halt-medewerker of anders."""
    phone: str | None = None
    """Telefoonnummer."""
    email: str | None = None
    """E-mailadres."""

    def _check(self, c: _Checker) -> None:
        self._check_name(c)
        c.text("organisation")
        c.enum("role", Role)
        c.pattern("phone", _PHONE, "a phone number")
        c.pattern("email", _EMAIL, "an e-mail address")

    @property
    def contact_line(self) -> str:
        """``Sam de Vries (Halt-medewerker, Halt), 06 12345678, sam@halt.nl``."""
        contact = [c for c in (self.phone, self.email) if c]
        head = f"{self.display_name} ({self.role.label}, {self.organisation})"
        return ", ".join([head, *contact])


@frozen(kw_only=True)
class Logo(_Model):
    """The organisation's logo (logo), a PNG or JPEG image; base64 in JSON."""

    data: bytes = field(repr=lambda d: f"<{len(d)} bytes>")
    """De afbeelding (PNG of JPEG)."""
    width_mm: int = 40
    """Breedte in millimeters in de briefkop."""

    def _check(self, c: _Checker) -> None:
        if not isinstance(self.data, bytes) or not self.data.startswith((_PNG, _JPEG)):
            c.add("data", "expected a PNG or JPEG image")
        width = self.width_mm
        if isinstance(width, bool) or not isinstance(width, int) or not 5 <= width <= 120:
            c.add("width_mm", f"expected a width from 5 to 120 mm, got {width!r}")

    @property
    def extension(self) -> str:
        """``png`` or ``jpeg``."""
        return "png" if self.data.startswith(_PNG) else "jpeg"


@frozen(kw_only=True)
class Sender(_Model):
    """The sending organisation (afzender): municipality, mayor and sending body."""

    municipality: str
    """Gemeente: ``Zonnestad``."""
    mayor_name: str
    """Naam van de burgemeester, as signed: ``mr. A.B. Jansen``."""
    sending_body: str
    """Steller: ``Zorg- en Veiligheidshuis Zonnestad``."""
    postal_address: Address
    """Postadres (a PO box: street ``Postbus``)."""
    phone: str
    """Telefoonnummer voor vragen."""
    email: str | None = None
    """E-mailadres voor vragen."""
    website: str | None = None
    """Website."""
    logo: Logo | None = None
    """Logo in de briefkop."""

    def _check(self, c: _Checker) -> None:
        c.text("municipality")
        c.text("mayor_name")
        c.text("sending_body")
        c.instance("postal_address", Address)
        c.text("phone")
        c.pattern("phone", _PHONE, "a phone number")
        c.pattern("email", _EMAIL, "an e-mail address")
        c.text("website", required=False)
        c.instance("logo", Logo, required=False)

    @property
    def organisation(self) -> str:
        """``Gemeente Zonnestad``."""
        return f"Gemeente {self.municipality}"


@frozen(kw_only=True)
class References(_Model):
    """Reference block (kenmerken) of a letter."""

    our_reference: str
    """Ons kenmerk: the case reference; file names and logs use it, never a name."""
    your_reference: str | None = None
    """Uw kenmerk."""
    your_letter_date: dt.date | None = None
    """Uw brief van."""

    def _check(self, c: _Checker) -> None:
        c.text("our_reference", limit=60)
        c.text("your_reference", required=False, limit=60)
        c.date("your_letter_date", required=False)


@frozen(kw_only=True)
class Agreement(_Model):
    """One agreement the young person made (afspraak), in their own words where possible."""

    text: str
    """De afspraak."""

    def _check(self, c: _Checker) -> None:
        c.text("text", limit=2_000)


@frozen(kw_only=True)
class Monitoring(_Model):
    """How the agreements are followed up (monitoring)."""

    by: str
    """Monitoring vindt plaats door: ``jongerenwerker en Halt-medewerker``."""
    method: str
    """Wijze van monitoring: ``huisbezoek``, ``telefonisch``."""
    next_contact: dt.date | None = None
    """Datum (geplande) tweede gesprek."""

    def _check(self, c: _Checker) -> None:
        c.text("by")
        c.text("method", limit=2_000)
        c.date("next_contact", required=False)


# --------------------------------------------------------------------------- documents


class _Letter:
    """Helpers shared by letters to the young person and their parents."""

    __slots__ = ()

    youth: Youth
    parents: tuple[Parent, ...]
    letter_date: dt.date

    @property
    def salutation(self) -> str:
        """``Beste Sam,`` or ``Beste Sam, Fatima Yilmaz en Peter de Vries,`` (with parents)."""
        young = self.youth.first_name if self.is_minor else self.youth.display_name
        return f"Beste {format_list([young, *(p.display_name for p in self.parents)])},"

    @property
    def is_minor(self) -> bool:
        """The young person is under 18 on the letter's date."""
        return self.youth.age_on(self.letter_date) < 18

    @property
    def addressee_lines(self) -> tuple[str, ...]:
        """The address block: name (and carers of a minor), street line, postcode line."""
        name = [self.youth.display_name]
        if self.parents and self.is_minor:
            name.append("en ouder(s)/verzorger(s)")
        return (*name, *self.youth.address.lines)


def _after(c: _Checker, later: str, earlier: str, *, strict: bool, what: str) -> None:
    a, b = c.value(later), c.value(earlier)
    if isinstance(a, dt.date) and isinstance(b, dt.date) and (a < b or (strict and a == b)):
        c.add(later, f"{a.isoformat()} {what} {b.isoformat()} ({earlier})")


def _check_youth_born_before(c: _Checker, day_field: str) -> None:
    youth, day = c.value("youth"), c.value(day_field)
    if isinstance(youth, Youth) and isinstance(day, dt.date) and youth.date_of_birth >= day:
        c.add("youth.date_of_birth", f"must lie before {day.isoformat()} ({day_field})")


def _check_next_contact(c: _Checker) -> None:
    monitoring, first = c.value("monitoring"), c.value("conversation_date")
    if isinstance(monitoring, Monitoring) and isinstance(first, dt.date):
        second = monitoring.next_contact
        if second is not None and second <= first:
            c.add(
                "monitoring.next_contact",
                f"the second conversation ({second.isoformat()}) must come after the first "
                f"({first.isoformat()})",
            )


def _check_common(c: _Checker) -> None:
    c.instance("sender", Sender)
    c.instance("references", References)
    c.instance("youth", Youth)


def _check_letter(c: _Checker) -> None:
    """The parts every letter has: sender, references, youth, date, subject, parents."""
    _check_common(c)
    c.date("letter_date")
    c.text("subject")
    c.items("parents", Parent)


@frozen(kw_only=True)
class MayorsLetter(_Letter, _Model):
    """The mayor's letter (burgemeestersbrief): the young person is in the group approach."""

    kind: ClassVar[str] = "mayors-letter"

    sender: Sender
    """Afzender: gemeente, burgemeester en steller."""
    references: References
    """Kenmerken."""
    letter_date: dt.date
    """Datum van de brief."""
    subject: str = "Overlast jeugd"
    """Onderwerp."""
    youth: Youth
    """De jongere."""
    parents: tuple[Parent, ...] = field(default=(), converter=_as_tuple)
    """Ouders/verzorgers, addressed with the young person."""
    reason: str
    """Aanleiding: ``overlast en openlijke geweldpleging door een jeugdgroep``."""
    partners: tuple[str, ...] = field(converter=_as_tuple)
    """Deelnemende instanties that share data in the case meetings."""
    retention: str
    """Bewaartermijn: how long the data is kept, from the local covenant."""
    conversation_date: dt.date | None = None
    """Datum van het gesprek waarin de brief wordt uitgereikt."""
    privacy_contact: str | None = None
    """Contact voor privacyvragen (functionaris gegevensbescherming)."""
    attachments: tuple[str, ...] = field(default=(), converter=_as_tuple)
    """Bijlagen."""

    def _check(self, c: _Checker) -> None:
        _check_letter(c)
        c.text("reason", limit=2_000)
        c.texts("partners", minimum=1)
        c.text("retention", limit=2_000)
        c.date("conversation_date", required=False)
        c.text("privacy_contact", required=False)
        c.texts("attachments")
        _check_youth_born_before(c, "letter_date")
        _after(c, "conversation_date", "letter_date", strict=False, what="lies before")

    @property
    def partner_list(self) -> str:
        """The partners as Dutch running text: ``de Politie, Halt en Leerplicht``."""
        return format_list(self.partners)


_TEXT_FIELDS_REPORT = (
    "reception_by_parents",
    "reception_by_youth",
    "home",
    "wanted_behaviour",
    "youth_on_group",
    "parents_on_group",
    "help_needed",
    "remarks",
)


@frozen(kw_only=True)
class ConversationReport(_Model):
    """The conversation report (gespreksverslag gezamenlijk preventief gesprek)."""

    kind: ClassVar[str] = "conversation-report"

    sender: Sender
    """Organisatie waarvoor het verslag is opgesteld."""
    references: References
    """Kenmerken (ons kenmerk = zaaknummer)."""
    report_date: dt.date
    """Datum van het verslag."""
    youth: Youth
    """Naam, woonplaats en geboortedatum van de jongere."""
    position: Position
    """Positie van de jongere t.o.v. de groep (Plus/Min/Mee)."""
    position_override_reason: str | None = None
    """Reden om bij een MIN-jongere toch een preventief gesprek te voeren."""
    professionals: tuple[Professional, ...] = field(converter=_as_tuple)
    """Naam en contactgegevens betrokken professionals."""
    parents_present: tuple[Parent, ...] = field(default=(), converter=_as_tuple)
    """Aanwezige ouders/verzorgers."""
    conversation_date: dt.date
    """Datum preventief gesprek."""
    unannounced: bool | None = None
    """Onaangekondigd huisbezoek."""
    agreements: tuple[Agreement, ...] = field(converter=_as_tuple)
    """Gemaakte afspraken."""
    monitoring: Monitoring
    """Monitoring: door wie, hoe, datum (geplande) tweede gesprek."""
    situation: str
    """Situatie bij aanvang gesprek (casusbeschrijving/gedrag jongere)."""
    unwanted_behaviour: str
    """Concrete voorbeelden van ongewenst gedrag."""
    wanted_behaviour: str | None = None
    """Concrete voorbeelden van gewenst gedrag."""
    reception_by_parents: str | None = None
    """Hoe was de ontvangst door de ouder(s)?"""
    reception_by_youth: str | None = None
    """Hoe was de ontvangst door de jongere?"""
    home: str | None = None
    """Hoe ziet het huis eruit?"""
    parents_attitude: str
    """Houding ouders t.o.v. het (on)gewenste gedrag."""
    youth_attitude: str
    """Houding jongere t.o.v. het (on)gewenste gedrag."""
    youth_on_group: str | None = None
    """Wat vindt de jongere van deelname aan de jeugdgroep?"""
    parents_on_group: str | None = None
    """Wat vinden de ouders daarvan?"""
    help_needed: str | None = None
    """Hulp nodig?"""
    future_view: str
    """Toekomstbeeld."""
    analysis: str
    """Korte analyse van het gesprek."""
    remarks: str | None = None
    """Overige opmerkingen."""

    def _check(self, c: _Checker) -> None:
        _check_common(c)
        c.date("report_date")
        c.date("conversation_date")
        position = c.enum("position", Position)
        reason = c.text("position_override_reason", required=False, limit=2_000)
        if position is Position.MIN and reason is None and self.position_override_reason is None:
            c.add(
                "position",
                "a preventive conversation is not meant for a MIN young person (the method calls "
                "for police action); give position_override_reason to record why it happened",
            )
        if position is not None and position is not Position.MIN and reason is not None:
            c.add("position_override_reason", "only applies to position 'min'")
        c.items("professionals", Professional, minimum=1)
        c.items("parents_present", Parent)
        c.flag("unannounced")
        c.items("agreements", Agreement, minimum=1)
        c.instance("monitoring", Monitoring)
        for name in ("situation", "unwanted_behaviour", "parents_attitude", "youth_attitude"):
            c.text(name, limit=LONG_TEXT)
        for name in ("future_view", "analysis"):
            c.text(name, limit=LONG_TEXT)
        for name in _TEXT_FIELDS_REPORT:
            c.text(name, required=False, limit=LONG_TEXT)
        _check_youth_born_before(c, "conversation_date")
        _after(c, "report_date", "conversation_date", strict=False, what="lies before")
        _check_next_contact(c)


@frozen(kw_only=True)
class AgreementConfirmation(_Letter, _Model):
    """The confirmation of the agreements (bevestiging afspraken), sent within three days."""

    kind: ClassVar[str] = "agreement-confirmation"

    sender: Sender
    """Afzender."""
    references: References
    """Kenmerken."""
    letter_date: dt.date
    """Datum van de brief of e-mail."""
    subject: str = "Bevestiging van onze afspraken"
    """Onderwerp."""
    youth: Youth
    """De jongere."""
    parents: tuple[Parent, ...] = field(default=(), converter=_as_tuple)
    """Ouders/verzorgers."""
    conversation_date: dt.date
    """Datum van het gesprek waarin de afspraken zijn gemaakt."""
    agreements: tuple[Agreement, ...] = field(converter=_as_tuple)
    """De afspraken."""
    monitoring: Monitoring
    """Hoe en door wie de afspraken worden gevolgd."""
    channel: Channel
    """Verzonden per post, per e-mail of bij een tweede bezoek."""
    deadline_mode: DeadlineMode = DeadlineMode.ATW
    """Hoe de termijn van drie dagen wordt geteld."""
    delay_reason: str | None = None
    """Reden waarom de bevestiging na de termijn komt."""
    consequences: str
    """Wat er gebeurt als het ongewenste gedrag doorgaat."""
    professionals: tuple[Professional, ...] = field(converter=_as_tuple)
    """Ondertekenaars: de professionals van het gesprek."""

    def _check(self, c: _Checker) -> None:
        _check_letter(c)
        c.date("conversation_date")
        c.items("agreements", Agreement, minimum=1)
        c.instance("monitoring", Monitoring)
        c.enum("channel", Channel)
        mode = c.enum("deadline_mode", DeadlineMode)
        delay = c.text("delay_reason", required=False, limit=2_000)
        c.text("consequences", limit=LONG_TEXT)
        c.items("professionals", Professional, minimum=1)
        _check_youth_born_before(c, "conversation_date")
        _after(c, "letter_date", "conversation_date", strict=False, what="lies before")
        _check_next_contact(c)
        letter, first = c.value("letter_date"), c.value("conversation_date")
        if mode is not None and isinstance(letter, dt.date) and isinstance(first, dt.date):
            due = due_date(first, mode)
            if letter > due and delay is None and self.delay_reason is None:
                c.add(
                    "letter_date",
                    f"{letter.isoformat()} is after the three-day term, which ended on "
                    f"{due.isoformat()} ({mode.value}); record delay_reason to send it anyway",
                )

    @property
    def due_date(self) -> dt.date:
        """Uiterlijke datum: the last day of the three-day term."""
        return due_date(self.conversation_date, self.deadline_mode)

    @property
    def is_late(self) -> bool:
        """The letter is dated after the three-day term."""
        return self.letter_date > self.due_date


@frozen(kw_only=True)
class ClosingLetter(_Letter, _Model):
    """The closing letter (afsluitbrief): positive closure of the group approach."""

    kind: ClassVar[str] = "closing-letter"

    sender: Sender
    """Afzender."""
    references: References
    """Kenmerken."""
    letter_date: dt.date
    """Datum van de brief."""
    subject: str = "Afsluiting groepsaanpak"
    """Onderwerp."""
    youth: Youth
    """De jongere."""
    parents: tuple[Parent, ...] = field(default=(), converter=_as_tuple)
    """Ouders/verzorgers."""
    conversation_date: dt.date
    """Datum van het preventieve gesprek."""
    closure_date: dt.date
    """Datum waarop de jongere uit de groepsaanpak is gegaan (afschaling)."""
    positive_changes: str | None = None
    """Wat er positief is veranderd, in een paar zinnen."""
    professionals: tuple[Professional, ...] = field(default=(), converter=_as_tuple)
    """Professionals die de jongere kan blijven benaderen."""

    def _check(self, c: _Checker) -> None:
        _check_letter(c)
        c.date("conversation_date")
        c.date("closure_date")
        c.text("positive_changes", required=False, limit=LONG_TEXT)
        c.items("professionals", Professional)
        _check_youth_born_before(c, "conversation_date")
        _after(c, "closure_date", "conversation_date", strict=False, what="lies before")
        _after(c, "letter_date", "closure_date", strict=False, what="lies before")


Document = MayorsLetter | ConversationReport | AgreementConfirmation | ClosingLetter
"""Any of the four documents."""

DOCUMENT_KINDS: dict[str, type[Document]] = {
    "mayors-letter": MayorsLetter,
    "conversation-report": ConversationReport,
    "agreement-confirmation": AgreementConfirmation,
    "closing-letter": ClosingLetter,
}
"""The document kinds by their name on the command line and in file names."""


def document_date(document: Document) -> dt.date:
    """The date a document carries (letter date or report date)."""
    if isinstance(document, ConversationReport):
        return document.report_date
    return document.letter_date


# --------------------------------------------------------------------------- advice


@frozen
class Advice:
    """A soft warning for a case system to show (advies): not an error, the document is valid."""

    code: str
    """Stable identifier, e.g. ``many-agreements``."""
    path: str
    """JSON path of the field concerned."""
    message: str
    """Dutch text for the professional."""


def _agreement_advice(agreements: tuple[Agreement, ...]) -> list[Advice]:
    count = len(agreements)
    if count > 5:
        return [
            Advice(
                "many-agreements",
                "$.agreements",
                f"{count} afspraken: de methode koerst op ongeveer drie afspraken.",
            )
        ]
    return []


def advice(document: Document) -> list[Advice]:
    """Soft advice on a valid document, e.g. more than five agreements (the method aims for three)."""
    found: list[Advice] = []
    if isinstance(document, ConversationReport | AgreementConfirmation):
        found += _agreement_advice(document.agreements)
        if document.monitoring.next_contact is None:
            found.append(
                Advice(
                    "no-next-contact",
                    "$.monitoring.next_contact",
                    "Er is geen datum voor het tweede contact gepland.",
                )
            )
    if isinstance(document, ConversationReport):
        roles = {p.role for p in document.professionals}
        if not {Role.YOUTH_WORKER, Role.HALT_EMPLOYEE} <= roles:
            found.append(
                Advice(
                    "not-joint",
                    "$.professionals",
                    "Een gezamenlijk gesprek voeren jongerenwerker en Halt-medewerker samen.",
                )
            )
        if not document.parents_present:
            found.append(
                Advice(
                    "no-parents",
                    "$.parents_present",
                    "Er waren geen ouders/verzorgers bij; afspraken maak je bij voorkeur in "
                    "hun bijzijn.",
                )
            )
        if document.position is Position.MIN:
            found.append(
                Advice(
                    "min-position",
                    "$.position",
                    "MIN-jongere: overweeg politie-inzet in plaats van een preventief gesprek.",
                )
            )
    if isinstance(document, AgreementConfirmation) and document.is_late:
        found.append(
            Advice(
                "late-confirmation",
                "$.letter_date",
                "De bevestiging gaat later uit dan binnen drie dagen na het gesprek.",
            )
        )
    return found
