"""An HTMX form the server refuses with an error page (here 413, too large) shows the server's
message above the form instead of leaving a button that seems to do nothing."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_oversized_upload_on_an_htmx_form_shows_the_message(page, log_in, cast, settings):
    settings.GIAOBAN_MAX_REQUEST_BYTES = 64 * 1024
    log_in("unit_a")
    page.goto(f"/tasks/assignments/{cast.asg_a.pk}/")
    form = page.locator("#progress-form")
    form.locator("textarea[name=text]").fill("Đã gửi báo cáo kèm tệp")
    form.locator("input[type=file]").set_input_files(
        {"name": "bao-cao.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 " * 20_000}
    )
    with page.expect_response(lambda r: r.url.endswith("/progress/")) as resp:
        form.locator("button[type=submit]").click()
    assert resp.value.status == 413
    error = page.locator("#progress-form [data-testid=request-error]")
    error.wait_for()
    message = error.inner_text()
    assert "413" in message and "quá lớn" in message and "Chưa có gì được lưu" in message
    # the text typed is still there, and nothing was saved
    assert form.locator("textarea[name=text]").input_value() == "Đã gửi báo cáo kèm tệp"
    assert cast.asg_a.progress_updates.count() == 0
