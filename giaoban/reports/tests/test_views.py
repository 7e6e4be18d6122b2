"""The reporting pages: the unit's draft, autosave and submission; the office's review;
versions with their difference; exports. Scope: another unit's report is 404."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from giaoban.core.tests.support import audit_for
from giaoban.reports import services
from giaoban.reports.models import (
    IndicatorValue,
    ReportState,
    ReportVersion,
    SynthesisReport,
    UnitReport,
)

FILLED = {
    "section_results": "Tham mưu 4 đề án về công tác tuyên giáo",
    "section_shortcomings": "Một số văn bản chất lượng chưa cao",
    "section_difficulties": "Thiếu kinh phí",
    "next_task": ["Sơ kết 6 tháng", ""],
    "rec_text": ["Bổ sung kinh phí mua sắm trang thiết bị", ""],
    "rec_addressed_to": ["Thường trực Tỉnh ủy", ""],
    "rec_id": ["", ""],
    "indicator_DV01": "12",
}


def test_unit_starts_saves_and_submits(login, cast, period):
    client = login(cast.unit_a)
    assert period.label in client.get("/reports/").content.decode()
    response = client.post(f"/reports/periods/{period.pk}/start/")
    report = UnitReport.objects.get(unit=cast.board_a)
    assert response.status_code == 302 and response["Location"] == f"/reports/r/{report.pk}/"
    page = client.get(f"/reports/r/{report.pk}/")
    assert page.status_code == 200 and 'name="section_results"' in page.content.decode()
    # autosave over HTMX answers a small status
    saved = client.post(f"/reports/r/{report.pk}/save/", FILLED, HTTP_HX_REQUEST="true")
    assert saved.status_code == 200 and 'data-testid="saved"' in saved.content.decode()
    report.refresh_from_db()
    assert report.content["sections"]["results"] == FILLED["section_results"]
    assert report.content["next_tasks"] == ["Sơ kết 6 tháng"]
    upload = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 signed", content_type="application/pdf")
    sent = client.post(
        f"/reports/r/{report.pk}/submit/",
        {**FILLED, "doc_number": "335-BC/ĐU", "doc_date": "16/03/2026", "document": upload},
    )
    assert sent.status_code == 302
    report.refresh_from_db()
    assert (
        report.state == ReportState.SUBMITTED
        and report.doc_label == "Báo cáo số 335-BC/ĐU ngày 16/03/2026"
    )
    version = ReportVersion.objects.get(report=report)
    assert version.document.read() == b"%PDF-1.4 signed"
    file_response = client.get(f"/reports/r/{report.pk}/versions/1/file/")
    assert (
        file_response.status_code == 200
        and b"".join(file_response.streaming_content) == b"%PDF-1.4 signed"
    )


def test_bad_value_on_autosave_keeps_the_valid_fields(login, cast, report):
    """Finding 22 of the office's walk: one wrong indicator refused the whole autosave (400),
    so the text typed meanwhile was not saved. Every valid field is saved; the wrong one is
    named and kept as typed (flagged), never counted."""
    client = login(cast.unit_a)
    client.post(f"/reports/r/{report.pk}/save/", FILLED, HTTP_HX_REQUEST="true")
    bad = client.post(
        f"/reports/r/{report.pk}/save/",
        {**FILLED, "section_results": "Văn bản mới", "indicator_DV01": "abc"},
        HTTP_HX_REQUEST="true",
    )
    body = bad.content.decode()
    assert bad.status_code == 200 and 'data-testid="partly-saved"' in body
    assert "DV01: &#x27;abc&#x27; không phải là số." in body and "indicator_DV01" in body
    report.refresh_from_db()
    assert report.content["sections"]["results"] == "Văn bản mới", "the valid text is saved"
    assert report.content["indicators"]["DV01"] == "abc", "the wrong figure is kept as typed"
    assert not IndicatorValue.objects.filter(report=report).exists(), "and never counted"
    page = client.post(
        f"/reports/r/{report.pk}/save/",
        {**FILLED, "section_results": "Văn bản mới hơn", "indicator_DV01": "abc"},
    )
    body = page.content.decode()
    assert page.status_code == 400 and "Văn bản mới hơn" in body, "what the unit typed is shown"
    assert 'id="indicator_DV01" value="abc" aria-describedby' in body and "is-invalid" in body
    report.refresh_from_db()
    assert report.content["sections"]["results"] == "Văn bản mới hơn"
    # the page opened again flags the wrong figure the draft holds
    again = client.get(f"/reports/r/{report.pk}/").content.decode()
    assert "không phải là số" in again and 'aria-invalid="true"' in again


def test_submit_without_number_keeps_draft(login, cast, report):
    client = login(cast.unit_a)
    response = client.post(
        f"/reports/r/{report.pk}/submit/", {**FILLED, "doc_number": "", "doc_date": ""}
    )
    assert response.status_code == 400
    report.refresh_from_db()
    assert (
        report.state == ReportState.DRAFT
        and report.content["sections"]["results"] == FILLED["section_results"]
    )


def test_attachment_too_big(login, cast, report, settings):
    settings.GIAOBAN_MAX_ATTACHMENT_BYTES = 1024
    client = login(cast.unit_a)
    big = SimpleUploadedFile("bao-cao.pdf", b"x" * 2048, content_type="application/pdf")
    response = client.post(
        f"/reports/r/{report.pk}/submit/",
        {**FILLED, "doc_number": "1-BC", "doc_date": "16/03/2026", "document": big},
    )
    assert response.status_code == 400 and "MB" in response.content.decode()
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT and not ReportVersion.objects.exists()


def test_a_100_mb_attachment_gets_the_apps_message_and_loses_nothing(login, cast, report):
    """A real 100 MB body: refused whole before it is read (413, the app's page in Vietnamese),
    the draft saved before untouched, nothing sent; the page itself tells the limit beforehand."""
    client = login(cast.unit_a)
    assert client.post(f"/reports/r/{report.pk}/save/", FILLED).status_code == 302
    saved = UnitReport.objects.get(pk=report.pk).content
    big = SimpleUploadedFile("bao-cao.pdf", b"\0" * (100 * 1024 * 1024), "application/pdf")
    response = client.post(
        f"/reports/r/{report.pk}/submit/",
        {**FILLED, "section_results": "Sửa", "doc_number": "1-BC/BTCTU", "document": big},
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    del big
    text = response.content.decode()
    assert response.status_code == 413 and "Dữ liệu gửi lên quá lớn: tối đa 21 MB" in text
    again = UnitReport.objects.get(pk=report.pk)
    assert again.state == ReportState.DRAFT and again.content == saved
    assert not ReportVersion.objects.exists()
    page = client.get(f"/reports/r/{report.pk}/").content.decode()
    assert f'data-max-bytes="{20 * 1024 * 1024}"' in page  # refused on the page (report_form.js)
    assert 'hx-params="not document"' in page  # the autosave never carries the file


def _submitted(cast, report, text="Bản 1"):
    from giaoban.reports.content import RawContent

    services.save_draft(
        report=report,
        user=cast.unit_a,
        raw=RawContent({"results": text}, [], [], {"DV01": "12"}, {}),
    )
    services.submit_report(
        report=report, user=cast.unit_a, doc_number="1-BC/ĐU", doc_date=date(2026, 3, 16)
    )


def test_office_returns_then_accepts_and_sees_diff(login, cast, report):
    _submitted(cast, report, "Dòng chung\nBản 1")
    office = login(cast.office_a)
    page = office.get(f"/reports/r/{report.pk}/").content.decode()
    assert 'id="accept-report"' in page and 'name="section_results"' not in page
    assert office.post(f"/reports/r/{report.pk}/return/", {"reason": ""}).status_code == 400
    assert (
        office.post(f"/reports/r/{report.pk}/return/", {"reason": "Thiếu số liệu"}).status_code
        == 302
    )
    report.refresh_from_db()
    assert report.state == ReportState.RETURNED
    _submitted(cast, report, "Dòng chung\nBản 2")
    diff = office.get(f"/reports/r/{report.pk}/versions/2/").content.decode()
    assert "- Bản 1" in diff and "+ Bản 2" in diff and "diff-add" in diff
    assert office.post(f"/reports/r/{report.pk}/accept/").status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED
    assert audit_for(report)[-1].action == "reports.report.accepted"


def test_scope(login, cast, report):
    assert login(cast.unit_b).get(f"/reports/r/{report.pk}/").status_code == 404
    assert login(cast.unit_a2).get(f"/reports/r/{report.pk}/").status_code == 404
    assert login(cast.unit_a2).post(f"/reports/r/{report.pk}/save/", FILLED).status_code == 404
    assert login(cast.leader_a).post(f"/reports/r/{report.pk}/save/", FILLED).status_code == 403
    # a GET on an act's URL goes back to the report (core.views.act), not a bare 405
    got = login(cast.unit_a).get(f"/reports/r/{report.pk}/save/")
    assert (got.status_code, got["Location"]) == (302, f"/reports/r/{report.pk}/")


def test_completeness_xlsx_opens(login, cast, report):
    from openpyxl import load_workbook

    _submitted(cast, report)
    response = login(cast.office_a).get(f"/reports/periods/{report.period.pk}/completeness.xlsx")
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = {r[1]: r for r in ws.iter_rows(min_row=5, values_only=True) if r[1]}
    assert rows["Ban Tổ chức Tỉnh ủy Alpha"][2] == "Đúng hạn"
    assert rows["Đảng ủy xã Tân An"][2] == "Chưa gửi"
    assert rows["Đã gửi"][2] == 1 and rows["Tỷ lệ đầy đủ (%)"][2] == 25.0


def test_synthesis_docx(login, cast, report):
    from docx import Document

    _submitted(cast, report, "Tham mưu 4 đề án")
    office = login(cast.office_a)
    assert office.post(f"/reports/periods/{report.period.pk}/synthesis/").status_code == 302
    synthesis = SynthesisReport.objects.get()
    response = office.get(f"/reports/periods/{report.period.pk}/synthesis/1/")
    assert response.status_code == 200
    doc = Document(io.BytesIO(b"".join(response.streaming_content)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "BÁO CÁO TỔNG HỢP" in text and "Tham mưu 4 đề án" in text and "quý I/2026" in text
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "Ban Tổ chức Tỉnh ủy Alpha" in cells and "Chưa gửi" in cells and "DV01" in cells
    assert synthesis.number == 1 and audit_for(synthesis)[0].action == "reports.synthesis.issued"
    assert (
        login(cast.unit_a).get(f"/reports/periods/{report.period.pk}/synthesis/1/").status_code
        == 403
    )


def test_unit_history(login, cast, report):
    _submitted(cast, report)
    page = login(cast.unit_a).get(f"/reports/units/{cast.board_a.pk}/")
    assert page.status_code == 200 and "Quý I/2026" in page.content.decode()
    assert login(cast.unit_b).get(f"/reports/units/{cast.board_a.pk}/").status_code == 404


def test_period_create_page(login, cast, frozen):
    office = login(cast.office_a)
    assert office.get("/reports/periods/new/").status_code == 200
    bad = office.post(
        "/reports/periods/new/",
        {"committee": cast.committee_a.pk, "period_type": "quarter", "year": 2026, "number": 7},
    )
    assert bad.status_code == 400
    ok = office.post(
        "/reports/periods/new/",
        {"committee": cast.committee_a.pk, "period_type": "quarter", "year": 2026, "number": 2},
    )
    assert ok.status_code == 302
    assert login(cast.unit_a).get("/reports/periods/new/").status_code == 403


@pytest.mark.parametrize("url", ["/reports/", "/recommendations/"])
def test_lists_for_everyone(login, cast, period, url):
    for user in (cast.office_a, cast.leader_a, cast.unit_a, cast.unit_b, cast.admin):
        assert login(user).get(url).status_code == 200


def test_indicator_values_follow_drafts(login, cast, report):
    client = login(cast.unit_a)
    client.post(f"/reports/r/{report.pk}/save/", FILLED, HTTP_HX_REQUEST="true")
    client.post(
        f"/reports/r/{report.pk}/save/", {**FILLED, "indicator_DV01": ""}, HTTP_HX_REQUEST="true"
    )
    assert not IndicatorValue.objects.exists()


def test_issued_synthesis_is_kept(login, cast, report):
    office = login(cast.office_a)
    office.post(f"/reports/periods/{report.period.pk}/synthesis/")
    bad = SimpleUploadedFile("ghi-chu.txt", b"x", content_type="text/plain")
    office.post(f"/reports/periods/{report.period.pk}/synthesis/upload/", {"document": bad})
    assert SynthesisReport.objects.count() == 1
    final = SimpleUploadedFile(
        "bao-cao-tong-hop.pdf", b"%PDF-1.4 issued", content_type="application/pdf"
    )
    assert (
        office.post(
            f"/reports/periods/{report.period.pk}/synthesis/upload/", {"document": final}
        ).status_code
        == 302
    )
    issued = SynthesisReport.objects.get(issued=True)
    assert issued.number == 2 and issued.document.read() == b"%PDF-1.4 issued"
    response = office.get(f"/reports/periods/{report.period.pk}/synthesis/2/")
    assert response["Content-Disposition"].endswith('-v2.pdf"')
    assert audit_for(issued)[0].action == "reports.synthesis.uploaded"


def test_synthesis_counts_the_tasks_of_the_period_and_says_so(cast, report, frozen):
    """Finding of the office's walk: the quarter's synthesis counted every assignment since the
    beginning. It counts the tasks due in the period, and its sentence names the period."""
    from datetime import date

    from giaoban.reports.exports import synthesis_context
    from giaoban.tasks import services as task_services
    from giaoban.tasks.models import Assignment

    for number, deadline in (("61-TB/TU", date(2026, 3, 10)), ("62-TB/TU", date(2026, 6, 30))):
        task_services.create_task(
            committee=cast.committee_a,
            doc_number=number,
            doc_date=date(2026, 1, 5),
            text="Nhiệm vụ " + number,
            deadline=deadline,
            created_by=cast.office_a,
            lead_units=[cast.board_a, cast.board_a2],
            created_on=date(2026, 1, 5),
        )
    ctx = synthesis_context(report.period)
    first, last = report.period.period.first_day, report.period.period.last_day
    due = Assignment.objects.filter(
        task__committee=cast.committee_a, deadline__gte=first, deadline__lte=last
    ).count()
    assert due < Assignment.objects.filter(task__committee=cast.committee_a).count()
    assert f"có {due} lượt nhiệm vụ" in ctx["task_text"] and "quý I/2026" in ctx["task_text"]
    assert ctx["place_date"].startswith("Alpha, ngày")
