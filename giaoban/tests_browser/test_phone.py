"""Lists on a 390 px phone: every row shows its status (and days overdue) without scrolling."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from giaoban.tasks import services

pytestmark = pytest.mark.browser


def test_assignment_list_on_a_phone_shows_the_status(page, log_in, cast):
    today = date.today()
    services.create_task(
        committee=cast.committee_a,
        doc_number="77-TB/TU",
        doc_date=today - timedelta(days=40),
        item_number="1",
        text="Báo cáo sơ kết " * 20,
        deadline=today - timedelta(days=12),
        created_by=cast.office_a,
        lead_units=[cast.board_a],
    )
    page.set_viewport_size({"width": 390, "height": 844})
    log_in("office_a")
    page.goto("/tasks/assignments/?status=open_overdue")
    row = page.locator("#assignment-table tbody tr").first
    badge = row.locator(".status-cell .badge").first
    assert badge.is_visible()
    box = badge.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    days = row.locator(".days-overdue")
    assert days.inner_text().strip().endswith("12")
    assert days.bounding_box()["x"] + days.bounding_box()["width"] <= 390
    # no horizontal scrolling needed
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.console_errors == []
