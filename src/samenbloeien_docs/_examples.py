"""Complete example documents: fictional people in the fictional municipality of Zonnedal."""

from __future__ import annotations

import datetime as dt
import math
import struct
import zlib
from collections.abc import Callable
from functools import cache
from typing import Literal, overload

from ._deadlines import DeadlineMode
from ._json import kind_class
from ._models import (
    Address,
    Agreement,
    AgreementConfirmation,
    Channel,
    ClosingLetter,
    ConversationReport,
    Document,
    Logo,
    MayorsLetter,
    Monitoring,
    Parent,
    Position,
    Professional,
    References,
    Role,
    Sender,
    Youth,
)


def _png(width: int, height: int, pixel: list[list[tuple[int, int, int]]]) -> bytes:
    raw = b"".join(b"\x00" + b"".join(struct.pack("BBB", *p) for p in row) for row in pixel)

    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


@cache
def example_logo() -> bytes:
    """A small generated PNG emblem (a flower of five petals) for the example sender."""
    size = 96
    green, petal, heart, white = (46, 125, 50), (129, 199, 132), (255, 193, 7), (255, 255, 255)
    rows = []
    centre = size / 2
    for y in range(size):
        row = []
        for x in range(size):
            dx, dy = x - centre + 0.5, y - centre + 0.5
            r = math.hypot(dx, dy)
            angle = math.atan2(dy, dx)
            edge = 30 + 12 * math.cos(5 * angle)
            if r < 11:
                row.append(heart)
            elif r < edge:
                row.append(petal if r > 14 else green)
            elif r < 47:
                row.append(white)
            else:
                row.append(green)
        rows.append(row)
    return _png(size, size, rows)


def _sender() -> Sender:
    return Sender(
        municipality="Zonnedal",
        mayor_name="mr. H.J. Verbeek-Amrani",
        sending_body="Zorg- en Veiligheidshuis Zonnedal",
        postal_address=Address(
            street="Postbus", house_number=4100, postcode="9700 AB", town="Zonnedal"
        ),
        phone="050 123 45 67",
        email="veiligheidshuis@zonnedal.example",
        website="www.zonnedal.example/groepsaanpak",
        logo=Logo(data=example_logo(), width_mm=18),
    )


def _youth() -> Youth:
    return Youth(
        first_name="Noah",
        surname_prefix="de",
        surname="Wit",
        date_of_birth=dt.date(2010, 5, 14),
        address=Address(
            street="Lindenlaan",
            house_number=27,
            house_letter="b",
            house_number_addition="2",
            postcode="9711hw",
            town="Zonnedal",
        ),
        phone="06 12 34 56 78",
        email="noah.dewit@mail.example",
    )


def _parents() -> tuple[Parent, ...]:
    return (
        Parent(
            first_name="Samira",
            surname="El Idrissi",
            relation="moeder",
            phone="06 98 76 54 32",
            email="s.elidrissi@mail.example",
        ),
        Parent(
            first_name="Jeroen",
            surname_prefix="de",
            surname="Wit",
            relation="vader",
            phone="06 11 22 33 44",
            email="jeroen.dewit@mail.example",
        ),
    )


def _professionals() -> tuple[Professional, ...]:
    return (
        Professional(
            first_name="Lotte",
            surname_prefix="van der",
            surname="Meer",
            organisation="Jongerenwerk Zonnedal",
            role=Role.YOUTH_WORKER,
            phone="06 55 66 77 88",
            email="l.vandermeer@jongerenwerk-zonnedal.example",
        ),
        Professional(
            first_name="Daan",
            surname="Bakker",
            organisation="Halt Noord-Nederland",
            role=Role.HALT_EMPLOYEE,
            phone="088 123 45 67",
            email="d.bakker@halt.example",
        ),
    )


def _references() -> References:
    return References(
        our_reference="ZVH-2026-0142",
        your_reference="JGA-ZD-17",
        your_letter_date=dt.date(2026, 11, 12),
    )


_AGREEMENTS = (
    Agreement(text="Ik ben doordeweeks uiterlijk om 22.00 uur thuis."),
    Agreement(text="Ik ga elke dag naar school en meld me ziek bij mijn mentor als dat nodig is."),
    Agreement(text="Ik hang niet meer rond bij het winkelcentrum De Brink & het station."),
)

_MONITORING = Monitoring(
    by="Lotte van der Meer (jongerenwerker) en Daan Bakker (Halt-medewerker)",
    method="Een tweede huisbezoek en tussendoor telefonisch contact met Noah en zijn ouders.",
    next_contact=dt.date(2026, 12, 17),
)

_CONVERSATION = dt.date(2026, 11, 26)


def _mayors_letter() -> MayorsLetter:
    return MayorsLetter(
        sender=_sender(),
        references=_references(),
        letter_date=dt.date(2026, 11, 23),
        subject="Overlast jeugd",
        youth=_youth(),
        parents=_parents(),
        reason="overlast en openlijke geweldpleging door een jeugdgroep rond winkelcentrum De Brink",
        partners=(
            "de Raad voor de Kinderbescherming",
            "de buitengewoon opsporingsambtenaren (boa's) van de gemeente",
            "de politie",
            "het Zorg- en Veiligheidshuis",
            "Halt",
            "het jongerenwerk",
            "het wijkteam",
            "Jeugdbescherming Noord",
            "Leerplicht",
        ),
        retention=(
            "tot twee jaar nadat je uit de groepsaanpak bent gegaan; daarna worden ze vernietigd"
        ),
        conversation_date=_CONVERSATION,
        privacy_contact="de functionaris gegevensbescherming, privacy@zonnedal.example",
        attachments=("Folder 'Jouw gegevens in de groepsaanpak'",),
    )


def _conversation_report() -> ConversationReport:
    return ConversationReport(
        sender=_sender(),
        references=_references(),
        report_date=dt.date(2026, 11, 27),
        youth=_youth(),
        position=Position.MEE,
        professionals=_professionals(),
        parents_present=_parents(),
        conversation_date=_CONVERSATION,
        unannounced=True,
        agreements=_AGREEMENTS,
        monitoring=_MONITORING,
        situation=(
            "Noah (16) is de afgelopen maanden meerdere keren gezien bij een groep die overlast "
            "geeft rond winkelcentrum De Brink.\nBij een vechtpartij op 2 oktober was hij "
            "aanwezig, maar niet als aanstichter."
        ),
        unwanted_behaviour=(
            "Rondhangen bij De Brink na 23.00 uur; schreeuwen en intimideren van winkelend "
            "publiek; spijbelen op vrijdagmiddag."
        ),
        wanted_behaviour="Noah traint twee keer per week bij de voetbalclub en helpt daar bij de jeugd.",
        reception_by_parents="Moeder was verrast maar gastvrij; vader schoof later aan.",
        reception_by_youth="Noah was eerst afwachtend, maar praatte na een kwartier open mee.",
        home="Opgeruimd en rustig; geen opvallende goederen gezien.",
        parents_attitude="Beide ouders keuren het gedrag af en willen duidelijke afspraken.",
        youth_attitude="Bagatelliserend: 'we doen niks, we staan daar gewoon'.",
        youth_on_group="Hij vindt de groep gezellig, maar wil geen gedoe met de politie.",
        parents_on_group="Ze maken zich zorgen over twee oudere jongens in de groep.",
        help_needed="Ondersteuning bij schoolverzuim; contact met de mentor is gelegd.",
        future_view="Noah wil na de havo een opleiding sport en bewegen doen.",
        analysis=(
            "Het gesprek verliep na een stroef begin goed. Er was herkenning bij Noah toen "
            "concrete voorbeelden werden genoemd. Noah wilde vooral afspraken over school; de "
            "ouders wilden een vaste thuiskomtijd."
        ),
        remarks="Volgende keer ook de voetbaltrainer als positieve steun betrekken.",
    )


def _agreement_confirmation() -> AgreementConfirmation:
    return AgreementConfirmation(
        sender=_sender(),
        references=_references(),
        letter_date=dt.date(2026, 11, 27),
        subject="Bevestiging van onze afspraken",
        youth=_youth(),
        parents=_parents(),
        conversation_date=_CONVERSATION,
        agreements=_AGREEMENTS,
        monitoring=_MONITORING,
        channel=Channel.POST,
        deadline_mode=DeadlineMode.ATW,
        delay_reason="Niet van toepassing: de brief gaat binnen de termijn uit.",
        consequences=(
            "Als de overlast doorgaat, bespreken we dat eerst met jou en je ouders. Blijft het "
            "gedrag daarna doorgaan, dan kan de politie worden ingeschakeld en blijf je langer "
            "in de groepsaanpak."
        ),
        professionals=_professionals(),
    )


def _closing_letter() -> ClosingLetter:
    return ClosingLetter(
        sender=_sender(),
        references=_references(),
        letter_date=dt.date(2027, 5, 20),
        subject="Afsluiting groepsaanpak",
        youth=_youth(),
        parents=_parents(),
        conversation_date=_CONVERSATION,
        closure_date=dt.date(2027, 5, 18),
        positive_changes=(
            "Je gaat weer elke dag naar school, je bent niet meer bij De Brink gezien en je "
            "helpt twee middagen per week bij de jeugdtraining van je voetbalclub."
        ),
        professionals=_professionals(),
    )


_BUILDERS: dict[str, Callable[[], Document]] = {
    "mayors-letter": _mayors_letter,
    "conversation-report": _conversation_report,
    "agreement-confirmation": _agreement_confirmation,
    "closing-letter": _closing_letter,
}


@overload
def example(kind: Literal["mayors-letter"]) -> MayorsLetter: ...
@overload
def example(kind: Literal["conversation-report"]) -> ConversationReport: ...
@overload
def example(kind: Literal["agreement-confirmation"]) -> AgreementConfirmation: ...
@overload
def example(kind: Literal["closing-letter"]) -> ClosingLetter: ...
@overload
def example(kind: str) -> Document: ...
def example(kind: str) -> Document:
    """A complete example of a document kind, every optional field filled (fictional data).

    Raises:
        InvalidInputError: for an unknown kind.
    """
    kind_class(kind)  # refuses unknown kinds with the list of known ones
    return _BUILDERS[kind]()
