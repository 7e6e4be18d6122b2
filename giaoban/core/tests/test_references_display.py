"""Document references and period names are read in the interface's language: "Số 90-TB/TU
ngày 28/11/2023, mục 3" on Vietnamese pages, "No. 90-TB/TU of 28/11/2023, item 3" on English
ones; the written form (audit, documents, the register file) stays Vietnamese whatever the
language of the request that wrote it."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.utils import translation

from giaoban.core.models import AuditEntry
from giaoban.core.references import display_notice, display_period, display_reference
from giaoban.meetings.models import Meeting
from giaoban.meetings.models_notice import Notice
from giaoban.periods import Period
from giaoban.tasks import services

DAY = date(2023, 11, 28)


@pytest.mark.parametrize(
    "lang,full,bare,notice,period",
    [
        (
            "vi",
            "Số 90-TB/TU ngày 28/11/2023, mục 3",
            "90-TB/TU ngày 28/11/2023",
            "Thông báo số 90-TB/TU ngày 28/11/2023",
            "Quý I/2026",
        ),
        (
            "en",
            "No. 90-TB/TU of 28/11/2023, item 3",
            "90-TB/TU of 28/11/2023",
            "Notice No. 90-TB/TU of 28/11/2023",
            "Q1 2026",
        ),
    ],
)
def test_the_display_forms(lang, full, bare, notice, period):
    with translation.override(lang):
        assert display_reference("90-TB/TU", DAY, "3") == full
        assert display_reference("90-TB/TU", DAY, numbered=False) == bare
        assert display_reference("") == ""
        assert display_notice("90-TB/TU", DAY) == notice
        assert display_period(Period.of_quarter(2026, 1)) == period
        meeting = Meeting(period_type="quarter", period_year=2026, period_number=1)
        assert meeting.period_display == period
        assert meeting.period_label == "Quý I/2026"  # the written form, for forms and documents
        assert Notice(number="90-TB/TU", doc_date=DAY).reference_display == notice


def _client(user, lang: str) -> Client:
    client = Client(headers={"accept-language": lang})
    client.force_login(user)
    return client


def test_pages_show_references_in_the_language(cast):
    d = f"{cast.task_a.doc_date:%d/%m/%Y}"
    with translation.override("en"):  # an English user's request writes the claim
        services.claim_completion(
            assignment=cast.asg_a,
            user=cast.unit_a,
            completed_on=cast.task_a.doc_date,
            evidence_number="335-BC/ĐU",
            evidence_date=cast.task_a.doc_date,
        )
    # the audit keeps the written (Vietnamese) form, whatever the language of the request
    entry = AuditEntry.objects.filter(action="tasks.assignment.claimed").get()
    assert f"Số 335-BC/ĐU ngày {d}" in str(entry.data)
    asg_url = f"/tasks/assignments/{cast.asg_a.pk}/"
    expected = {
        "vi": [f"Số 335-BC/ĐU ngày {d}", f"90-TB/TU ngày {d}, mục 1"],
        "en": [f"No. 335-BC/ĐU of {d}", f"90-TB/TU of {d}, item 1"],
    }
    for lang, texts in expected.items():
        for user in (cast.office_a, cast.unit_a):
            html = _client(user, lang).get(asg_url).content.decode()
            for text in texts:
                assert text in html, (lang, user.username, text)
        register = _client(cast.office_a, lang).get("/tasks/register/").content.decode()
        assert texts[1] in register, lang
        title = "Số và ngày văn bản" if lang == "vi" else "Document number and date"
        assert f"<th>{title}</th>" in register
    en = _client(cast.office_a, "en").get(asg_url).content.decode()
    assert f"ngày {d}" not in en and "mục 1" not in en
