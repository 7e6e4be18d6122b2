"""Sending a report while an autosave is still pending: clicking "send" takes the focus from the
last field typed, which fires its change and the autosave's one-second delay. The send carries
every field, so that autosave must not go out after it (on a slow server it reached the server
after the report was sent, was refused with 400 and logged an error on the page left)."""

from __future__ import annotations

import time
from datetime import date

import pytest

from giaoban.tests_browser.test_reporting_flow import open_period  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser


def test_a_pending_autosave_does_not_follow_the_send(
    page,
    log_in,
    cast,
    open_period,  # noqa: F811
    monkeypatch,
    tmp_path,
):
    from giaoban.reports import views
    from giaoban.reports.models import ReportState, UnitReport
    from giaoban.tests_browser.test_reporting_attachment import _read, start_report

    report = start_report(page, log_in, cast, open_period)
    page.fill("#section_results", "Kết nạp 12 đảng viên")
    page.locator("[data-testid=saved]").wait_for()

    # the server answers the send 3 s late, as a loaded one may
    real = views.redirect

    def late(*args, **kwargs):
        time.sleep(3)
        return real(*args, **kwargs)

    monkeypatch.setattr(views, "redirect", late)
    saves = []
    page.on(
        "request", lambda r: saves.append(r.url) if r.url.endswith(f"/r/{report.pk}/save/") else 0
    )
    signed = tmp_path / "bao-cao.pdf"
    signed.write_bytes(b"%PDF-1.4 signed report")
    page.fill("input[name=doc_number]", "335-BC/BTCTU")
    page.fill("input[name=doc_date]", date.today().strftime("%d/%m/%Y"))
    page.set_input_files("input[name=document]", str(signed))
    page.fill("#section_difficulties", "Thiếu biên chế")  # typed last, then "send" at once
    with page.expect_navigation():
        page.click("#submit-report")
    assert page.locator("[data-testid=report-state]").inner_text().strip() == "Đã gửi"
    sent = _read(lambda: UnitReport.objects.get(pk=report.pk))
    assert sent.state == ReportState.SUBMITTED
    # the field typed last went with the send
    assert sent.content["sections"]["difficulties"] == "Thiếu biên chế"
    assert saves == [], saves
    assert page.console_errors == []
