"""The reminder letter: DOCX from the Word template, numbered, recorded on each timeline."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from docx import Document

from giaoban.core.models import AuditEntry
from giaoban.core.tests.support import TODAY, frozen  # noqa: F401
from giaoban.notifications.models import Kind, Notification, ReminderLetter
from giaoban.tasks import services

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def late(cast):
    task = services.create_task(
        committee=cast.committee_a,
        doc_number="55-TB/TU",
        doc_date=date(2026, 1, 5),
        text="Báo cáo sơ kết công tác dân vận",
        deadline=date(2026, 3, 2),
        created_by=cast.office_a,
        lead_units=[cast.board_a, cast.board_a2],
        created_on=date(2026, 1, 5),
    )
    soon = services.create_task(
        committee=cast.committee_a,
        doc_number="56-TB/TU",
        doc_date=date(2026, 1, 5),
        text="Chuẩn bị hội nghị giao ban",
        deadline=TODAY + timedelta(days=3),
        created_by=cast.office_a,
        lead_units=[cast.board_a],
        created_on=date(2026, 1, 5),
    )
    return task, soon


def post(client, cast, **extra):
    data = {
        "committee": cast.committee_a.pk,
        "unit": cast.board_a.pk,
        "number": "12",
        "signer_title": "K/T CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG",
        "signer_name": "Nguyễn Văn A",
        "reply_by": "25/03/2026",
    }
    data.update(extra)
    return client.post("/notifications/letters/new/", data)


def test_letter_for_one_unit(cast, late, login):
    client = login(cast.office_a)
    assert client.get("/notifications/letters/new/").status_code == 200
    response = post(client, cast)
    assert response.status_code == 302
    letter = ReminderLetter.objects.get()
    assert letter.label == "12-CV/VPTU" and letter.item_count == 2
    response = client.get(f"/notifications/letters/{letter.pk}/file/")
    doc = Document(io.BytesIO(b"".join(response.streaming_content)))
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells
    )
    assert "Số 12-CV/VPTU" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Kính gửi: Ban Tổ chức Tỉnh ủy Alpha" in text
    assert "55-TB/TU ngày 05/01/2026" in text and "02/03/2026" in text and "Quá hạn" in text
    assert "Sắp đến hạn" in text and "Ban Tuyên giáo" not in text
    asg = late[0].assignments.get(unit=cast.board_a)
    entry = AuditEntry.objects.get(action="notifications.letter.sent", object_id=str(asg.pk))
    assert entry.data["number"] == "12-CV/VPTU"
    page = client.get(f"/tasks/assignments/{asg.pk}/").content.decode()
    assert "12-CV/VPTU" in page or "Reminder letter" in page or "đôn đốc" in page
    assert Notification.objects.filter(recipient=cast.unit_a, kind=Kind.LETTER).exists()
    # the same number twice in a year is refused, nothing saved
    response = post(client, cast)
    assert response.status_code == 400 and ReminderLetter.objects.count() == 1


def test_letter_for_every_unit_and_bad_input(cast, late, login):
    client = login(cast.office_a)
    assert post(client, cast, unit="", number="13").status_code == 302
    letter = ReminderLetter.objects.get()
    assert letter.unit is None and letter.item_count == 3
    assert post(client, cast, number="-1").status_code == 400
    assert post(client, cast, number="14", reply_by="01/01/2020").status_code == 400
    assert post(client, cast, number="15", unit=cast.board_b.pk).status_code == 400
    assert ReminderLetter.objects.count() == 1
    for user in (cast.unit_a, cast.leader_a):
        assert login(user).get("/notifications/letters/new/").status_code == 403
    assert login(cast.unit_b).get(f"/notifications/letters/{letter.pk}/file/").status_code == 404


def test_letter_keeps_an_ampersand_and_names_the_unit_in_full(cast, late, login):
    """'Ban TG&DV' was cut at the '&' (unescaped XML): the letter is escaped, and an official
    letter names the unit in full; the date line carries the committee's place."""
    cast.board_a.name = "Ban Tuyên giáo & Dân vận Tỉnh ủy Alpha"
    cast.board_a.short_name = "Ban TG&DV"
    cast.board_a.save(update_fields=["name", "short_name"])
    client = login(cast.office_a)
    assert post(client, cast).status_code == 302
    letter = ReminderLetter.objects.get()
    response = client.get(f"/notifications/letters/{letter.pk}/file/")
    doc = Document(io.BytesIO(b"".join(response.streaming_content)))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "Ban Tuyên giáo & Dân vận Tỉnh ủy Alpha" in cells
    assert any("Alpha, ngày 16 tháng 03 năm 2026" in c for c in cells), cells[:8]


def test_letter_shows_on_the_timeline_with_number_date_and_download(cast, late, login):
    import re

    office = login(cast.office_a)
    assert post(office, cast, number="215").status_code == 302
    letter = ReminderLetter.objects.get()
    asg = late[0].assignments.get(unit=cast.board_a)
    href = f"/notifications/letters/{letter.pk}/file/"
    day = f"{letter.created_on:%d/%m/%Y}"
    for user in (cast.office_a, cast.unit_a):  # the office and the unit it was sent to
        client = login(user)
        page = client.get(f"/tasks/assignments/{asg.pk}/").content.decode()
        timeline = page[page.index('id="timeline"') :]
        timeline = timeline[: timeline.index("</ul>")]
        entry = re.search(r'<li class="kind-letter">.*?</li>', timeline, re.S)
        assert entry, timeline
        text = re.sub(r"<[^>]+>", "", entry.group(0))
        assert "Văn bản đôn đốc số 215-CV/VPTU ngày " + day in " ".join(text.split())
        assert f'href="{href}"' in entry.group(0)
        assert client.get(href).status_code == 200
    english = login(cast.unit_a).get(f"/tasks/assignments/{asg.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert f"Reminder letter No. 215-CV/VPTU dated {day}" in " ".join(
        re.sub(r"<[^>]+>", "", english.content.decode()).split()
    )
    # another unit sees neither the assignment nor the letter
    other = login(cast.unit_b)
    assert other.get(f"/tasks/assignments/{asg.pk}/").status_code == 404
    assert other.get(href).status_code == 404
