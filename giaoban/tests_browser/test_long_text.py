"""Long text in a real browser: not cut at the field's limit, a live counter, the server's
refusal shown on the field, and the text kept in the field (nothing lost)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_pasted_long_progress_note_is_counted_refused_and_kept(page, log_in, cast):
    log_in("unit_a")
    page.goto(f"/tasks/assignments/{cast.asg_a.pk}/")
    note = page.locator("#progress-form textarea[name=text]")
    counter = page.locator("#progress-form .char-counter")
    counter.wait_for()
    assert counter.inner_text().strip() == "0/2000"
    text = "Đã triển khai " * 150  # 2,100 characters
    note.fill(text)
    assert note.input_value() == text, "the browser cut the pasted text"
    assert counter.inner_text().strip() == f"{len(text)}/2000"
    assert "text-danger" in counter.get_attribute("class")
    with page.expect_response(lambda r: r.url.endswith("/progress/")) as resp:
        page.click("#progress-form button[type=submit]")
    assert resp.value.status == 400
    error = page.locator("#progress-form [role=alert]").first
    error.wait_for()
    assert "tối đa 2000" in error.inner_text()  # the server's message, in Vietnamese
    assert page.locator("#progress-form textarea[name=text]").input_value() == text
    assert page.locator("#progress-form .char-counter").count() == 1
    assert cast.asg_a.progress_updates.count() == 0
    assert page.console_errors == [] or all("400" in e for e in page.console_errors)
