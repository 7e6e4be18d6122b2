"""Issue 2 in a real browser: a unit reports and claims, the office confirms,
the dashboard counts it."""

from __future__ import annotations

import re
from datetime import date

import pytest

pytestmark = pytest.mark.browser

SCREENSHOTS = "/tmp"


def _done_on_time(page) -> int:
    return int(page.locator('[data-status="done_on_time"]').inner_text().strip())


def _log_out(page):
    with page.expect_navigation():
        page.locator("#menu-user").click()  # the user menu holds "log out"
        page.locator("nav form[action$='/logout/'] button").click()
    assert page.url.endswith("/accounts/login/")


def test_unit_reports_and_claims_office_confirms_and_dashboard_counts(page, log_in, cast):
    asg = cast.asg_a
    today = date.today().strftime("%d/%m/%Y")

    log_in("unit_a")
    page.goto(f"/tasks/assignments/{asg.pk}/")
    page.wait_for_function("window.htmx !== undefined")
    page.evaluate("window.__noReload = 'still here'")

    # Progress through HTMX: the panel is swapped in place, the page is not reloaded.
    page.fill("#progress-form textarea[name=text]", "Đã họp Ban, phân công soạn kế hoạch")
    page.fill("#progress-form input[name=percent]", "40")
    with page.expect_response(lambda r: r.url.endswith(f"/assignments/{asg.pk}/progress/")) as resp:
        page.click("#progress-form button[type=submit]")
    assert resp.value.status == 200
    assert resp.value.request.headers.get("hx-request") == "true"
    entry = page.locator("#timeline li.kind-progress").first
    entry.wait_for()
    assert "Đã họp Ban, phân công soạn kế hoạch" in entry.inner_text()
    assert "(40%)" in entry.inner_text()
    assert page.evaluate("window.__noReload") == "still here"
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert page.locator(".progress-bar").inner_text().strip() == "40%"

    # Claim completion with evidence.
    page.fill("#claim-form input[name=completed_on]", today)
    page.fill("#claim-form input[name=evidence_number]", "335-BC/ĐU")
    page.fill("#claim-form input[name=evidence_date]", today)
    with page.expect_response(lambda r: r.url.endswith(f"/assignments/{asg.pk}/claim/")):
        page.click("#claim-form button[type=submit]")
    claim = page.locator("#timeline li.kind-claim").first
    claim.wait_for()
    assert "335-BC/ĐU" in claim.inner_text()
    assert page.locator("#claim-form").count() == 0, "the claim form stays after a claim"
    assert page.evaluate("window.__noReload") == "still here"
    page.screenshot(path=f"{SCREENSHOTS}/giaoban-assignment.png", full_page=True)
    _log_out(page)

    # The office sees the claim, confirms it, and the dashboard counts one more.
    log_in("office_a")
    page.goto("/")
    before = _done_on_time(page)
    page.goto(f"/tasks/assignments/{asg.pk}/")
    assert "335-BC/ĐU" in page.locator("#assignment-panel").inner_text()
    with page.expect_response(lambda r: r.url.endswith(f"/assignments/{asg.pk}/confirm/")) as resp:
        page.click("#confirm-form button[type=submit]")
    assert resp.value.status == 200
    page.locator("#confirm-form").wait_for(state="detached")
    page.goto("/")
    assert _done_on_time(page) == before + 1
    page.screenshot(path=f"{SCREENSHOTS}/giaoban-office-dashboard.png", full_page=True)
    assert page.console_errors == []


def test_dashboard_chart_is_drawn_from_local_chartjs(page, log_in, cast):
    log_in("office_a")
    chart_requests = []
    page.on("request", lambda r: chart_requests.append(r.url) if "chart" in r.url else None)
    page.goto("/")
    page.wait_for_function(
        "window.Chart !== undefined && Chart.getChart('status-chart') !== undefined"
    )
    assert any(re.search(r"/static/vendor/chartjs/chart\.umd\.min\.js$", u) for u in chart_requests)
    # Something was painted: the canvas has non-transparent pixels.
    painted = page.evaluate("""() => {
        const c = document.getElementById('status-chart');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return n;
    }""")
    assert painted > 500
    assert page.console_errors == []


def test_language_switch_turns_the_page_english(page, log_in, cast):
    log_in("office_a")
    page.goto("/tasks/")
    assert page.locator("html").get_attribute("lang") == "vi"
    logout = page.locator("nav form[action$='/logout/'] button")
    vi_logout, vi_heading = logout.inner_text().strip(), page.locator("h1").inner_text().strip()
    assert vi_logout and vi_logout != "Log out", "the Vietnamese page is not translated"
    with page.expect_navigation():
        page.select_option("nav select[name=language]", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith("/tasks/"), "the switch should come back to the same page"
    assert logout.inner_text().strip() == "Log out"
    assert page.locator("h1").inner_text().strip() == "Tasks" != vi_heading
    page.goto("/")
    assert page.locator("h1").inner_text().startswith("Office dashboard")


def test_bad_date_in_claim_form_shows_error_inline(page, log_in, cast):
    asg = cast.asg_a
    log_in("unit_a")
    page.goto(f"/tasks/assignments/{asg.pk}/")
    page.wait_for_function("window.htmx !== undefined")
    page.evaluate("window.__noReload = 1")
    page.fill("#claim-form input[name=completed_on]", "31/02/2025")
    with page.expect_response(lambda r: r.url.endswith(f"/assignments/{asg.pk}/claim/")) as resp:
        page.click("#claim-form button[type=submit]")
    assert resp.value.status == 400
    error = page.locator("#claim-form [role=alert]")
    error.first.wait_for()
    assert "dd/mm/yyyy" in error.first.inner_text()
    assert page.evaluate("window.__noReload") == 1
    # What was typed is kept so the user can correct it.
    assert page.input_value("#claim-form input[name=completed_on]") == "31/02/2025"


def test_task_search_ignores_accents(page, log_in, cast):
    log_in("office_a")
    page.goto("/tasks/")
    page.fill("input[name=q]", "tuyen giao")
    with page.expect_response(lambda r: "/tasks/?" in r.url and "q=tuyen" in r.url):
        page.press("input[name=q]", "Enter")
    rows = page.locator("#rows")
    rows.get_by_text("Rà soát, hoàn thiện kế hoạch công tác tuyên giáo năm").wait_for()
    page.fill("input[name=q]", "khong co gi nhu the")
    with page.expect_response(lambda r: "q=khong" in r.url):
        page.press("input[name=q]", "Enter")
    # the answer is swapped in just after it arrives: wait for the swap, not only the response
    rows.get_by_text("Rà soát, hoàn thiện").first.wait_for(state="detached")
    assert rows.get_by_text("Rà soát, hoàn thiện").count() == 0
