"""Issue 10, the rest of the cycle in a real browser: the unit turns its report's next period's
tasks into items of the next quarter's work plan (pre-filled, edited, chosen); the office
drafts the synthesis report and downloads it as PDF, whose text layer is read."""

from __future__ import annotations

import pytest

from giaoban.tests_browser.test_reporting_flow import open_period  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser


def _log_out(page):
    with page.expect_navigation():
        page.locator("#menu-user").click()  # the user menu holds "log out"
        page.locator("nav form[action$='/logout/'] button").click()


def test_next_tasks_into_the_plan_and_synthesis_pdf(page, log_in, cast, open_period):  # noqa: F811
    from giaoban.documents import pdf_unavailable_reason
    from giaoban.documents.tests.pdftext import pdf_text
    from giaoban.reports.models import UnitReport, WorkPlan
    from giaoban.reports.services_plans import next_quarter

    period = open_period
    log_in("unit_a")
    page.goto(f"/reports/periods/{period.pk}/")
    with page.expect_navigation():
        page.click("#start-report")
    report = UnitReport.objects.get(unit=cast.board_a)
    page.fill("#section_results", "Hoàn thành các nhiệm vụ trọng tâm của quý")
    tasks = page.locator("input[name=next_task]")
    tasks.nth(0).fill("Sơ kết 6 tháng thực hiện nghị quyết")
    tasks.nth(1).fill("Kiểm tra chuyên đề công tác cán bộ")
    with page.expect_navigation():
        page.click("#save-draft")
    with page.expect_navigation():
        page.click("#carry-tasks")
    assert page.url.endswith(f"/reports/r/{report.pk}/carry/")
    rows = page.locator("[data-testid=carry-row]")
    assert rows.count() == 2
    assert rows.nth(0).locator("input[name$=-text]").input_value() == (
        "Sơ kết 6 tháng thực hiện nghị quyết"
    )
    rows.nth(0).locator("input[name$=-text]").fill("Sơ kết 6 tháng thực hiện Nghị quyết 18")
    rows.nth(0).locator("input[name$=-weight]").fill("3")
    rows.nth(1).locator("input[name$=-carry]").uncheck()
    with page.expect_navigation():
        page.click("#carry-save")
    year, quarter = next_quarter(report)
    plan = WorkPlan.objects.get(unit=cast.board_a, year=year)
    assert page.url.endswith(f"/reports/plans/{plan.pk}/")
    assert "Sơ kết 6 tháng thực hiện Nghị quyết 18" in page.content()
    assert [(i.quarter, i.text, i.weight) for i in plan.items.all()] == [
        (quarter, "Sơ kết 6 tháng thực hiện Nghị quyết 18", 3)
    ]
    _log_out(page)

    # -- the office drafts the synthesis report and downloads its PDF ------------------------
    assert pdf_unavailable_reason() is None, "LibreOffice (soffice) must be installed"
    log_in("office_a")
    page.goto(f"/reports/periods/{period.pk}/")
    with page.expect_navigation():
        page.click("#make-synthesis")
    with page.expect_download(timeout=120_000) as download:
        # the conversion may take longer than a click waits for its navigation on a busy
        # machine: the download itself is awaited (120 s)
        page.locator("[data-testid=synthesis-pdf]").first.click(no_wait_after=True)
    assert download.value.suggested_filename.endswith("-v1.pdf")
    data = open(download.value.path(), "rb").read()
    assert data.startswith(b"%PDF")
    text = " ".join(pdf_text(data).split())
    assert "BÁO CÁO TỔNG HỢP" in text
    assert not page.console_errors
