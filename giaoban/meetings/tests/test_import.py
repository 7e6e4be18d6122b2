"""Import from text: read, propose (nothing saved), review, save in one transaction."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from giaoban.meetings import importing
from giaoban.meetings.models import FileKind, Meeting, MeetingFile, Notice, NoticeItem
from giaoban.org.models import Unit, UnitKind

pytestmark = pytest.mark.usefixtures("frozen")
SEED_001 = (Path(__file__).parent / "data" / "seed_001.txt").read_text(encoding="utf-8")


def test_seed_001_is_proposed_with_six_rows_matched_to_the_tree(cast):
    proposal = importing.propose(committee=cast.committee_a, text=SEED_001)
    assert Meeting.objects.count() == 0 and Notice.objects.count() == 0  # nothing saved
    assert proposal.meeting["day"] == date(2024, 6, 20)
    assert proposal.meeting["period"].label == "Quý II/2024"
    assert proposal.meeting["chairs"] == [("Hồ Thanh Sơn", "Phó Bí thư Thường trực Tỉnh ủy")]
    assert len(proposal.rows) == 6
    # "các cấp ủy" -> the committees below (here the commune committee), never silently dropped
    assert all(r.lead == [cast.commune_a] and not r.unknown for r in proposal.rows)
    assert proposal.rows[2].deadline == date(2024, 12, 31)


def test_unit_names_match_names_short_names_groups_and_flag_unknown_ones(cast):
    Unit.objects.create(kind=UnitKind.NEWSPAPER, name="Báo Alpha", parent=cast.committee_a)
    Unit.objects.create(
        kind=UnitKind.RADIO_TV, name="Đài Phát thanh và Truyền hình Alpha", parent=cast.committee_a
    )
    matcher = importing.UnitMatcher(cast.committee_a)
    assert matcher.match("Ban Tổ chức Tỉnh ủy").units == [cast.board_a]
    assert matcher.match("Ban Tuyên giáo A").units == [cast.board_a2]
    assert matcher.match("các đơn vị").all_units
    assert {u.name for u in matcher.match("các cơ quan báo chí của tỉnh").units} == {
        "Báo Alpha",
        "Đài Phát thanh và Truyền hình Alpha",
    }
    unknown = matcher.match("Ban Nội chính Tỉnh ủy")
    assert unknown.unknown and len(unknown.suggestions) == 3
    assert cast.closed_a not in matcher.units  # a closed unit is never proposed


def test_bad_input_is_refused_with_a_clear_message(cast):
    with pytest.raises(ValidationError, match="Paste"):
        importing.read_text(text="   \n ")
    with pytest.raises(ValidationError, match="binary"):
        importing.read_text(upload=SimpleUploadedFile("a.txt", b"\x00\x01\x02abc"))
    with pytest.raises(ValidationError, match="larger than 2 MB"):
        importing.read_text(
            upload=SimpleUploadedFile("a.txt", b"a" * (importing.MAX_IMPORT_BYTES + 1))
        )
    with pytest.raises(ValidationError, match=r"\.pdf"):
        importing.read_text(upload=SimpleUploadedFile("a.pdf", b"%PDF"))
    with pytest.raises(ValidationError, match="empty"):
        importing.read_text(upload=SimpleUploadedFile("a.html", b"<html><script>x</script></html>"))
    with pytest.raises(ValidationError, match="No directive"):
        importing.propose(
            committee=cast.committee_a, text="Sáng nay trời nắng đẹp. Giá lúa tăng nhẹ."
        )


def test_docx_and_html_uploads_are_read_as_text(cast):
    from docx import Document

    doc = Document()
    for line in SEED_001.splitlines():
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    text, name = importing.read_text(upload=SimpleUploadedFile("tin.docx", buf.getvalue()))
    assert name == "tin.docx" and "Hồ Thanh Sơn" in text
    html = "<html><body><p>Ngày 20/6/2024</p><script>alert(1)</script><p>quý II</p></body></html>"
    text, _ = importing.read_text(upload=SimpleUploadedFile("tin.html", html.encode()))
    assert text == "Ngày 20/6/2024\n\nquý II" or text.split() == ["Ngày", "20/6/2024", "quý", "II"]


def _save(cast, rows):
    proposal = importing.propose(committee=cast.committee_a, text=SEED_001)
    return importing.save_import(
        committee=cast.committee_a,
        user=cast.office_a,
        text=SEED_001,
        source_name="seed.txt",
        meeting={**proposal.meeting},
        notice={**proposal.notice},
        rows=rows,
    )


def test_save_writes_meeting_notice_items_and_the_original_text(cast):
    proposal = importing.propose(committee=cast.committee_a, text=SEED_001)
    rows = [
        importing.ReviewedRow(text=r.text, deadline=r.deadline, lead_units=tuple(r.lead))
        for r in proposal.rows
    ]
    rows[0] = importing.ReviewedRow(
        text=rows[0].text, lead_units=(cast.board_a,), coordinating_units=(cast.board_a2,)
    )
    meeting, notice = _save(cast, rows)
    assert (
        meeting.period_label == "Quý II/2024" and meeting.participants.get().name == "Hồ Thanh Sơn"
    )
    items = list(NoticeItem.objects.filter(notice=notice).order_by("number"))
    assert [i.number for i in items] == [1, 2, 3, 4, 5, 6]
    first = items[0].tasks.get()
    assert list(first.lead_units.all()) == [cast.board_a] and list(
        first.coordinating_units.all()
    ) == [cast.board_a2]
    original = MeetingFile.objects.get(meeting=meeting, kind=FileKind.ORIGINAL_TEXT)
    assert original.file.read().decode(
        "utf-8"
    ) == SEED_001 and original.sha256 == importing.text_hash(SEED_001)
    # the same text again is noticed
    assert importing.propose(committee=cast.committee_a, text=SEED_001).duplicates == [original]


def test_a_failing_save_leaves_nothing_behind(cast):
    rows = [
        importing.ReviewedRow(text="Nhiệm vụ", lead_units=(cast.board_b,))
    ]  # another committee's unit
    with pytest.raises(ValidationError):
        _save(cast, rows)
    assert (
        Meeting.objects.count() == 0
        and Notice.objects.count() == 0
        and MeetingFile.objects.count() == 0
    )


def test_command_dry_run_prints_and_saves_nothing_then_saves(cast, tmp_path):
    from django.core.management import CommandError, call_command

    cast.committee_a.code = "ALPHA"
    cast.committee_a.save()
    path = tmp_path / "tin.txt"
    path.write_text(SEED_001, encoding="utf-8")
    out = io.StringIO()
    call_command("import", str(path), "--committee", "ALPHA", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "Hồ Thanh Sơn" in text and "6 directives, nothing saved" in text and "31/12/2024" in text
    assert Meeting.objects.count() == 0
    out = io.StringIO()
    call_command("import", str(path), "--committee", "ALPHA", stdout=out)
    assert "with 6 items saved" in out.getvalue()
    assert Notice.objects.get().items.count() == 6
    with pytest.raises(CommandError, match="imported before"):
        call_command("import", str(path), "--committee", "ALPHA", stdout=io.StringIO())
    with pytest.raises(CommandError, match="no committee"):
        call_command("import", str(path), "--committee", "NONE", stdout=io.StringIO())


def test_a_text_dated_before_the_units_existed_is_matched_against_todays_units_and_said(cast):
    """Seed 001 (June 2024) on a tree founded by the 2025 reform: the rows still get proposals
    and suggestions from today's units, and the review says why the date will not do."""
    assert importing.propose(committee=cast.committee_a, text=SEED_001).date_warning == ""
    Unit.objects.filter(parent=cast.committee_a, valid_to__isnull=True).update(
        valid_from=date(2025, 7, 1)
    )
    Unit.objects.filter(pk=cast.closed_a.pk).update(valid_from=date(2025, 1, 1))
    proposal = importing.propose(committee=cast.committee_a, text=SEED_001)
    assert "20/06/2024" in proposal.date_warning and "01/07/2025" in proposal.date_warning
    assert any(row.lead or row.all_units or row.unknown for row in proposal.rows)
    assert all(m.suggestions for row in proposal.rows for m in row.unknown)
