"""Issue 10 in a real browser: a unit fills its quarter report (an indicator value and a
recommendation), saves the draft (autosave over HTMX), sends it; the office returns it with a
reason; the unit corrects and sends again; the office accepts, sees the completeness table
move, answers the recommendation and downloads the synthesis DOCX, which is opened and checked."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest

pytestmark = pytest.mark.browser


def _log_out(page):
    with page.expect_navigation():
        page.locator("#menu-user").click()  # the user menu holds "log out"
        page.locator("nav form[action$='/logout/'] button").click()


@pytest.fixture
def open_period(cast):
    from giaoban.periods import Period
    from giaoban.reports import services
    from giaoban.reports.models import Accumulation, Indicator, IndicatorTarget

    today = date.today()
    indicator = Indicator.objects.create(
        committee=cast.committee_a,
        code="DV01",
        name="Kết nạp đảng viên mới",
        measure="người",
        accumulation=Accumulation.PER_PERIOD,
        min_value=0,
        max_value=10000,
    )
    IndicatorTarget.objects.create(
        indicator=indicator, year=today.year, unit=cast.board_a, target=400
    )
    quarter = Period.for_date(today, "quarter")
    period = services.create_period(
        committee=cast.committee_a,
        period=quarter,
        user=cast.office_a,
        due_date=max(
            today + timedelta(days=10),
            services.rules_for(cast.committee_a.pk).as_rules().cutoff_window(quarter)[1],
        ),
    )
    period.form.indicators.add(indicator)
    return services.open_period(period=period, user=cast.office_a)


def test_report_cycle_in_the_browser(page, log_in, cast, open_period, tmp_path):
    from docx import Document

    from giaoban.recommendations.models import Recommendation
    from giaoban.reports.models import ReportState, UnitReport

    period = open_period
    today = date.today().strftime("%d/%m/%Y")

    # -- the unit fills its report; the draft autosaves over HTMX --------------------------
    log_in("unit_a")
    page.goto(f"/reports/periods/{period.pk}/")
    with page.expect_navigation():
        page.click("#start-report")
    report = UnitReport.objects.get(unit=cast.board_a)
    assert page.url.endswith(f"/reports/r/{report.pk}/")
    page.wait_for_function("window.htmx !== undefined")
    page.evaluate("window.__noReload = 'still here'")
    page.fill(
        "#section_results",
        "Tham mưu Ban Thường vụ ban hành 4 đề án về công tác tổ chức xây dựng Đảng",
    )
    page.fill("#section_difficulties", "Thiếu biên chế sau sắp xếp")
    page.fill("#indicator_DV01", "mười hai")
    status = page.locator("#save-status")
    status.locator("[data-testid=partly-saved]").wait_for()
    assert "DV01" in status.inner_text(), "a bad value is named with a clear message"
    assert page.input_value("#section_results").startswith("Tham mưu"), "the typed text stays"
    page.fill("#indicator_DV01", "120")
    page.locator("textarea[name=rec_text]").first.fill(
        "Đề nghị bố trí kinh phí mua sắm trang thiết bị"
    )
    page.locator("input[name=rec_addressed_to]").first.fill("Thường trực Tỉnh ủy")
    page.locator("input[name=next_task]").first.fill("Sơ kết 6 tháng công tác tổ chức")
    page.locator("[data-testid=saved]").wait_for()
    page.wait_for_function("document.querySelector('[data-testid=saved]') !== null")
    assert page.evaluate("window.__noReload") == "still here", "autosave did not reload the page"
    # "saved" may be the answer to an autosave sent before the last fields were typed: wait for
    # the one that carries the last field typed (the next period's task), reading the database
    # as the server writes it (on SQLite a read meeting the autosave's write lock fails at once)
    from giaoban.tests_browser.test_reporting_attachment import _read, _wait_for

    assert _wait_for(
        lambda: (
            UnitReport.objects.get(pk=report.pk).content.get("next_tasks")
            == ["Sơ kết 6 tháng công tác tổ chức"]
        )
    ), "the last autosave did not land"
    report = _read(lambda: UnitReport.objects.get(pk=report.pk))
    assert report.content["sections"]["results"].startswith("Tham mưu Ban Thường vụ")
    assert report.content["indicators"] == {"DV01": "120"}
    assert (
        report.content["recommendations"][0]["text"]
        == "Đề nghị bố trí kinh phí mua sắm trang thiết bị"
    )

    signed = tmp_path / "bao-cao-quy.pdf"
    signed.write_bytes(b"%PDF-1.4 signed report")
    page.fill("input[name=doc_number]", "335-BC/BTCTU")
    page.fill("input[name=doc_date]", today)
    page.set_input_files("input[name=document]", str(signed))
    with page.expect_navigation():
        page.click("#submit-report")
    assert page.locator("[data-testid=report-state]").inner_text().strip() == "Đã gửi"
    _log_out(page)

    # -- the office returns it with a reason -------------------------------------------------
    log_in("office_a")
    page.goto(f"/reports/periods/{period.pk}/")
    assert page.locator("[data-testid=n-submitted]").inner_text() == "1"
    assert page.locator("[data-testid=n-accepted]").inner_text() == "0"
    page.goto(f"/reports/r/{report.pk}/")
    page.fill("#return-form textarea[name=reason]", "Đề nghị bổ sung đánh giá nguyên nhân hạn chế")
    with page.expect_navigation():
        page.click("#return-report")
    assert page.locator("[data-testid=report-state]").inner_text().strip() == "Trả lại để chỉnh sửa"
    _log_out(page)

    # -- the unit corrects and sends again -------------------------------------------------------
    log_in("unit_a")
    page.goto(f"/reports/r/{report.pk}/")
    assert (
        "bổ sung đánh giá nguyên nhân" in page.locator("[data-testid=return-reason]").inner_text()
    )
    page.fill("#section_shortcomings", "Nguyên nhân: một số văn bản tham mưu còn chậm")
    page.fill("input[name=doc_number]", "341-BC/BTCTU")
    with page.expect_navigation():
        page.click("#submit-report")
    assert page.locator("[data-testid=report-state]").inner_text().strip() == "Đã gửi"
    page.goto(f"/reports/r/{report.pk}/versions/2/")
    assert "+ Nguyên nhân: một số văn bản tham mưu còn chậm" in page.locator("body").inner_text()
    _log_out(page)

    # -- the office accepts; the completeness table moves; the recommendation is answered ----------
    log_in("office_a")
    page.goto(f"/reports/r/{report.pk}/")
    with page.expect_navigation():
        page.click("#accept-report")
    assert page.locator("[data-testid=report-state]").inner_text().strip() == "Đã tiếp nhận"
    page.goto(f"/reports/periods/{period.pk}/")
    assert page.locator("[data-testid=n-accepted]").inner_text() == "1"
    assert page.locator("[data-testid=n-on-time]").inner_text() == "1"
    row = page.locator(f"[data-testid=completeness] tr[data-unit='{cast.board_a.pk}']")
    assert "Đúng hạn" in row.inner_text() and "341-BC/BTCTU" in row.inner_text()

    rec = Recommendation.objects.get()
    page.goto(f"/recommendations/{rec.pk}/")
    page.fill("textarea[name=answer]", "Thường trực Tỉnh ủy đồng ý bố trí trong dự toán năm sau")
    with page.expect_navigation():
        page.click("#answer-rec")
    assert page.locator("[data-testid=rec-state]").inner_text().strip() == "Đã trả lời"

    page.goto(f"/reports/periods/{period.pk}/")
    with page.expect_navigation():
        page.click("#make-synthesis")
    with page.expect_download() as download:
        page.locator("[data-testid=synthesis-link]").first.click()
    doc = Document(io.BytesIO(open(download.value.path(), "rb").read()))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "BÁO CÁO TỔNG HỢP" in text
    assert "Tham mưu Ban Thường vụ ban hành 4 đề án" in text
    assert "Nguyên nhân: một số văn bản tham mưu còn chậm" in text
    assert "Đề nghị bố trí kinh phí mua sắm trang thiết bị" in text and "đã trả lời" in text
    assert "Ban Tổ chức Tỉnh ủy Alpha" in cells and "Đúng hạn" in cells and "Chưa gửi" in cells
    assert "DV01" in cells
    assert UnitReport.objects.get(pk=report.pk).state == ReportState.ACCEPTED
    # no console error: the autosave with the bad value saved the rest (200) and named it
    assert page.console_errors == []
