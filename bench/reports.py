#!/usr/bin/env python3
"""Reporting benchmark: synthesis DOCX, completeness page, draft save (figures printed).

    nice -n 10 .venv/bin/python bench/reports.py --national            # the national demo data
    nice -n 10 .venv/bin/python bench/reports.py --national --assignments 3000000
    nice -n 10 .venv/bin/python bench/reports.py                       # 34 committees x 120 units
    .venv/bin/python bin/with-postgres .venv/bin/python bench/reports.py --national   # PostgreSQL
    nice -n 10 .venv/bin/python bench/reports.py --national --pg --reuse   # a kept cluster, reused

``--pg`` starts a private PostgreSQL cluster kept in var/bench-reports-pg (tuned as bench/load.py's,
stopped at the end, data kept); ``--reuse`` keeps the data already in the database when it holds
what the run measures (the national load takes ~12 minutes), instead of rebuilding it.

Data, in a fresh database (SQLite file under var/bench-reports/, or DATABASE_URL):

- ``--national``: ``giaoban demo --scale national`` (34 provinces of 99 units, ``--assignments``
  task assignments, six quarters of reports per province by bulk insert); measured as ``vp01``
  (office of the first province) on its last closed quarter, and ``xa01`` typing into its
  draft of the open quarter;
- default: ``--committees`` committees of ``--units`` units, one open quarter each with full
  reports (three text sections of ~1,500 characters, next tasks, a recommendation, four
  indicator values) from 90 % of the units; measured as the first committee's office user.

Then, in process, with Django's test client (full request: middleware, scope, template):
the synthesis DOCX of one committee (context + docxtpl render), GET of the period page with
its completeness table, and the autosave of one unit's draft (POST over HTMX): p50/p95 of
``--runs`` runs each, with the CPU time per request (the process's own, whatever the load).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "bin"))  # pgcluster: bench tooling, not shipped
PG_ROOT = os.path.join(ROOT, "var", "bench-reports-pg")
os.environ.setdefault("GIAOBAN_VAR_DIR", os.path.join(ROOT, "var", "bench-reports"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
os.environ.setdefault("GIAOBAN_INSTALLATION_KEY", "1")  # a throw-away key under var/bench-reports


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def build(committees: int, units: int) -> None:
    from datetime import date, datetime
    from datetime import time as dtime
    from decimal import Decimal

    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from giaoban.accounts.models import Membership, Role, User
    from giaoban.org.models import Unit, UnitKind
    from giaoban.periods import Period
    from giaoban.reports import services
    from giaoban.reports.models import (
        Accumulation,
        Indicator,
        IndicatorValue,
        ReportState,
        ReportVersion,
        UnitReport,
    )

    pw = make_password("bench-2026")
    text = (
        "Tham mưu Ban Thường vụ ban hành các văn bản chỉ đạo, hướng dẫn; theo dõi, đôn đốc thực hiện. "
        * 16
    )[:1500]
    tz = timezone.get_default_timezone()
    quarter = Period.of_quarter(2026, 1)
    for c in range(committees):
        committee = Unit.objects.create(kind=UnitKind.COMMITTEE, name=f"Tỉnh ủy Bench {c:02d}")
        office_unit = Unit.objects.create(
            kind=UnitKind.OFFICE,
            name=f"Văn phòng Tỉnh ủy Bench {c:02d}",
            parent=committee,
            sort_order=0,
        )
        Unit.objects.bulk_create(
            [
                Unit(
                    kind=UnitKind.COMMUNE_COMMITTEE,
                    name=f"Đảng ủy xã {c:02d}-{i:03d}",
                    parent=committee,
                    sort_order=i + 1,
                )
                for i in range(units - 1)
            ]
        )
        office = User.objects.create(username=f"vp{c:02d}", password=pw)
        Membership.objects.create(user=office, unit=office_unit, role=Role.OFFICE)
        if c == 0:
            first = Unit.objects.filter(parent=committee).exclude(pk=office_unit.pk).first()
            u = User.objects.create(username="xa00", password=pw)
            Membership.objects.create(user=u, unit=first, role=Role.UNIT)
        inds = [
            Indicator.objects.create(
                committee=committee,
                code=f"CT{k}",
                name=f"Chỉ tiêu {k}",
                measure="người",
                accumulation=Accumulation.PER_PERIOD,
            )
            for k in range(4)
        ]
        period = services.create_period(committee=committee, period=quarter, user=office)
        period.form.indicators.set(inds)
        period = services.open_period(period=period, user=office)
        reports = []
        sent = datetime.combine(date(2026, 3, 16), dtime(9, 0), tzinfo=tz)
        for i, unit in enumerate(Unit.objects.filter(parent=committee).order_by("sort_order")):
            if i % 10 == 9:
                continue
            content = {
                "sections": {
                    "results": text,
                    "shortcomings": text[:600],
                    "difficulties": text[:600],
                },
                "next_tasks": ["Sơ kết 6 tháng", "Kiểm tra chuyên đề"],
                "recommendations": [
                    {
                        "text": "Đề nghị bố trí kinh phí",
                        "addressed_to": "Thường trực",
                        "rec_id": None,
                    }
                ],
                "indicators": {f"CT{k}": str(k + i % 5) for k in range(4)},
                "plan_progress": {},
            }
            reports.append(
                UnitReport(
                    period=period,
                    unit=unit,
                    state=ReportState.ACCEPTED if i % 3 else ReportState.SUBMITTED,
                    content=content,
                    doc_number=f"{i}-BC/ĐU",
                    doc_date=date(2026, 3, 16),
                    first_submitted_at=sent,
                    submitted_at=sent,
                    late=i % 7 == 0,
                    version_count=1,
                    created_by=office,
                )
            )
        UnitReport.objects.bulk_create(reports)
        ReportVersion.objects.bulk_create(
            [
                ReportVersion(
                    report=r,
                    number=1,
                    content=r.content,
                    doc_number=r.doc_number,
                    doc_date=r.doc_date,
                    submitted_at=sent,
                    submitted_by=office,
                )
                for r in reports
            ]
        )
        IndicatorValue.objects.bulk_create(
            [
                IndicatorValue(report=r, indicator=ind, value=Decimal(k + 1))
                for r in reports
                for k, ind in enumerate(inds)
            ]
        )
        if c == 0:
            own = UnitReport.objects.get(period=period, unit=first)
            UnitReport.objects.filter(pk=own.pk).update(state=ReportState.DRAFT)


def timed(fn, runs: int) -> tuple[list[float], float]:
    """Wall times of ``runs`` calls, and the CPU time per call (ms) of this process."""
    cpu = time.process_time()
    times = []
    for i in range(runs):
        t = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - t)
    return times, (time.process_time() - cpu) / runs * 1000


def figures(label: str, times: list[float], cpu: float) -> None:
    print(
        f"{label}: p50 {statistics.median(times) * 1000:.1f} ms, "
        f"p95 {pct(times, 0.95) * 1000:.1f} ms, CPU {cpu:.1f} ms per request"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national", action="store_true", help="the national demo data")
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--assignments", type=int, default=300_000)
    parser.add_argument("--committees", type=int, default=34)
    parser.add_argument("--units", type=int, default=120)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--pg", action="store_true", help="a kept cluster in var/bench-reports-pg")
    parser.add_argument("--reuse", action="store_true", help="keep the data already loaded")
    args = parser.parse_args()
    os.makedirs(os.environ["GIAOBAN_VAR_DIR"], exist_ok=True)
    cluster = None
    if args.pg:
        from pgcluster import BENCH_SETTINGS, Cluster

        cluster = Cluster(PG_ROOT, BENCH_SETTINGS)
        os.environ["DATABASE_URL"] = cluster.start()
        print(f"PostgreSQL {cluster.version} on 127.0.0.1:{cluster.port} ({PG_ROOT})", flush=True)
    try:
        return run(args)
    finally:
        if cluster is not None:
            cluster.stop()


def loaded(national: bool) -> bool:
    """Whether the database already holds the data a run measures."""
    from giaoban.accounts.models import User
    from giaoban.reports.models import ReportingPeriod

    periods = ReportingPeriod.objects.all()
    if national:
        periods = periods.filter(committee__code="P01", state="closed")
    return (
        User.objects.filter(username="vp01" if national else "vp00").exists() and periods.exists()
    )


def run(args) -> int:
    if "DATABASE_URL" not in os.environ and not args.reuse:
        db = os.path.join(os.environ["GIAOBAN_VAR_DIR"], "giaoban.sqlite3")
        if os.path.exists(db):
            os.remove(db)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    # no setup_test_environment(): its template instrumentation (a copy of every context for
    # the test client) is not what a server does, and cost ~1-2 ms per page
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    reuse = args.reuse and loaded(args.national)
    if "DATABASE_URL" in os.environ and not reuse:
        call_command("flush", interactive=False, verbosity=0)
    t0 = time.perf_counter()
    if reuse:
        print(f"reusing the data already in the {connection.vendor} database")
    elif args.national:
        from giaoban.demo import build_national

        summary = build_national(
            provinces=args.provinces, min_assignments=args.assignments, progress=lambda m: None
        )
        print(f"built on {connection.vendor}: {summary} in {time.perf_counter() - t0:.0f} s")
    else:
        build(args.committees, args.units)
        print(
            f"built {args.committees} committees x {args.units} units on {connection.vendor} "
            f"in {time.perf_counter() - t0:.1f} s"
        )

    from giaoban.accounts.models import User
    from giaoban.reports.exports import render_synthesis
    from giaoban.reports.models import IndicatorValue, ReportingPeriod, UnitReport

    if args.national:
        office, clerk = "vp01", "xa01"
        period = (
            ReportingPeriod.objects.filter(committee__code="P01", state="closed")
            .order_by("-cutoff_end")
            .first()
        )
        draft = UnitReport.objects.get(
            state="draft", period__state="open", unit__memberships__user__username=clerk
        )
    else:
        office, clerk = "vp00", "xa00"
        period = ReportingPeriod.objects.order_by("id").first()
        draft = UnitReport.objects.get(period=period, state="draft")
    print(
        f"in the database: {ReportingPeriod.objects.count()} periods, "
        f"{UnitReport.objects.count():,} reports, {IndicatorValue.objects.count():,} values"
    )
    from giaoban.core.cache import bump

    sizes = []

    def synthesis(i, recount):
        if recount:  # a change in the committee since the last draft: the task counts are redone
            bump(period.committee_id)
        sizes.append(len(render_synthesis(period)))

    label = f"{period.expected.count()} units, {period.reports.count()} reports"
    times, cpu = timed(lambda i: synthesis(i, True), args.runs)
    figures(f"synthesis DOCX, {label}, after a change (tasks recounted)", times, cpu)
    times, cpu = timed(lambda i: synthesis(i, False), args.runs)
    figures(f"synthesis DOCX, {label}, {sizes[-1] // 1024} KB, no change since", times, cpu)

    client = Client()
    client.force_login(User.objects.get(username=office))
    url = f"/reports/periods/{period.pk}/"
    assert client.get(url).status_code == 200

    def page(i):
        assert client.get(url).status_code == 200

    times, cpu = timed(page, args.runs)
    figures(f"completeness page (GET {url}, {period.label}) as {office}", times, cpu)

    unit_client = Client()
    unit_client.force_login(User.objects.get(username=clerk))
    codes = list(draft.period.form.indicators.values_list("code", flat=True))
    body = {
        "section_results": "Kết quả " * 200,
        "section_shortcomings": "Hạn chế",
        "section_difficulties": "Khó khăn",
        "next_task": ["Sơ kết"],
        "rec_text": ["Kinh phí"],
        "rec_addressed_to": [""],
        "rec_id": [""],
        **{f"indicator_{code}": str(3 + k) for k, code in enumerate(codes)},
    }

    def save(i):
        body["section_results"] = f"Kết quả lần {i} " * 100
        r = unit_client.post(f"/reports/r/{draft.pk}/save/", body, HTTP_HX_REQUEST="true")
        assert r.status_code == 200, r.content[:300]

    save(-1)
    times, cpu = timed(save, args.runs)
    figures(f"draft autosave (POST over HTMX, {len(codes)} indicators) as {clerk}", times, cpu)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
