"""Query counts of the list pages do not grow with the rows (no N+1)."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from giaoban.org.models import Unit, UnitKind
from giaoban.periods import Period
from giaoban.recommendations import services as rec_services
from giaoban.reports import services
from giaoban.reports.content import RawContent


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _grow(cast, period_type_number: int, n: int):
    for i in range(n):
        Unit.objects.create(
            kind=UnitKind.COMMUNE_COMMITTEE,
            name=f"Đảng ủy xã Thêm {period_type_number}-{i}",
            parent=cast.committee_a,
            sort_order=50 + i,
        )
    p = services.create_period(
        committee=cast.committee_a,
        period=Period.of_quarter(2026, period_type_number),
        user=cast.office_a,
    )
    return services.open_period(period=p, user=cast.office_a)


def test_period_page_and_lists(login, cast, period, report):
    office = login(cast.office_a)
    services.save_draft(
        report=report,
        user=cast.unit_a,
        raw=RawContent({"results": "x"}, [], [{"text": "Kinh phí"}], {}, {}),
    )
    services.submit_report(
        report=report, user=cast.unit_a, doc_number="1-BC", doc_date=date(2026, 3, 16)
    )
    small = _queries(office, f"/reports/periods/{period.pk}/")
    small_list = _queries(office, "/reports/")
    small_recs = _queries(office, "/recommendations/")
    small_ind = _queries(office, f"/reports/indicators/?period={period.pk}")
    big_period = _grow(cast, 2, 25)
    from giaoban.accounts.models import Membership, Role, User

    for i, unit in enumerate(Unit.objects.filter(name__startswith="Đảng ủy xã Thêm")[:8]):
        u = User.objects.create(username=f"xa_extra{i}")
        Membership.objects.create(user=u, unit=unit, role=Role.UNIT)
        r = services.start_report(period=big_period, unit=unit, user=u)
        services.submit_report(report=r, user=u, doc_number=f"{i}-BC", doc_date=date(2026, 3, 16))
        rec_services.raise_recommendation(unit=unit, user=u, text=f"Kiến nghị {i}")
    # the same pages with 29 expected units, 8 more reports, 8 more recommendations, 2 periods
    assert _queries(office, f"/reports/periods/{big_period.pk}/") == small
    assert _queries(office, "/reports/") == small_list
    assert _queries(office, "/recommendations/") == small_recs
    assert _queries(office, f"/reports/indicators/?period={big_period.pk}") == small_ind


def test_autosave_is_a_fixed_handful_of_queries_and_bumps_no_cached_figure(
    login, cast, period, report, monkeypatch
):
    """Autosave over HTMX: the session and the user, the scoped load, the lock (two columns), the
    form's indicators, the UPDATE and one audit row; the cached aggregates (dashboard, briefing
    review) are not invalidated by a draft, and plan items are read only when progress is typed."""
    from giaoban.core import cache

    bumps: list = []
    monkeypatch.setattr(cache, "bump", lambda unit_id=None: bumps.append(unit_id))
    client = login(cast.unit_a)
    url = f"/reports/r/{report.pk}/save/"
    body = {"section_results": "Lần 1", "indicator_DV01": "12", "next_task": ["Sơ kết"]}
    client.post(url, body, HTTP_HX_REQUEST="true")
    body["section_results"] = "Lần 2"
    with CaptureQueriesContext(connection) as ctx:
        assert client.post(url, body, HTTP_HX_REQUEST="true").status_code == 200
    sql = [q["sql"] for q in ctx.captured_queries]
    writes = [s for s in sql if s.startswith(("UPDATE", "INSERT", "DELETE"))]
    assert len(writes) == 2, writes  # the content, one audit row (the value did not change)
    assert not any("reports_planitem" in s for s in sql)
    assert len(sql) <= 11, "\n".join(sql)
    # the lock reads the report's row alone: a join (the default ordering) would lock the period's
    # and the units' rows as well, and every unit typing into the period would wait on them
    lock = next(s for s in sql if '"content" AS "content"' in s and '"state" AS "state"' in s)
    assert " JOIN " not in lock, lock
    indicators = next(s for s in sql if 'FROM "reports_indicator"' in s)
    assert '"org_unit"' not in indicators, indicators
    assert bumps == [], "a draft feeds no cached figure"
    # a submission still bumps: completeness and the dashboard change
    services.submit_report(
        report=report, user=cast.unit_a, doc_number="1-BC", doc_date=date(2026, 3, 16)
    )
    assert bumps
