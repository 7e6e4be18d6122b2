"""What awaits the office, in a real browser: the count in the menu, the full list past ten,
select all, one confirmation for the lot, the count going down."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from giaoban.tasks import services

pytestmark = pytest.mark.browser


def _claims(cast, n: int) -> list:
    today = date.today()
    out = []
    for i in range(n):
        task = services.create_task(
            committee=cast.committee_a,
            doc_number="70-TB/TU",
            doc_date=today - timedelta(days=30),
            item_number=str(i + 1),
            text=f"Nhiệm vụ {i + 1}",
            deadline=today + timedelta(days=30),
            created_by=cast.office_a,
            lead_units=[cast.board_a],
        )
        asg = task.assignments.get()
        services.claim_completion(
            assignment=asg, user=cast.unit_a, completed_on=today, evidence_number=f"{i}-BC/BTC"
        )
        out.append(asg)
    return out


def test_office_confirms_every_claim_on_a_page_with_one_confirmation(page, log_in, cast):
    claimed = _claims(cast, 12)
    log_in("office_a")
    count = page.locator("#awaiting-count")
    count.wait_for()
    page.wait_for_function("document.getElementById('awaiting-count').textContent.trim() === '12'")

    page.click("#nav-awaiting")
    page.wait_for_url("**/tasks/awaiting/")
    rows = page.locator("#awaiting-list tbody tr[data-assignment]")
    assert rows.count() == 12  # past the dashboard's ten
    page.check("#select-all")
    assert page.locator("input.row-select:checked").count() == 12
    page.uncheck(f"input.row-select[value='{claimed[0].pk}']")
    with page.expect_navigation():
        page.click("#bulk-confirm")
    assert page.locator("#confirm-list tbody tr").count() == 11
    assert "(11)" in page.locator("h1").inner_text()
    with page.expect_navigation():
        page.click("#bulk-confirm-final button[type=submit]")
    assert "Đã xác nhận hoàn thành: 11." in page.locator("#messages").inner_text()
    assert page.locator("#awaiting-list tbody tr[data-assignment]").count() == 1
    page.wait_for_function("document.getElementById('awaiting-count').textContent.trim() === '1'")
    assert page.console_errors == []
