"""Presentation mode on the two projector sizes: every slide fits the screen (nothing cut off at
the bottom or the side, the title always visible), long lists go on over several slides, and
the type stays large. Screenshots of every slide in /tmp/giaoban-present-<width>-<n>.png."""

from __future__ import annotations

from datetime import datetime

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width,height", [(1366, 768), (1920, 1080)])
def test_every_slide_fits_the_projector(browser, live_server, cast, width, height):
    from giaoban.meetings import services
    from giaoban.meetings.tests.conftest import TZ, make_briefing
    from giaoban.org.models import Unit, UnitKind
    from giaoban.test import PASSWORD

    for i in range(16):  # sixteen more communes: the unfinished list outgrows one slide
        Unit.objects.create(
            kind=UnitKind.COMMUNE_COMMITTEE,
            name=f"Đảng ủy xã Phước Thiền {i + 1:02d}",
            parent=cast.committee_a,
            sort_order=10 + i,
        )
    make_briefing(cast)
    nxt = services.create_meeting(
        committee=cast.committee_a,
        user=cast.office_a,
        title="Hội nghị giao ban quý I/2026",
        starts_at=datetime(2026, 3, 16, 8, 0, tzinfo=TZ),
    )
    context = browser.new_context(
        locale="vi-VN", viewport={"width": width, "height": height}, base_url=live_server.url
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto("/accounts/login/")
        page.fill("#id_username", "office_a")
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():
            page.click("form button[type=submit]")
        page.goto(f"/meetings/{nxt.pk}/present/")
        slides = page.locator(".slide")
        n = slides.count()
        titles = []
        for i in range(n):
            # the slide shown is the i-th: the first on opening, then the one the arrow key led to
            page.wait_for_function("i => document.body.dataset.slide === String(i)", arg=i)
            active = page.locator(".slide.active")
            fit = active.evaluate(
                "s => ({content: s.scrollHeight, box: s.clientHeight, wide: s.scrollWidth,"
                " boxw: s.clientWidth, font: parseFloat(getComputedStyle(document.body).fontSize),"
                " top: s.querySelector('h1, h2').getBoundingClientRect().top})"
            )
            assert fit["content"] <= fit["box"] and fit["wide"] <= fit["boxw"], (i, fit)
            assert fit["top"] >= 0, (i, fit)  # the title is on the screen
            assert fit["font"] >= 0.025 * height, fit  # large type: a fortieth of the height
            titles.append(active.locator("h1, h2").first.inner_text())
            page.screenshot(path=f"/tmp/giaoban-present-{width}-{i}.png")
            page.keyboard.press("ArrowRight")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # 22 units with unfinished work: the 21 first go on over slides "(1/3)" ... "(3/3)"
        units = [t for t in titles if t.startswith("Chưa hoàn thành, theo đơn vị")]
        assert len(units) == 3 and units[-1].endswith("(3/3)"), titles
        assert any(t.startswith("Kết quả thực hiện kết luận kỳ trước") for t in titles)
    finally:
        context.close()
