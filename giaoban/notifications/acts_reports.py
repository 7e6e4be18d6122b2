"""Acts of reporting someone must answer: a report returned (its unit's reporters send it
again), a recommendation raised (the office forwards or answers it) or forwarded (the board or
office it is forwarded to answers it). Written by ``acts`` in the act's own transaction."""

from __future__ import annotations

from django.urls import reverse

from giaoban.core.models import AuditEntry
from giaoban.notifications import recipients
from giaoban.notifications.acts import on_act
from giaoban.notifications.models import Kind
from giaoban.notifications.outbox import Spec


@on_act("reports.report.returned")
def report_returned(entry: AuditEntry) -> list[Spec]:
    from giaoban.reports.models import UnitReport

    report = UnitReport.objects.select_related("period", "unit").filter(pk=entry.object_id).first()
    if report is None:
        return []
    who = recipients.unit_staff([report.unit_id]).get(report.unit_id, [])
    return [
        Spec(
            recipients=tuple(who),
            kind=Kind.REPORT_RETURNED,
            key=f"act:{entry.pk}",
            params={
                "unit": report.unit.display_name,
                "title": report.period.label,
                "reason": report.return_reason[:300],
                "deadline": report.period.due_date.isoformat(),
            },
            url=reverse("reports:report", args=[report.pk]),
            unit_id=report.unit_id,
            object_type="reports.unitreport",
            object_id=str(report.pk),
        )
    ]


def _recommendation_spec(entry: AuditEntry, *, forwarded: bool) -> list[Spec]:
    from giaoban.recommendations.models import Recommendation

    rec = (
        Recommendation.objects.select_related("unit", "forwarded_to")
        .filter(pk=entry.object_id)
        .first()
    )
    if rec is None or not rec.is_open:
        return []
    if forwarded and rec.forwarded_to_id:
        who = recipients.members([rec.forwarded_to_id], exclude_units=[rec.unit_id]).get(
            rec.forwarded_to_id, []
        )
    else:
        who = recipients.office_staff([rec.committee_id]).get(rec.committee_id, [])
    return [
        Spec(
            recipients=tuple(u for u in who if u != rec.created_by_id),
            kind=Kind.RECOMMENDATION_TO_ANSWER,
            key=f"act:{entry.pk}",
            params={
                "unit": rec.unit.display_name,
                "text": rec.text[:200],
                "deadline": rec.response_deadline.isoformat() if rec.response_deadline else None,
            },
            url=reverse("recommendations:detail", args=[rec.pk]),
            unit_id=rec.unit_id,
            object_type="recommendations.recommendation",
            object_id=str(rec.pk),
        )
    ]


@on_act("recommendations.raised")
def recommendation_raised(entry: AuditEntry) -> list[Spec]:
    return _recommendation_spec(entry, forwarded=False)


@on_act("recommendations.forwarded")
def recommendation_forwarded(entry: AuditEntry) -> list[Spec]:
    return _recommendation_spec(entry, forwarded=True)
