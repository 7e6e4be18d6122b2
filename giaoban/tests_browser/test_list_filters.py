"""The list filters at 1366 px: the status (and leader) choices are shown whole, and a sort
picked from a column head survives a filter change."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDEST_OPTION = """sel => {
  const ctx = document.createElement('canvas').getContext('2d');
  const style = getComputedStyle(sel);
  ctx.font = style.font;
  const widest = Math.max(...[...sel.options].map(o => ctx.measureText(o.text).width));
  // the text box of a select: its width less the padding (the right one holds the arrow)
  const room = sel.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {widest, room};
}"""


@pytest.mark.parametrize("url", ["/tasks/assignments/", "/tasks/"])
def test_status_filter_is_not_cut_at_1366(page, log_in, cast, url):
    page.set_viewport_size({"width": 1366, "height": 768})
    log_in("office_a")
    page.goto(url)
    for field in ("#id_status", "#id_leader"):
        sizes = page.eval_on_selector(field, WIDEST_OPTION)
        assert sizes["widest"] <= sizes["room"], (field, sizes)
    assert page.console_errors == []


def test_sort_from_a_column_head_is_kept_when_filtering(page, log_in, cast):
    page.set_viewport_size({"width": 1366, "height": 768})
    log_in("office_a")
    page.goto("/tasks/assignments/")
    with page.expect_navigation():
        page.click("#assignment-table th a[data-sort=unit]")
    assert "ordering=unit" in page.url
    assert page.locator("#id_ordering").input_value() == "unit"
    # a filter change (htmx) keeps the order
    page.select_option("#id_status", "open_in_time")
    page.wait_for_url("**status=open_in_time**")
    assert "ordering=unit" in page.url
    head = page.locator("#assignment-table th[aria-sort=ascending] a")
    assert head.get_attribute("data-sort") == "unit"
    assert page.console_errors == []
