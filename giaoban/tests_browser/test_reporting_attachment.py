"""Issue 10's bad input in a real browser: a 100 MB signed report file. The page refuses it as
soon as it is chosen (its own Vietnamese message, the choice cleared); the text typed before and
after is saved by the autosave, which never carries the file; the report is then sent without it."""

from __future__ import annotations

import time
from datetime import date

import pytest

from giaoban.tests_browser.test_reporting_flow import open_period  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser


def _wait_for(check, seconds=15.0):
    """Poll ``check`` while the live server writes. On SQLite the test database is shared with
    the server's thread: a read that meets the autosave's write lock fails at once ("database
    table is locked") instead of waiting, so such a read counts as "not yet" and is retried."""
    from django.db import OperationalError

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if check():
                return True
        except OperationalError:
            pass
        time.sleep(0.2)
    return False


def _read(query, seconds=15.0):
    """A read of the test database that may meet the live server's write lock (see _wait_for)."""
    from django.db import OperationalError

    end = time.monotonic() + seconds
    while True:
        try:
            return query()
        except OperationalError:
            if time.monotonic() > end:
                raise
            time.sleep(0.2)


def start_report(page, log_in, cast, period):
    """Board A's clerk starts the period's report from its page; the report, once the page's
    scripts run."""
    from giaoban.reports.models import UnitReport

    log_in("unit_a")
    page.goto(f"/reports/periods/{period.pk}/")
    with page.expect_navigation():
        page.click("#start-report")
    report = _read(lambda: UnitReport.objects.get(unit=cast.board_a))
    page.wait_for_function("window.htmx !== undefined")
    return report


def test_a_100_mb_file_is_refused_on_the_page_and_nothing_typed_is_lost(
    page,
    log_in,
    cast,
    open_period,  # noqa: F811
    tmp_path,
):
    from giaoban.reports.models import ReportState, ReportVersion, UnitReport

    big = tmp_path / "bao-cao-quy.pdf"
    with open(big, "wb") as f:
        f.truncate(100 * 1024 * 1024)  # a sparse 100 MB file
    report = start_report(page, log_in, cast, open_period)
    page.fill("#section_results", "Kết quả trước khi chọn tệp")
    page.locator("[data-testid=saved]").wait_for()
    page.fill("input[name=doc_number]", "335-BC/BTCTU")
    page.fill("input[name=doc_date]", date.today().strftime("%d/%m/%Y"))

    page.set_input_files("input[name=document]", str(big))
    alert = page.locator("#id_document-too-large")
    alert.wait_for()
    assert alert.inner_text() == "Dung lượng tệp vượt quá 20 MB."
    assert page.evaluate("document.querySelector('input[name=document]').files.length") == 0

    page.fill("#section_results", "Kết quả sửa sau khi chọn tệp")
    assert _wait_for(
        lambda: (
            UnitReport.objects.get(pk=report.pk).content["sections"]["results"]
            == "Kết quả sửa sau khi chọn tệp"
        )
    ), "the autosave goes on after the refused file"
    assert page.input_value("input[name=doc_number]") == "335-BC/BTCTU"

    with page.expect_navigation():
        page.click("#submit-report")
    assert page.locator("[data-testid=report-state]").inner_text().strip() == "Đã gửi"
    assert _wait_for(lambda: UnitReport.objects.get(pk=report.pk).state == ReportState.SUBMITTED)
    report = _read(lambda: UnitReport.objects.get(pk=report.pk))
    assert report.state == ReportState.SUBMITTED and not report.document
    version = _read(lambda: ReportVersion.objects.get(report=report))
    assert version.content["sections"]["results"] == "Kết quả sửa sau khi chọn tệp"
