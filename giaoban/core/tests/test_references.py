from datetime import date

import pytest

from giaoban.core.references import (
    Reference,
    format_reference,
    is_document_number,
    parse_reference,
)


@pytest.mark.parametrize(
    "text",
    [
        "90-TB/TU",
        "335-BC/ĐU",
        "15-KL/TW",
        "45/KH-UBND",
        "123/QĐ-UBND",
        "07/2024/NQ-HĐND",
        "12-CT/TU",
    ],
)
def test_document_numbers_in_both_styles(text):
    assert is_document_number(text)


@pytest.mark.parametrize("text", ["", "abc", "TB/TU", "90", "2024", "90-TB", "ngày 29/6/2026"])
def test_not_document_numbers(text):
    assert not is_document_number(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Báo cáo số 335-BC/ĐU ngày 29/6/2026",
            Reference("Báo cáo", "335-BC/ĐU", date(2026, 6, 29)),
        ),
        (
            "Kế hoạch số 45/KH-UBND ngày 05 tháng 3 năm 2025",
            Reference("Kế hoạch", "45/KH-UBND", date(2025, 3, 5)),
        ),
        ("335-BC/ĐU", Reference("", "335-BC/ĐU", None)),
        ("Tờ trình số 12-TTr/BTC ngày 31/02/2026", Reference("Tờ trình", "12-TTr/BTC", None)),
    ],
)
def test_parse_reference(text, expected):
    assert parse_reference(text) == expected


def test_parse_reference_without_number():
    assert parse_reference("đã hoàn thành") is None


def test_claim_splits_pasted_evidence(cast):
    from django.utils import timezone

    from giaoban.tasks import services

    today = timezone.localdate()
    claim = services.claim_completion(
        assignment=cast.asg_a,
        user=cast.unit_a,
        completed_on=today,
        evidence_number=f"Báo cáo số 335-BC/ĐU ngày {today:%d/%m/%Y}",
    )
    assert (claim.evidence_number, claim.evidence_date) == ("335-BC/ĐU", today)
    assert claim.evidence_label == f"Số 335-BC/ĐU ngày {today:%d/%m/%Y}"


def test_task_document_number_must_look_like_one(cast):
    from django.core.exceptions import ValidationError

    from giaoban.tasks import services
    from giaoban.tasks.models import Task

    before = Task.objects.count()
    with pytest.raises(ValidationError) as err:
        services.create_task(
            committee=cast.committee_a,
            doc_number="thông báo",
            doc_date=cast.task_a.doc_date,
            text="x",
            created_by=cast.office_a,
            lead_units=[cast.board_a],
        )
    assert "doc_number" in err.value.error_dict
    assert Task.objects.count() == before
    task = services.create_task(
        committee=cast.committee_a,
        doc_number="Thông báo số 91-TB/TU",
        doc_date=cast.task_a.doc_date,
        text="x",
        created_by=cast.office_a,
        lead_units=[cast.board_a],
    )
    assert task.doc_number == "91-TB/TU"


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Thông báo số 90-TB/TU ngày 28/11/2023, mục 3",
            Reference("Thông báo", "90-TB/TU", date(2023, 11, 28), "3"),
        ),
        ("Số 90-TB/TU ngày 28/11/2023, mục 3", Reference("", "90-TB/TU", date(2023, 11, 28), "3")),
        ("Kết luận 15-KL/TW, mục 2.1", Reference("", "15-KL/TW", None, "2.1")),
        ("90-TB/TU ngày 28/11/2023", Reference("", "90-TB/TU", date(2023, 11, 28), "")),
    ],
)
def test_parse_reference_with_item(text, expected):
    assert parse_reference(text) == expected


@pytest.mark.parametrize(
    "args,kwargs,expected",
    [
        (("90-TB/TU", date(2023, 11, 28), "3"), {}, "Số 90-TB/TU ngày 28/11/2023, mục 3"),
        (("90-TB/TU", date(2023, 11, 28)), {}, "Số 90-TB/TU ngày 28/11/2023"),
        (("90-TB/TU",), {}, "Số 90-TB/TU"),
        (
            ("90-TB/TU", date(2023, 1, 5), "1"),
            {"numbered": False},
            "90-TB/TU ngày 05/01/2023, mục 1",
        ),
        (("",), {}, ""),
    ],
)
def test_format_reference(args, kwargs, expected):
    assert format_reference(*args, **kwargs) == expected


def test_format_and_parse_round_trip():
    ref = Reference("Thông báo", "90-TB/TU", date(2023, 11, 28), "3")
    assert str(ref) == "Thông báo số 90-TB/TU ngày 28/11/2023, mục 3"
    assert parse_reference(str(ref)) == ref
    assert parse_reference(format_reference(ref.number, ref.date, ref.item)) == Reference(
        "", "90-TB/TU", date(2023, 11, 28), "3"
    )
