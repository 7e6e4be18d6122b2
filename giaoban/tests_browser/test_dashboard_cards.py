"""The dashboard's status cards are read on a projector: every label must stand out from its
card (WCAG contrast 4.5:1 for small text), the yellow "Hoàn thành quá hạn" included."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

CONTRAST = """(el) => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = el, colour = "rgba(0, 0, 0, 0)";
  while (bg && (colour === "rgba(0, 0, 0, 0)" || colour === "transparent")) {
    colour = getComputedStyle(bg).backgroundColor; bg = bg.parentElement;
  }
  if (colour === "rgba(0, 0, 0, 0)") colour = "rgb(255, 255, 255)";
  const a = lum(rgb(getComputedStyle(el).color)), b = lum(rgb(colour));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def test_every_status_card_label_is_readable(page, log_in, cast):
    log_in("office_a")
    page.goto("/")
    labels = page.locator("#status-counts .card-body > div.small")
    assert labels.count() == 6
    found = {}
    for i in range(labels.count()):
        label = labels.nth(i)
        found[label.inner_text().strip()] = round(label.evaluate(CONTRAST), 2)
    assert "Hoàn thành quá hạn" in found
    assert all(ratio >= 4.5 for ratio in found.values()), found
