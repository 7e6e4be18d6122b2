"""Acts of the briefings someone must answer: a notice submitted for approval tells the leaders
who may approve it (never the person who drafted or submitted it: they may not decide)."""

from __future__ import annotations

from django.urls import reverse

from giaoban.core.models import AuditEntry
from giaoban.notifications import recipients
from giaoban.notifications.acts import on_act
from giaoban.notifications.models import Kind
from giaoban.notifications.outbox import Spec


@on_act("meetings.notice.submitted")
def notice_submitted(entry: AuditEntry) -> list[Spec]:
    from giaoban.meetings.models import Notice

    notice = Notice.objects.select_related("committee").filter(pk=entry.object_id).first()
    if notice is None:
        return []
    # the request's authors (core.decisions: who asked, and the drafter) never decide on it
    approval = notice.approvals.filter(decision="pending").first()
    barred = {entry.actor_id, notice.created_by_id, *(approval.requester_ids() if approval else ())}
    who = recipients.leaders([notice.committee_id]).get(notice.committee_id, [])
    return [
        Spec(
            recipients=tuple(u for u in who if u not in barred),
            kind=Kind.NOTICE_TO_APPROVE,
            key=f"act:{entry.pk}",
            params={"title": notice.title[:300], "unit": notice.committee.display_name},
            url=reverse("meetings:notice", args=[notice.pk]),
            unit_id=notice.committee_id,
            object_type="meetings.notice",
            object_id=str(notice.pk),
        )
    ]
