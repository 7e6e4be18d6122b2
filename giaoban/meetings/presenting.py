"""What a meeting's page, its presentation mode and its API show (read side, fixed queries)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from giaoban.core.permissions import scope_for
from giaoban.documents import pdf_unavailable_reason
from giaoban.meetings.models import Meeting, Minutes, Notice, Part
from giaoban.meetings.review import build_review, frozen_summary, item_rollup, notice_rollup
from giaoban.meetings.review_section import frozen_since
from giaoban.tasks.status import STATUS_COLOURS, STATUS_HEX, StatusClass

STATUS_ORDER = [c.value for c in StatusClass]


def _review_for(meeting: Meeting, user: Any, *, since: bool = False) -> dict[str, Any]:
    """The review's figures for the presentation and the API; ``since``: also "since the
    briefing: N more done" of a held meeting (the API's; the presentation shows what the meeting
    was told)."""
    # a missing one-to-one raises RelatedObjectDoesNotExist, an AttributeError
    snap = getattr(meeting, "snapshot", None)
    if snap is not None:
        data, frozen = snap.data, snap
    else:
        data, frozen = build_review(meeting, as_of=meeting.date), None
    # the office's count reads the stored rendering's summary (with the reviewed tasks); a unit
    # user's, the snapshot's figures already read here
    summary = None
    if frozen is not None and since and not scope_for(user).is_overseer:
        summary = frozen_summary(data)
    data = visible_review(data, user)
    return {
        "review": data,
        "snapshot": frozen,
        "since_done": (
            frozen_since(meeting, frozen, user, summary) if frozen is not None and since else None
        ),
        "chart": {
            "labels": [str(StatusClass(c).label) for c in STATUS_ORDER],
            "values": [data["totals"].get(c, 0) for c in STATUS_ORDER],
            "colours": [STATUS_HEX[StatusClass(c)] for c in STATUS_ORDER],
        },
    }


def visible_review(data: dict[str, Any], user: Any | None) -> dict[str, Any]:
    """The review as ``user`` may see it: unit staff see the figures, and only their own units'
    unfinished rows."""
    scope = scope_for(user) if user is not None else None
    if scope is None or scope.is_overseer:
        return data
    mine = scope.own_unit_ids
    return {**data, "by_unit": [u for u in data["by_unit"] if u["unit_id"] in mine], "overdue": []}


def notices_with_rollup(notices: list[Notice], ref) -> list[dict[str, Any]]:
    ids = [n.pk for n in notices]
    per_item = item_rollup(ids, ref)
    out = []
    for n in notices:
        items = list(n.items.all())
        counts = {i.pk: per_item[i.pk] for i in items if i.pk in per_item}
        out.append(
            {
                "notice": n,
                "items": [(i, per_item.get(i.pk)) for i in items],
                "counts": notice_rollup(counts),
            }
        )
    return out


def meeting_context(
    meeting: Meeting | None, *, user: Any | None = None, review: bool = True
) -> dict[str, Any]:
    """What the meeting's pages show; ``review=False`` leaves the review out (the meeting page
    renders it through ``review_section``, which reads the figures only when its cached HTML is
    stale)."""
    if meeting is None:
        return {"initial": {}}
    participants = list(meeting.participants.select_related("unit", "user"))
    agenda = list(meeting.agenda.all())
    points = list(meeting.connection_points.select_related("unit"))
    initial = {
        "participants": [
            {
                "part": p.part,
                "unit": p.unit,
                "name": p.name,
                "title": p.title,
                "absence_reason": p.absence_reason,
            }
            for p in participants
        ],
        "agenda": [{"kind": a.kind, "title": a.title, "presenter": a.presenter} for a in agenda],
        "points": [
            {"name": c.name, "unit": c.unit, "attendance": c.attendance, "connected": c.connected}
            for c in points
        ],
    }
    if user is None:
        return {"initial": initial}
    scope = scope_for(user)
    notices = list(
        Notice.objects.filter(meeting=meeting).prefetch_related("items").order_by("doc_date", "id")
    )
    if not scope.is_overseer:
        notices = list(
            Notice.objects.for_user(user)
            .filter(pk__in=[n.pk for n in notices])
            .prefetch_related("items")
        )
    minutes = list(
        Minutes.objects.filter(meeting=meeting)
        .select_related("signed_by")
        .order_by("created_at", "id")
    )
    ctx: dict[str, Any] = {
        "meeting": meeting,
        "initial": initial,
        "chairs": [p for p in participants if p.part == Part.CHAIR],
        "participants": [p for p in participants if p.part != Part.CHAIR],
        "agenda": agenda,
        "points": points,
        "attendance": sum(c.attendance or 0 for c in points),
        "minutes": minutes,
        "main_minutes": next((m for m in minutes if m.supplements_id is None), None),
        # participants read the meeting's papers too (the download goes through the same scope)
        "files": list(meeting.files.all()),
        "pdf_reason": pdf_unavailable_reason(),
        "notices": notices_with_rollup(notices, timezone.localdate()),
        "can_record": meeting.committee_id in scope.office_unit_ids,
        "colours": STATUS_COLOURS,
        "status_order": STATUS_ORDER,
        "status_labels": {c.value: c.label for c in StatusClass},
    }
    if review:
        ctx.update(_review_for(meeting, user))
    return ctx
