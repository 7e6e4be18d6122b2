"""giaoban.extraction: read a briefing text into a record.

Pure Python, imports nothing from Django. One public function:

    >>> record = extract(text, published="2023-11-28")
    >>> record.to_json()

raises `ExtractionError` (and only that) for text it cannot read.
"""

from giaoban.extraction.errors import ExtractionError
from giaoban.extraction.extractor import extract
from giaoban.extraction.record import (
    Chair,
    Directive,
    Document,
    Figure,
    Meeting,
    Period,
    Recommendation,
    Record,
)
from giaoban.extraction.units import KnownUnit, UnitTree

__all__ = [
    "Chair",
    "Directive",
    "Document",
    "ExtractionError",
    "Figure",
    "KnownUnit",
    "Meeting",
    "Period",
    "Recommendation",
    "Record",
    "UnitTree",
    "extract",
]
