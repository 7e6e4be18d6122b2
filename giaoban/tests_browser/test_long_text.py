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
    # the server strips the trailing space: the counter counts as it does
    assert counter.inner_text().strip() == f"{len(text.strip())}/2000"
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


def test_over_long_meeting_title_is_counted_refused_and_kept(page, log_in, cast):
    """A one-line box is not cut at its limit either: pasting a 400-character title keeps it all,
    the counter shows 400/300 in red, the server says the limit and the text stays."""
    from giaoban.meetings.models import Meeting

    log_in("office_a")
    page.goto("/meetings/new/")
    title = page.locator("#id_title")
    title_counter = page.locator("#id_title + .char-counter")
    place_counter = page.locator("#id_place + .char-counter")
    # a one-line box shows its counter only when the text nears the limit
    assert title_counter.is_hidden() and place_counter.is_hidden()
    page.fill("#id_place", "Hội trường Tỉnh ủy")
    assert place_counter.is_hidden()
    text = ("Hội nghị giao ban trực tuyến quý IV năm 2026 của Thường trực Tỉnh ủy " * 6)[:400]
    title.fill(text)
    assert title.input_value() == text, "the browser cut the pasted title"
    assert title_counter.is_visible()
    assert title_counter.inner_text().strip() == f"{len(text.strip())}/300"
    assert "text-danger" in title_counter.get_attribute("class")
    # the participant's name box gets its counter the same way (200 characters)
    page.fill("#id_p-0-name", "Nguyễn Văn A " * 20)
    assert page.locator("#id_p-0-name + .char-counter").inner_text().strip() == "259/200"
    page.fill("#id_p-0-name", "Hồ Thanh Sơn")
    page.fill("#id_day", "25/11/2026")
    page.select_option("#id_committee", str(cast.committee_a.pk))
    with page.expect_response(lambda r: r.url.endswith("/meetings/new/")) as resp:
        page.click("#meeting-form button[type=submit]")
    assert resp.value.status == 400
    page.wait_for_load_state()
    error = page.locator("#id_title ~ .invalid-feedback").first
    assert "tối đa 300" in error.inner_text()
    assert page.locator("#id_title").input_value() == text.strip()
    assert Meeting.objects.count() == 0
