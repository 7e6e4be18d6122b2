"""The meeting calendar at 1366 px: seven equal columns that fit without scrolling sideways,
meetings on their days (long titles wrap inside the cell), previous/next month, and the link to
the meeting. No JavaScript is needed: the test runs with it disabled."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

pytestmark = pytest.mark.browser

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def test_month_grid_at_1366(browser, live_server, cast):
    from giaoban.meetings import services
    from giaoban.test import PASSWORD

    def meeting(day, title, month=3, hour=8):
        return services.create_meeting(
            committee=cast.committee_a,
            user=cast.office_a,
            title=title,
            starts_at=datetime(2026, month, day, hour, 0, tzinfo=TZ),
        )

    long_title = "Hội nghị giao ban quý I/2026 của Thường trực Tỉnh ủy với các đảng ủy trực thuộc"
    main = meeting(16, long_title)
    meeting(16, "Buổi làm việc với Ban Tổ chức", hour=14)
    february = meeting(24, "Giao ban tháng hai", month=2)

    context = browser.new_context(
        locale="vi-VN",
        viewport={"width": 1366, "height": 768},
        base_url=live_server.url,
        java_script_enabled=False,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto("/accounts/login/")
        page.fill("#id_username", "office_a")
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():
            page.click("form button[type=submit]")
        page.goto("/meetings/")
        with page.expect_navigation():
            page.click("#calendar-view")
        assert "Tháng 03/2026" in page.inner_text("#cal-month")
        headers = page.locator("#calendar thead th")
        assert headers.count() == 7 and headers.first.inner_text() == "Thứ Hai"
        assert page.locator("#calendar tbody tr").count() == 6
        # seven equal columns inside the window, no sideways scrolling
        widths = [headers.nth(i).bounding_box()["width"] for i in range(7)]
        assert max(widths) - min(widths) < 2, widths
        table = page.locator("#calendar").bounding_box()
        assert table["x"] >= 0 and table["x"] + table["width"] <= 1366, table
        assert page.evaluate("document.documentElement.scrollWidth") <= 1366
        # both meetings of the 16th in its cell, the long title wrapped inside it
        cell = page.locator('td[data-date="2026-03-16"]')
        links = cell.locator("a.cal-meeting")
        assert links.count() == 2
        cell_box = cell.bounding_box()
        for i in range(2):
            box = links.nth(i).bounding_box()
            assert (
                box["x"] >= cell_box["x"]
                and box["x"] + box["width"] <= cell_box["x"] + cell_box["width"] + 1
            )
        assert "08:00" in links.first.inner_text() and "14:00" in links.nth(1).inner_text()
        assert "cal-today" in cell.get_attribute("class")
        page.screenshot(path="/tmp/giaoban-calendar-1366.png", full_page=True)
        # the previous month, then back, then into the meeting
        with page.expect_navigation():
            page.click("#prev-month")
        assert "Tháng 02/2026" in page.inner_text("#cal-month")
        assert (
            page.locator('td[data-date="2026-02-24"] a.cal-meeting')
            .inner_text()
            .endswith("Giao ban tháng hai")
        )
        assert page.locator(f'a[href="/meetings/{february.pk}/"]').count() == 1
        with page.expect_navigation():
            page.click("#next-month")
        with page.expect_navigation():
            page.click(f'td[data-date="2026-03-16"] a[href="/meetings/{main.pk}/"]')
        assert page.url.endswith(f"/meetings/{main.pk}/")
        assert long_title in page.inner_text("h1")
    finally:
        context.close()
