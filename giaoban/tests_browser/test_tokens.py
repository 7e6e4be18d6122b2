"""API tokens on the owner's page, in a real browser: choose how long it lasts, copy it once,
see when it expires and when and from where it was last used, revoke it."""

from __future__ import annotations

import pytest
from django.test import Client

from giaoban.accounts.models import ApiToken

pytestmark = pytest.mark.browser


def test_a_user_issues_a_30_day_token_sees_its_use_and_revokes_it(page, log_in, cast):
    log_in("unit_a")
    page.goto("/accounts/me/")
    page.fill("#id_name", "Bảng tính báo cáo")
    page.fill("#id_days", "30")
    with page.expect_navigation():
        page.click("#token-form button[type=submit]")
    raw = page.locator("#new-token code").inner_text().strip()
    assert raw.startswith("gb_")
    # issued 16/03/2026 09:30 (the server's frozen clock), valid 30 days
    assert "15/04/2026 09:30" in page.locator("#new-token").inner_text()
    row = page.locator("#tokens tr.token-row")
    assert row.count() == 1
    assert "15/04/2026 09:30" in row.locator(".token-expires").inner_text()
    assert "chưa dùng" in row.locator(".token-used").inner_text()

    answer = Client().get("/api/tasks", HTTP_AUTHORIZATION=f"Bearer {raw}", REMOTE_ADDR="10.9.8.7")
    assert answer.status_code == 200
    page.goto("/accounts/me/")
    used = page.locator("#tokens tr.token-row .token-used").inner_text()
    assert "16/03/2026 09:30" in used and "10.9.8.7" in used

    with page.expect_navigation():
        page.click("#tokens tr.token-row button[type=submit]")
    assert page.locator("#tokens tr.token-row").count() == 0
    assert not ApiToken.objects.exists()
    assert page.console_errors == []
