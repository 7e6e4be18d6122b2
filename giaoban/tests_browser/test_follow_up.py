"""A leader in the browser: the bell counts the notice submitted for approval, the centre links
to it, the desk lists it as waiting for a decision, and the header's search box finds the
notice and the meeting without accents."""

from __future__ import annotations

import pytest

from giaoban.meetings import notice_services as ns
from giaoban.meetings.tests.conftest import make_briefing

pytestmark = pytest.mark.browser


def test_leader_is_told_of_a_notice_to_approve_and_finds_it(page, log_in, cast):
    meeting, notice = make_briefing(cast, issue=False)
    ns.submit_notice(notice=notice, user=cast.office_a)
    log_in("leader_a")
    bell = page.locator("[data-testid=bell-count]")
    bell.wait_for()
    assert bell.inner_text().strip() == "1"
    page.click("[data-testid=bell]")
    item = page.locator("[data-testid=notification][data-kind=notice_to_approve]")
    assert "Thông báo cần duyệt: kết luận của Thường trực Tỉnh ủy" in item.inner_text()
    with page.expect_navigation():
        item.locator("a").first.click()
    assert page.url.endswith(f"/meetings/notices/{notice.pk}/")

    page.goto("/desk/")
    waiting = page.locator("[data-testid=desk-awaiting]")
    assert "Thông báo cần duyệt" in waiting.inner_text()

    page.fill("form[role=search] input[name=search]", "hoi nghi giao ban quy iv")
    with page.expect_navigation():
        page.press("form[role=search] input[name=search]", "Enter")
    kinds = page.locator("[data-testid=hit]").evaluate_all("els => els.map(e => e.dataset.kind)")
    assert "notice" in kinds and "meeting" in kinds
    with page.expect_navigation():
        page.locator("[data-testid=hit][data-kind=meeting]").first.click()
    assert page.url.endswith(f"/meetings/{meeting.pk}/")
    assert page.console_errors == []
