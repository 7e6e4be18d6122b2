"""The reporting and recommendation objects the permission matrix needs, and their URLs.

Used by ``giaoban/core/tests/test_permission_matrix.py``: ``prepare`` builds Alpha's open
Quý I/2026 with Ban Tổ chức A's report (a draft, or sent once with its signed file), an
issued synthesis, and a recommendation of Ban Tổ chức A (new, or answered)."""

from __future__ import annotations

import re
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from giaoban.periods import Period

STATES = {"report_submitted", "synthesis", "rec_answered", "plan_submitted"}


def prepare(cast, state: str, ids: dict) -> None:
    from giaoban.recommendations import services as rec_services
    from giaoban.reports import exports, services, services_plans
    from giaoban.reports.models import Indicator

    period = services.create_period(
        committee=cast.committee_a, period=Period.of_quarter(2026, 1), user=cast.office_a
    )
    period = services.open_period(period=period, user=cast.office_a)
    report = services.start_report(period=period, unit=cast.board_a, user=cast.unit_a)
    rec = rec_services.raise_recommendation(
        unit=cast.board_a, user=cast.unit_a, text="Bổ sung kinh phí"
    )
    if state == "report_submitted":
        upload = SimpleUploadedFile("bc.pdf", b"%PDF-1.4 x", content_type="application/pdf")
        services.submit_report(
            report=report,
            user=cast.unit_a,
            doc_number="1-BC/BTC",
            doc_date=date(2026, 3, 16),
            document=upload,
        )
    elif state == "synthesis":
        exports.issue_synthesis(period=period, user=cast.office_a)
    elif state == "rec_answered":
        rec_services.answer(rec=rec, user=cast.office_a, text="Đã bố trí")
    indicator = Indicator.objects.create(
        committee=cast.committee_a, code="DV01", name="Kết nạp đảng viên", measure="người"
    )
    plan = services_plans.create_plan(unit=cast.board_a, year=2026, user=cast.unit_a)
    item = services_plans.add_item(plan=plan, user=cast.unit_a, text="Đề án 1", quarter=1)
    if state == "plan_submitted":
        services_plans.submit_plan(plan=plan, user=cast.unit_a)
    ids.update(indicator=indicator.pk, plan=plan.pk, plan_item=item.pk)
    ids.update(
        period=period.pk,
        report=report.pk,
        rec=rec.pk,
        office_unit_a=cast.office_unit_a.pk,
        board_a=cast.board_a.pk,
    )


def page_url(route: str, ids: dict) -> str:
    def value(match: re.Match) -> str:
        name = match.group(1)
        if name == "pk":
            key = {
                "reports/periods/": "period",
                "reports/r/": "report",
                "reports/indicators/": "indicator",
                "reports/plans/": "plan",
                "recommendations/": "rec",
            }
            return str(next(ids[v] for k, v in key.items() if route.startswith(k)))
        return {
            "number": "1",
            "item_pk": str(ids.get("plan_item")),
            "unit_id": str(ids["unit"]),
            "committee_id": str(ids["committee_a"]),
            "period_type": "quarter",
        }[name]

    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", value, route)
