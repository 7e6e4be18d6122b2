"""Notice approval from the pages, in a real browser: the office sends a draft; the leader returns
it with a reason; the office reads the reason and sends it again; the leader approves; the page
says who asked and who decided (core.decisions' record), and the clerk who asked sees no
decision buttons."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _log_out(page):
    with page.expect_navigation():
        page.locator("nav form[action$='/logout/'] button").click()


def test_return_then_approve_from_the_notice_page(page, log_in, cast):
    from giaoban.core.decisions import Decision
    from giaoban.meetings.tests.conftest import make_briefing

    _, notice = make_briefing(cast, issue=False)
    url = f"/meetings/notices/{notice.pk}/"
    log_in("office_a")
    page.goto(url)
    with page.expect_navigation():
        page.click("#submit-notice")
    assert "Chờ duyệt" in page.locator("#notice-state").inner_text()
    assert page.locator("#approve-notice").count() == 0
    assert "người khác sẽ quyết định" in page.locator("#notice-approval").inner_text()
    _log_out(page)

    log_in("leader_a")
    page.goto(url)
    page.fill("#return-notice-form textarea[name=reason]", "Bổ sung thời hạn mục 2")
    with page.expect_navigation():
        page.click("#return-notice-form button")
    _log_out(page)

    log_in("office_a")
    page.goto(url)
    state = page.locator("#notice-state").inner_text()
    assert "Dự thảo" in state and "Bổ sung thời hạn mục 2" in state
    with page.expect_navigation():
        page.click("#submit-notice")
    _log_out(page)

    log_in("leader_a")
    page.goto(url)
    with page.expect_navigation():
        page.click("#approve-notice")
    assert "Đã duyệt" in page.locator("#notice-state").inner_text()
    line = page.locator("#notice-approval").inner_text()
    assert cast.leader_a.full_name in line and "16/03/2026" in line
    page.screenshot(path="/tmp/giaoban-notice-approval.png", full_page=True)
    assert [a.decision for a in notice.approvals.all()] == [Decision.APPROVED, Decision.REJECTED]
    assert page.console_errors == []
