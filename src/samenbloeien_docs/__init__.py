"""samenbloeien-docs: the documents around a preventive conversation in a youth-group approach.

Four documents, each a typed model filled into a Word template:

* :class:`MayorsLetter` (burgemeestersbrief),
* :class:`ConversationReport` (gespreksverslag),
* :class:`AgreementConfirmation` (bevestiging afspraken, binnen drie dagen),
* :class:`ClosingLetter` (afsluitbrief).

>>> from samenbloeien_docs import example, render
>>> render(example("mayors-letter")).filename
'mayors-letter_ZVH-2026-0142.docx'
"""

from ._check import TemplateProblem, TemplateReport, check_template
from ._deadlines import CONFIRMATION_DAYS, DeadlineMode, due_date, is_working_day
from ._errors import (
    ConversionError,
    InvalidInputError,
    OutputExistsError,
    Problem,
    RenderError,
    SamenbloeienError,
    TemplateError,
)
from ._examples import example
from ._formatting import (
    age_on,
    capitalize_first,
    format_date,
    format_datetime,
    format_list,
    format_time,
)
from ._jinja import FILTERS
from ._json import json_schema, structure, unstructure
from ._models import (
    DOCUMENT_KINDS,
    Address,
    Advice,
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
    advice,
)
from ._pdf import Converter, to_pdf
from ._render import RenderedDocument, Template, load_template, render

__version__ = "0.1.0"

__all__ = [
    "CONFIRMATION_DAYS",
    "DOCUMENT_KINDS",
    "FILTERS",
    "Address",
    "Advice",
    "Agreement",
    "AgreementConfirmation",
    "Channel",
    "ClosingLetter",
    "ConversationReport",
    "ConversionError",
    "Converter",
    "DeadlineMode",
    "Document",
    "InvalidInputError",
    "Logo",
    "MayorsLetter",
    "Monitoring",
    "OutputExistsError",
    "Parent",
    "Position",
    "Problem",
    "Professional",
    "References",
    "RenderError",
    "RenderedDocument",
    "Role",
    "SamenbloeienError",
    "Sender",
    "Template",
    "TemplateError",
    "TemplateProblem",
    "TemplateReport",
    "Youth",
    "__version__",
    "advice",
    "age_on",
    "capitalize_first",
    "check_template",
    "due_date",
    "example",
    "format_date",
    "format_datetime",
    "format_list",
    "format_time",
    "is_working_day",
    "json_schema",
    "load_template",
    "render",
    "structure",
    "to_pdf",
    "unstructure",
]
