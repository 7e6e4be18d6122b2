"""Issue 9's "done means" in a real browser: the office pastes seed 001, corrects one proposed
unit, saves; a leader approves; the office issues (six tasks with the right units and items),
downloads the DOCX and the PDF; the next quarter's briefing shows the review as of its date,
and presentation mode shows it with the arrow keys."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SEED_001 = (Path(__file__).parents[1] / "meetings" / "tests" / "data" / "seed_001.txt").read_text(
    encoding="utf-8"
)


def _log_out(page):
    with page.expect_navigation():
        page.locator("#menu-user").click()  # the user menu holds "log out"
        page.locator("nav form[action$='/logout/'] button").click()


def test_import_approve_issue_download_review_and_present(page, log_in, cast):
    from docx import Document

    from giaoban.documents.tests.pdftext import pdf_text
    from giaoban.meetings.models import ItemTask, Notice
    from giaoban.tasks.models import Assignment

    log_in("office_a")
    page.goto("/meetings/")
    with page.expect_navigation():
        page.click("#import-link")
    page.fill("textarea[name=text]", SEED_001)
    with page.expect_navigation():
        page.click("#read-text")
    rows = page.locator("#rows tr.import-row")
    assert rows.count() == 6
    assert page.input_value("input[name=day]") == "20/06/2024"
    assert page.input_value("input[name=period]") == "Quý II/2024"
    assert "Hồ Thanh Sơn" in page.input_value("textarea[name=chairs]")
    # every row proposes the commune committee for "các cấp ủy"; the clerk corrects row 1
    tan_an = str(cast.commune_a.pk)
    for i in range(6):
        assert page.eval_on_selector(
            f"select[name=r-{i}-lead_units]", "s => [...s.selectedOptions].map(o => o.value)"
        ) == [tan_an]
    page.select_option("select[name=r-0-lead_units]", [str(cast.board_a.pk)])
    page.screenshot(path="/tmp/giaoban-import-review.png", full_page=True)
    with page.expect_navigation():
        page.click("#save-import")
    notice = Notice.objects.get()
    assert page.locator("#items tr.item").count() == 6
    assert ItemTask.objects.filter(item__notice=notice).count() == 6
    with page.expect_navigation():
        page.click("#submit-notice")
    assert "Chờ duyệt" in page.locator("#notice-state").inner_text()
    _log_out(page)

    log_in("leader_a")
    page.goto(f"/meetings/notices/{notice.pk}/")
    with page.expect_navigation():
        page.click("#approve-notice")
    assert "Đã duyệt" in page.locator("#notice-state").inner_text()
    _log_out(page)

    log_in("office_a")
    page.goto(f"/meetings/notices/{notice.pk}/")
    page.fill("#issue-form input[name=number]", "25-TB/TU")
    page.fill("#issue-form input[name=doc_date]", "25/06/2024")
    with page.expect_navigation():
        page.click("#issue-notice")
    assert "Đã ban hành" in page.locator("#notice-state").inner_text()
    tasks = [
        t.task
        for t in ItemTask.objects.filter(item__notice=notice)
        .select_related("task")
        .order_by("item__number")
    ]
    assert [t.item_number for t in tasks] == ["1", "2", "3", "4", "5", "6"]
    assert {t.doc_number for t in tasks} == {"25-TB/TU"}
    units = [
        sorted(Assignment.objects.filter(task=t).values_list("unit_id", flat=True)) for t in tasks
    ]
    assert units[0] == [cast.board_a.pk] and units[1:] == [[cast.commune_a.pk]] * 5
    assert tasks[2].deadline.isoformat() == "2024-12-31"

    with page.expect_download() as dl:
        page.click("#docx-link")
    doc = Document(io.BytesIO(Path(dl.value.path()).read_bytes()))
    header = [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs]
    assert "Số 25-TB/TU" in header
    body = [p.text for p in doc.paragraphs]
    assert "THÔNG BÁO" in body and any(
        t.startswith("6. Tập trung thực hiện phát triển đảng") for t in body
    )
    with page.expect_download() as dl:
        page.click("#pdf-link")
    text = pdf_text(Path(dl.value.path()).read_bytes())
    assert "Số 25-TB/TU" in text and "Sổ tay đảng viên điện tử" in text

    # the next quarter's briefing reviews the notice as of its own date
    page.goto("/meetings/new/")
    page.select_option("select[name=committee]", str(cast.committee_a.pk))
    page.fill("input[name=title]", "Hội nghị giao ban quý III/2024")
    page.fill("input[name=period]", "Quý III/2024")
    page.fill("input[name=day]", "20/09/2024")
    with page.expect_navigation():
        page.click("#meeting-form button[type=submit]")
    review = page.locator("#review")
    assert "25-TB/TU" in review.inner_text()
    assert "20/09/2024" in review.inner_text()
    assert page.locator('#review-totals [data-status="standing"] b').inner_text() == "5"
    assert page.locator('#review-totals [data-status="open_in_time"] b').inner_text() == "1"
    page.screenshot(path="/tmp/giaoban-review.png", full_page=True)

    with page.expect_navigation():
        page.click("text=Chế độ trình chiếu")
    assert page.locator("nav").count() == 0
    assert (
        page.locator(".slide.active h1").inner_text().startswith("Hội nghị giao ban quý III/2024")
    )
    page.keyboard.press("ArrowRight")
    slide = page.locator(".slide.active")
    assert "Kết quả thực hiện kết luận kỳ trước" in slide.inner_text()
    assert slide.locator('[data-status="standing"]').inner_text().strip() == "5"
    page.wait_for_function(
        "window.Chart !== undefined && Chart.getChart('present-chart') !== undefined"
    )
    page.keyboard.press("ArrowLeft")
    assert page.locator("body").get_attribute("data-slide") == "0"
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.keyboard.press("ArrowRight")
    page.screenshot(path="/tmp/giaoban-present-1920.png")
    assert page.console_errors == []
