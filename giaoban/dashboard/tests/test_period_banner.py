import time_machine


@time_machine.travel("2026-11-22 09:00 +0700", tick=False)
def test_dashboard_shows_current_period_and_report_due_date(cast, login):
    response = login(cast.office_a).get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    period = response.context["period"]
    assert period["label"] == "Quý IV/2026"
    assert (period["cutoff_start"].isoformat(), period["cutoff_end"].isoformat()) == (
        "2026-09-15",
        "2026-12-14",
    )
    # 14/12/2026 is a Monday: five working days later is Monday 21/12/2026
    assert period["due"].isoformat() == "2026-12-21"
    assert "21/12/2026" in response.content.decode()


@time_machine.travel("2026-11-22 09:00 +0700", tick=False)
def test_report_rules_follow_settings(cast, login, settings):
    settings.GIAOBAN_REPORT_DUE_WORKING_DAYS = 1
    response = login(cast.unit_a).get("/")
    assert response.context["period"]["due"].isoformat() == "2026-12-15"


def test_the_banner_says_what_the_figures_count(cast, login):
    """The period's data window is not the cards' window: the banner says so (all tasks, as of
    the reference date), so nobody reads all-time totals as the quarter's."""
    html = login(cast.office_a).get("/", {"as_of": "15/12/2026"}).content.decode()
    assert "chốt số liệu từ ngày" in html
    scope = html.split('id="figures-scope">')[1].split("</strong>")[0]
    assert "15/12/2026" in scope and "không riêng kỳ này" in scope
