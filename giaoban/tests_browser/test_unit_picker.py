"""The unit filter as a searchable picker (the administrator sees every unit of the country)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_admin_finds_a_unit_by_typing_without_accents(page, log_in, cast):
    log_in("admin")
    page.goto("/tasks/assignments/")
    assert page.locator("select[name=unit]").count() == 0
    page.fill("#unit-picker-input", "tuyen gi")
    option = page.locator(
        "#unit-picker-list [role=option]", has_text="Ban Tuyên giáo Tỉnh ủy Alpha"
    )
    option.wait_for()
    with page.expect_response(lambda r: "/tasks/assignments/?" in r.url and "unit=" in r.url):
        option.click()
    page.wait_for_function("document.querySelectorAll('#assignment-table tbody tr').length === 1")
    assert "Ban Tuyên giáo A" in page.locator("#assignment-table tbody tr").first.inner_text()
    assert page.locator("input[name=unit]").input_value() == str(cast.board_a2.pk)
    assert page.console_errors == []
