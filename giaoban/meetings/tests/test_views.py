"""The pages: happy paths, bad input (400, nothing saved, no 500), scope (404), query counts."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document

from giaoban.meetings.models import Meeting, Notice
from giaoban.meetings.tests.conftest import make_briefing
from giaoban.meetings.tests.test_import import SEED_001

pytestmark = pytest.mark.usefixtures("frozen")


def test_import_review_saves_nothing_then_save_creates_the_draft(cast, login):
    client = login(cast.office_a)
    response = client.post(
        "/meetings/import/", {"committee": cast.committee_a.pk, "stage": "read", "text": SEED_001}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert len(re.findall(r'name="r-\d+-text"', html)) == 6 and 'value="20/06/2024"' in html
    assert Meeting.objects.count() == 0 and Notice.objects.count() == 0
    data = {k: v for k, v in _form_values(html).items()}
    data["r-0-lead_units"] = [str(cast.board_a.pk)]
    response = client.post("/meetings/import/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    notice = Notice.objects.get()
    assert notice.items.count() == 6
    assert list(notice.items.get(number=1).tasks.get().lead_units.all()) == [cast.board_a]
    assert list(notice.items.get(number=2).tasks.get().lead_units.all()) == [cast.commune_a]
    # the same text again: the review warns, and Save asks for a confirmation
    html = client.post(
        "/meetings/import/", {"committee": cast.committee_a.pk, "stage": "read", "text": SEED_001}
    ).content.decode()
    assert 'id="duplicate-warning"' in html
    response = client.post("/meetings/import/", _form_values(html))
    assert response.status_code == 400 and Notice.objects.count() == 1


def _form_values(html: str) -> dict:
    """The values a browser would send from the review form (inputs, textareas, selects)."""
    data: dict = {}
    html = re.sub(r"<template.*?</template>", "", html, flags=re.S)
    for m in re.finditer(
        r'<input type="(hidden|text|number|checkbox)" name="([^"]+)"([^>]*)>', html
    ):
        kind, name, rest = m.groups()
        value = re.search(r'value="([^"]*)"', rest)
        if kind == "checkbox":
            if "checked" in rest:
                data[name] = "on"
            continue
        data[name] = _unescape(value.group(1)) if value else ""
    for m in re.finditer(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        data[m.group(1)] = _unescape(m.group(2).lstrip("\n"))
    for m in re.finditer(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.findall(r'<option value="([^"]*)"[^>]*selected', m.group(2))
        data[m.group(1)] = chosen
    data.pop("csrfmiddlewaretoken", None)
    return data


def _unescape(s: str) -> str:
    import html as h

    return h.unescape(s)


@pytest.mark.parametrize(
    "post,message",
    [
        ({"stage": "read", "text": "   "}, "Paste the text"),
        ({"stage": "read", "text": "Sáng nay trời nắng. Giá lúa tăng nhẹ."}, "No directive"),
        ({"stage": "read", "upload": SimpleUploadedFile("x.txt", b"\x00\x01binary")}, "binary"),
    ],
)
def test_bad_import_input_is_a_400_with_a_message(cast, login, post, message):
    client = login(cast.office_a)
    from django.utils import translation

    response = client.post(
        "/meetings/import/", {"committee": cast.committee_a.pk, **post}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    with translation.override("en"):
        assert message in response.content.decode()
    assert Meeting.objects.count() == 0


def test_meeting_page_shows_people_review_and_notice(cast, login):
    meeting, notice = make_briefing(cast)
    client = login(cast.office_a)
    html = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Hồ Thanh Sơn, Phó Bí thư Thường trực Tỉnh ủy" in html
    assert "Điểm cầu Đảng ủy xã Tân An" in html and "12-TB/TU" in html
    # unit staff of Ban Tuyên giáo A take no part in the meeting: 404; its notice gives them a task
    other = login(cast.unit_a2)
    assert other.get(f"/meetings/{meeting.pk}/").status_code == 404
    assert other.get(f"/meetings/notices/{notice.pk}/").status_code == 200
    assert login(cast.unit_b).get(f"/meetings/notices/{notice.pk}/").status_code == 404


def test_notice_docx_download_has_number_items_and_signature(cast, login):
    _, notice = make_briefing(cast)
    response = login(cast.unit_a).get(f"/meetings/notices/{notice.pk}/docx/")
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.docx"')
    doc = Document(io.BytesIO(response.content))
    assert "Số 12-TB/TU" in [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs]
    body = [p.text for p in doc.paragraphs]
    assert (
        "I. NHIỆM VỤ TRỌNG TÂM" in body
        and "1. Rà soát quy hoạch cán bộ." in body
        and "3. Ghi nhận kết quả quý IV." in body
    )
    assert "Alpha, ngày 25 tháng 01 năm 2026" in [
        p.text for p in doc.tables[0].rows[0].cells[1].paragraphs
    ]
    assert "THÔNG BÁO" in body and "DỰ THẢO THÔNG BÁO" not in body


def test_a_notice_not_yet_issued_downloads_marked_as_a_draft(cast, login):
    _, notice = make_briefing(cast, issue=False)
    response = login(cast.office_a).get(f"/meetings/notices/{notice.pk}/docx/")
    body = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert "DỰ THẢO THÔNG BÁO" in body and "THÔNG BÁO" not in body


def test_broken_uploaded_template_gives_a_message_not_a_500(cast, login):
    from giaoban.documents.models import DocumentTemplate

    _, notice = make_briefing(cast)
    DocumentTemplate.objects.create(kind="notice", name="hong.docx", content=b"PK broken")
    response = login(cast.office_a).get(f"/meetings/notices/{notice.pk}/docx/", follow=True)
    assert response.status_code == 200
    assert "không phải là tài liệu Word" in response.content.decode()


def test_minutes_docx(cast, login):
    from giaoban.meetings import services

    meeting, _ = make_briefing(cast)
    minutes = services.save_minutes(
        meeting=meeting,
        user=cast.office_a,
        text="Đồng chí Chánh Văn phòng báo cáo.\nHội nghị thảo luận.",
        secretary_name="Nguyễn Văn A",
    )
    response = login(cast.office_a).get(f"/meetings/{meeting.pk}/minutes/{minutes.pk}/docx/")
    texts = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert "BIÊN BẢN" in texts and "Hội nghị thảo luận." in texts
    assert "- Đồng chí Hồ Thanh Sơn, Phó Bí thư Thường trực Tỉnh ủy" in texts


def _count(client, url: str) -> int:
    from django.core.cache import cache

    cache.clear()  # the same path each time: the review counted from scratch (review_live.py)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_list_and_page_queries_do_not_grow_with_rows(cast, login):
    client = login(cast.office_a)
    meeting, notice = make_briefing(cast)
    urls = [
        "/meetings/",
        "/meetings/notices/",
        f"/meetings/{meeting.pk}/",
        f"/meetings/notices/{notice.pk}/",
        f"/meetings/{meeting.pk}/present/",
    ]
    for u in urls:  # the review's stored state and frame exist from the first read on
        _count(client, u)
    make_briefing(cast, number="39-TB/TU")  # a change in the units: the state is brought up to date
    before = {u: _count(client, u) for u in urls}
    for n in range(3):
        make_briefing(cast, number=f"{40 + n}-TB/TU")
    after = {u: _count(client, u) for u in urls}
    assert after == before, (before, after)


def test_without_libreoffice_the_pdf_link_says_why(cast, login, monkeypatch):
    monkeypatch.setattr("giaoban.documents.render.shutil.which", lambda name: None)
    monkeypatch.delenv("GIAOBAN_SOFFICE", raising=False)
    _, notice = make_briefing(cast)
    client = login(cast.office_a)
    html = client.get(f"/meetings/notices/{notice.pk}/").content.decode()
    assert "libreoffice-writer-nogui" in html and 'id="pdf-link"' not in html
    response = client.get(f"/meetings/notices/{notice.pk}/pdf/", follow=True)
    assert response.status_code == 200 and "LibreOffice" in response.content.decode()


def test_closed_units_are_not_offered_on_the_review_screen(cast, login):
    html = (
        login(cast.office_a)
        .post(
            "/meetings/import/",
            {"committee": cast.committee_a.pk, "stage": "read", "text": SEED_001},
        )
        .content.decode()
    )
    assert "Ban Tổ chức Tỉnh ủy Alpha" in html and "Ban Cũ Tỉnh ủy Alpha" not in html


def test_the_edit_page_of_an_issued_notice_says_it_is_locked_instead_of_a_form(cast, login):
    _, notice = make_briefing(cast)
    client = login(cast.office_a)
    response = client.get(f"/meetings/notices/{notice.pk}/edit/")
    assert response.status_code == 302 and response["Location"] == f"/meetings/notices/{notice.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "thông báo bổ sung" in page.lower()


def test_a_participants_position_is_labelled_as_such(cast, login):
    page = login(cast.office_a).get("/meetings/new/").content.decode()
    assert "Chức vụ" in page


def test_a_new_notice_opens_with_the_meeting_s_paragraph(cast, login):
    """The new notice form starts with the opening paragraph written from the meeting (its
    date, title and chair), as the place, the header and the signer already are."""
    meeting, _ = make_briefing(cast)
    response = login(cast.office_a).get("/meetings/notices/new/", {"meeting": meeting.pk})
    opening = response.context["form"].initial["opening"]
    assert opening.startswith(
        "Ngày 20/01/2026, Thường trực Tỉnh ủy tổ chức Hội nghị giao ban quý IV/2025 do đồng chí"
        " Hồ Thanh Sơn, Phó Bí thư Thường trực Tỉnh ủy chủ trì."
    )
    assert opening.endswith("kết luận như sau:")


def test_notice_items_end_as_sentences_and_a_draft_file_says_draft(cast, login):
    _, notice = make_briefing(cast, issue=False)
    response = login(cast.office_a).get(f"/meetings/notices/{notice.pk}/docx/")
    name = f"du-thao-thong-bao-{notice.pk}.docx"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    body = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert "1. Rà soát quy hoạch cán bộ." in body and "2. Tăng cường kiểm tra, giám sát." in body
    issued = make_briefing(cast, number="13-TB/TU")[1]
    response = login(cast.office_a).get(f"/meetings/notices/{issued.pk}/docx/")
    assert response["Content-Disposition"] == 'attachment; filename="thong-bao-13-TB-TU.docx"'


def test_signing_minutes_asks_first(cast, login):
    from giaoban.meetings import services

    meeting, _ = make_briefing(cast)
    services.save_minutes(meeting=meeting, user=cast.office_a, text="Nội dung biên bản")
    html = login(cast.office_a).get(f"/meetings/{meeting.pk}/").content.decode()
    form = re.search(r"<form[^>]*minutes/\d+/sign/[^>]*>", html).group(0)
    assert 'data-confirm="Ký và khóa biên bản này?' in form
