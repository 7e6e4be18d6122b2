"""Demo data of reporting: six quarters of a province's reports, indicators, plans, recommendations.

The bloc units (boards, office, newspaper, …) report through the services, as a clerk would,
so versions, recommendations and the audit are real; their timestamps are then moved back to
the quarter they belong to. The commune committees' reports are written by bulk insert (no
audit, like the national scale data). Most arrive on time, some late, a few never; Ban Tổ
chức's Quý III report was returned once and sent again; some indicators lag.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from giaoban.accounts.models import Membership, Role, User
from giaoban.org.models import Unit, UnitKind
from giaoban.periods import Period, default_calendar
from giaoban.recommendations import services as rec_services
from giaoban.recommendations.models import Recommendation
from giaoban.reports import services, services_plans
from giaoban.reports.content import RawContent
from giaoban.reports.demo_texts import DIFFICULTIES, NEXT, RECS, RESULTS, SHORTCOMINGS
from giaoban.reports.models import (
    Accumulation,
    Direction,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    PlanItem,
    ReportingPeriod,
    ReportState,
    ReportVersion,
    UnitReport,
    WorkPlan,
)
from giaoban.reports.symbols import report_number

TZ = timezone.get_default_timezone()
#: index (in the six quarters) of the last closed one: Ban Tổ chức's report is returned and sent again
RETURNED_QUARTER = 4


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour, 15), tzinfo=TZ)  # a working-hours time of that day


def _quarters(today: date) -> list[Period]:
    """Six quarters from Quý III/2025 (the first after the 2025 reform) to the current one."""
    current = Period.for_date(today, "quarter")
    out = [current]
    while len(out) < 6 and out[-1].previous().first_day >= date(2025, 7, 1):
        out.append(out[-1].previous())
    return list(reversed(out))


def _indicators(
    committee: Unit, office: User, bloc: dict[str, Unit], communes: list[Unit], years: set[int]
):
    specs = [
        ("DV01", "Kết nạp đảng viên mới", "người", Direction.HIGHER, Accumulation.PER_PERIOD, None),
        (
            "KT01",
            "Cuộc kiểm tra, giám sát đã thực hiện",
            "cuộc",
            Direction.HIGHER,
            Accumulation.PER_PERIOD,
            None,
        ),
        (
            "TG01",
            "Tỷ lệ đảng viên được học tập, quán triệt nghị quyết",
            "%",
            Direction.HIGHER,
            Accumulation.RATIO,
            Decimal(100),
        ),
        (
            "DT01",
            "Đơn thư tồn đọng chưa giải quyết",
            "đơn",
            Direction.LOWER,
            Accumulation.CUMULATIVE,
            None,
        ),
    ]
    out = {}
    for order, (code, name, measure, direction, acc, top) in enumerate(specs, start=1):
        out[code] = services_plans.save_indicator(
            committee=committee,
            user=office,
            code=code,
            name=name,
            measure=measure,
            direction=direction,
            accumulation=acc,
            min_value=Decimal(0),
            max_value=top,
            sort_order=order,
        )
    for year in sorted(years):
        # the communes' targets by bulk insert (the office sets them from a table in real life)
        IndicatorTarget.objects.bulk_create(
            [
                IndicatorTarget(indicator=out["DV01"], year=year, unit=u, target=Decimal(12))
                for u in communes
            ]
            + [
                IndicatorTarget(indicator=out["TG01"], year=year, unit=u, target=Decimal(95))
                for u in communes
            ]
        )
        services_plans.set_target(
            indicator=out["KT01"], user=office, year=year, unit=bloc["ubkt"], target=Decimal(40)
        )
        services_plans.set_target(
            indicator=out["DT01"], user=office, year=year, unit=bloc["ubkt"], target=Decimal(5)
        )
        services_plans.set_target(
            indicator=out["DT01"],
            user=office,
            year=year,
            unit=bloc["bannoichinh"],
            target=Decimal(8),
        )
    return out


def _plans(office: User, bloc: dict[str, Unit], users: dict[str, User], year: int) -> None:
    texts = [
        (
            "Tham mưu tổng kết, sơ kết các nghị quyết, chỉ thị theo chương trình",
            "Báo cáo trình BTV",
            3,
            False,
        ),
        ("Kiểm tra, giám sát chuyên đề theo kế hoạch", "Số cuộc theo kế hoạch", 2, False),
        ("Chuyển đổi số trong hoạt động của đơn vị", "100% văn bản điện tử", 2, True),
        ("Hướng dẫn, đôn đốc cấp ủy cơ sở thực hiện nhiệm vụ", "Văn bản hướng dẫn", 1, False),
    ]
    for username in ("bantochuc", "bantuyengiao", "ubkt", "bannoichinh"):
        unit, user = bloc[username], users[username]
        plan = services_plans.create_plan(unit=unit, year=year, user=user)
        for quarter in (1, 2, 3, 4):
            for text, kr, weight, breakthrough in texts[: 2 + quarter % 3]:
                services_plans.add_item(
                    plan=plan,
                    user=user,
                    text=f"{text} (quý {quarter})",
                    quarter=quarter,
                    key_result=kr,
                    weight=weight,
                    breakthrough=breakthrough,
                )
        services_plans.submit_plan(plan=plan, user=user)
        services_plans.decide_plan(plan=plan, user=office, approve=True)
        WorkPlan.objects.filter(pk=plan.pk).update(
            submitted_at=_at(date(year - 1, 11, 25)), approved_at=_at(date(year - 1, 12, 20))
        )
    plan = services_plans.create_plan(
        unit=bloc["bantochuc"], year=year + 1, user=users["bantochuc"]
    )
    services_plans.add_item(
        plan=plan,
        user=users["bantochuc"],
        text="Xây dựng đề án kiện toàn tổ chức bộ máy",
        quarter=1,
        weight=3,
    )
    services_plans.submit_plan(plan=plan, user=users["bantochuc"])


def _content(rng: random.Random, unit: Unit, period: Period, with_recs: bool) -> RawContent:
    recs = []
    if with_recs:
        text, to = rng.choice(RECS)
        recs.append({"text": text, "addressed_to": to})
    return RawContent(
        sections={
            "results": "\n".join(r.format(n=rng.randint(2, 9)) for r in rng.sample(RESULTS, 2))
            + f" ({period.label})",
            "shortcomings": rng.choice(SHORTCOMINGS),
            "difficulties": rng.choice(DIFFICULTIES),
        },
        next_tasks=rng.sample(NEXT, 2),
        recommendations=recs,
        indicators={},
        plan_progress={},
    )


def _values(rng: random.Random, unit: Unit, q: int, lag: bool) -> dict[str, str]:
    if unit.kind == UnitKind.COMMUNE_COMMITTEE:
        return {
            "DV01": str(rng.randint(0, 2) if lag else rng.randint(3, 5)),
            "TG01": str(rng.randint(80, 90) if lag else rng.randint(93, 100)),
        }
    if unit.short_name == "UBKT":
        return {"KT01": str(rng.randint(6, 8)), "DT01": str(max(0, 9 - 2 * q))}
    if unit.short_name == "Ban Nội chính":
        return {"DT01": str(6 - q)}
    return {}


@transaction.atomic
def build_reports(*, committee: Unit, seed: int = 2026, today: date | None = None) -> str:
    """Reporting demo for a province built by ``giaoban.demo`` (office 'vanphong', unit users by login)."""
    rng = random.Random(seed)
    today = today or timezone.localdate()
    office = User.objects.get(memberships__role=Role.OFFICE, memberships__unit__parent=committee)
    users = {
        m.user.username: m.user
        for m in Membership.objects.filter(role=Role.UNIT, unit__parent=committee).select_related(
            "user", "unit"
        )
    }
    bloc = {
        u: m.unit
        for u, m in (
            (m.user.username, m)
            for m in Membership.objects.filter(
                role=Role.UNIT, unit__parent=committee
            ).select_related("unit", "user")
        )
        if m.unit.kind != UnitKind.COMMUNE_COMMITTEE
    }
    bloc_users = {
        m.unit_id: m.user
        for m in Membership.objects.filter(role=Role.UNIT, unit__in=bloc.values()).select_related(
            "user"
        )
    }
    communes = list(
        Unit.objects.filter(parent=committee, kind=UnitKind.COMMUNE_COMMITTEE).order_by(
            "sort_order"
        )
    )
    quarters = _quarters(today)
    indicators = _indicators(committee, office, bloc, communes, {p.year for p in quarters})
    _plans(office, bloc, users, max(p.year for p in quarters))
    n_reports = 0
    for index, quarter in enumerate(quarters):
        current = index == len(quarters) - 1
        period = services.create_period(committee=committee, period=quarter, user=office)
        period.form.indicators.set(indicators.values())
        period = services.open_period(period=period, user=office)
        n_reports += _bloc_reports(rng, period, quarter, bloc_users, office, current, index, today)
        n_reports += _commune_reports(rng, period, quarter, communes, users, current)
        if not current:
            period = services.close_period(period=period, user=office)
            ReportingPeriod.objects.filter(pk=period.pk).update(
                opened_at=_at(period.cutoff_end - timedelta(days=10)),
                closed_at=_at(period.due_date + timedelta(days=12)),
            )
    _recommendation_states(committee, office, today)
    return f"{len(quarters)} reporting periods, {n_reports} unit reports, {Recommendation.objects.filter(committee=committee).count()} recommendations"


def _sent_day(rng: random.Random, period: ReportingPeriod, roll: float) -> date:
    cal = default_calendar()
    if roll < 0.8:
        return (
            cal.add_working_days(period.cutoff_end, rng.randint(0, 4))
            if rng.random() < 0.7
            else period.cutoff_end - timedelta(days=rng.randint(0, 3))
        )
    return period.due_date + timedelta(days=rng.randint(1, 6))


def _backdate(report: UnitReport, sent: date, due: date) -> None:
    when = _at(sent, 8 + report.pk % 9)
    UnitReport.objects.filter(pk=report.pk).update(
        first_submitted_at=when, submitted_at=when, late=sent > due
    )
    ReportVersion.objects.filter(report=report).update(submitted_at=when)
    Recommendation.objects.filter(report=report).update(
        raised_on=sent, response_deadline=rec_services.default_deadline(sent)
    )


def _bloc_reports(rng, period, quarter, bloc_users, office, current, index, today) -> int:
    n = 0
    office_units = set(office.memberships.values_list("unit_id", flat=True))
    plan_items = {
        p.unit_id: list(
            PlanItem.objects.filter(
                plan__unit_id=p.unit_id, plan__year=quarter.year, quarter=quarter.number
            )
        )
        for p in WorkPlan.objects.filter(year=quarter.year)
    }
    for unit_id, user in bloc_users.items():
        unit = Unit.objects.get(pk=unit_id)
        roll = rng.random()
        if current and roll > 0.35:
            if roll < 0.7:
                report = services.start_report(period=period, unit=unit, user=user)
                services.save_draft(
                    report=report, user=user, raw=_content(rng, unit, quarter, False)
                )
                n += 1
            continue
        if not current and roll > 0.93 and unit.short_name != "Ban Tổ chức":
            continue  # missing
        report = services.start_report(period=period, unit=unit, user=user)
        raw = _content(
            rng,
            unit,
            quarter,
            with_recs=rng.random() < 0.4 or unit.short_name in ("Ban TG&DV", "Báo và PT-TH"),
        )
        raw.indicators = _values(rng, unit, quarter.number or 4, lag=False)
        raw.plan_progress = {
            str(i.pk): str(rng.choice([60, 80, 100, 100])) for i in plan_items.get(unit_id, [])
        }
        services.save_draft(report=report, user=user, raw=raw)
        sent = min(_sent_day(rng, period, roll if not current else 0.1), today)
        services.submit_report(
            report=report,
            user=user,
            doc_number=report_number(rng.randint(100, 400), unit.name, period.committee.name),
            doc_date=sent,
        )
        _backdate(report, sent, period.due_date)
        last_closed = index == RETURNED_QUARTER
        if not current and unit.short_name == "Ban Tổ chức" and last_closed:
            services.return_report(
                report=report,
                user=office,
                reason="Đề nghị bổ sung số liệu kết nạp đảng viên và đánh giá nguyên nhân hạn chế.",
            )
            raw.sections["results"] += (
                "\nBổ sung: kết nạp 1.245 đảng viên mới trong 9 tháng, đạt 83% kế hoạch năm."
            )
            raw.recommendations = report.content.get("recommendations", [])
            services.save_draft(report=report, user=user, raw=raw)
            services.submit_report(
                report=report,
                user=user,
                doc_number=report_number(rng.randint(401, 450), unit.name, period.committee.name),
                doc_date=sent + timedelta(days=3),
            )
            ReportVersion.objects.filter(report=report, number=2).update(
                submitted_at=_at(sent + timedelta(days=3), 15)
            )
        if unit_id in office_units:
            n += 1
            continue  # the Office's own report waits for another clerk: nobody decides their own
        if not current and not (last_closed and roll > 0.6 and unit.short_name != "Ban Tổ chức"):
            services.accept_report(
                report=report, user=office
            )  # a few of the last quarter still wait
        n += 1
    return n


def _commune_reports(rng, period, quarter, communes, users, current) -> int:
    """Bulk rows for the communes: ~80 % on time, ~12 % late, the rest missing (none yet in the open quarter)."""
    if current:
        return 0
    office_user = (
        User.objects.filter(memberships__unit__in=communes[:1]).first()
        or User.objects.filter(is_superuser=True).first()
    )
    reports, versions, values = [], [], []
    decider = User.objects.get(
        memberships__role=Role.OFFICE, memberships__unit__parent=period.committee
    )
    indicators = {
        i.code: i
        for i in Indicator.objects.filter(committee=period.committee, code__in=["DV01", "TG01"])
    }
    for unit in communes:
        roll = rng.random()
        if roll > 0.92:
            continue
        sent = _sent_day(rng, period, roll)
        when = _at(sent, 7 + unit.pk % 10)
        vals = _values(rng, unit, quarter.number or 4, lag=unit.sort_order % 7 == 0)
        content = {
            "sections": {
                "results": f"{unit.name} hoàn thành các nhiệm vụ trọng tâm {quarter.label}.",
                "shortcomings": rng.choice(SHORTCOMINGS),
                "difficulties": rng.choice(DIFFICULTIES),
            },
            "next_tasks": rng.sample(NEXT, 1),
            "recommendations": [],
            "indicators": vals,
            "plan_progress": {},
        }
        reports.append(
            UnitReport(
                period=period,
                unit=unit,
                state=ReportState.ACCEPTED,
                content=content,
                doc_number=report_number(rng.randint(10, 99), unit.name, period.committee.name),
                doc_date=sent,
                first_submitted_at=when,
                submitted_at=when,
                late=sent > period.due_date,
                version_count=1,
                created_by=office_user,
            )
        )
    UnitReport.objects.bulk_create(reports)
    for r in reports:
        versions.append(
            ReportVersion(
                report=r,
                number=1,
                content=r.content,
                doc_number=r.doc_number,
                doc_date=r.doc_date,
                submitted_at=r.first_submitted_at,
                submitted_by=office_user,
                decision="approved",
                decided_by=decider,
                decided_at=r.first_submitted_at + timedelta(days=2),
            )
        )
        for code, v in r.content["indicators"].items():
            values.append(IndicatorValue(report=r, indicator=indicators[code], value=Decimal(v)))
    ReportVersion.objects.bulk_create(versions)
    IndicatorValue.objects.bulk_create(values)
    return len(reports)


def _recommendation_states(committee: Unit, office: User, today: date) -> None:
    """Move the raised recommendations through every state; the newest stay new."""
    recs = list(Recommendation.objects.filter(committee=committee).order_by("raised_on", "id"))
    leader = User.objects.filter(memberships__role=Role.LEADER, memberships__unit=committee).first()
    boards = list(
        Unit.objects.filter(parent=committee, kind__in=[UnitKind.OFFICE, UnitKind.BOARD]).order_by(
            "sort_order"
        )
    )
    for i, rec in enumerate(recs):
        age = (today - rec.raised_on).days
        target = next((b for b in boards if b.pk != rec.unit_id), boards[0])
        if age < 20 or i >= len(recs) - 2:
            continue  # new
        rec_services.forward(rec=rec, user=office, to_unit=target)
        if i % 5 == 4:
            continue  # forwarded, and overdue when its deadline has passed
        rec_services.answer(
            rec=rec,
            user=leader or office,
            text="Thường trực Tỉnh ủy ghi nhận; giao Văn phòng Tỉnh ủy phối hợp các cơ quan liên quan bố trí trong dự toán năm sau.",
        )
        Recommendation.objects.filter(pk=rec.pk).update(
            answered_on=min(today, rec.raised_on + timedelta(days=12))
        )
        if age > 120:
            rec_services.close(rec=rec, user=office)


def build(demo) -> None:
    """The demo extension point (``giaoban.demo.PROVINCE_BUILDERS``)."""
    demo.summary.append(
        build_reports(committee=demo.committee, seed=demo.rng.randint(1, 10**6), today=demo.today)
    )
