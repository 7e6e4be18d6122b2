"""Invisible characters (zero-width, direction marks, BOM) and decomposed accents never make
two identifiers that look the same: normalised before validation and storage."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.core.text import clean_identifier
from giaoban.org.models import Unit, UnitKind
from giaoban.tasks import services
from giaoban.tasks.models import Task

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("1\u200b", "1"),
        ("\u200e1", "1"),
        ("1\u200d", "1"),
        ("\ufeff90-TB/TU", "90-TB/TU"),
        ("90\u200b-TB/TU", "90-TB/TU"),
        ("\u202a3a\u202c", "3a"),
        ("2\u00ad1", "21"),
        (unicodedata.normalize("NFD", "Ban Tổ chức"), "Ban Tổ chức"),
        ("  Ban   Dân vận ", "Ban Dân vận"),
    ],
)
def test_clean_identifier(raw, clean):
    assert clean_identifier(raw) == clean
    assert clean_identifier(clean) == clean


def _task(cast, item_number: str, doc_number: str = "95-TB/TU") -> Task:
    return services.create_task(
        committee=cast.committee_a,
        doc_number=doc_number,
        doc_date=date(2026, 3, 2),
        item_number=item_number,
        text="Sơ kết",
        created_by=cast.office_a,
        lead_units=[cast.board_a],
    )


@pytest.mark.parametrize("twin", ["1\u200b", "\u200f1", "1\ufeff", "\u20601"])
def test_an_invisible_character_does_not_make_a_second_item(cast, twin):
    _task(cast, "1")
    with pytest.raises(ValidationError) as exc:
        _task(cast, twin)
    assert "item_number" in exc.value.message_dict
    assert Task.objects.filter(doc_number="95-TB/TU").count() == 1


def test_document_number_with_invisible_characters_is_stored_clean(cast):
    task = _task(cast, "2", doc_number="95\u200b-TB/TU\u200e")
    task.refresh_from_db()
    assert task.doc_number == "95-TB/TU" and task.item_number == "2"
    with pytest.raises(ValidationError):
        _task(cast, "2")


def test_unit_names_and_codes_are_stored_clean(cast):
    unit = Unit(
        kind=UnitKind.BOARD,
        name=unicodedata.normalize("NFD", "Ban Nội chính\u200b Tỉnh ủy Alpha"),
        code="000.00\u200b.01",
        parent=cast.committee_a,
    )
    unit.full_clean()
    unit.save()
    unit.refresh_from_db()
    assert unit.name == "Ban Nội chính Tỉnh ủy Alpha"
    assert unicodedata.is_normalized("NFC", unit.name)
    assert unit.code == "000.00.01"


def test_evidence_number_is_stored_clean(cast):
    claim = services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=date(2026, 3, 10),
        evidence_number="335\u200b-BC/ĐU",
    )
    assert claim.evidence_number == "335-BC/ĐU"
