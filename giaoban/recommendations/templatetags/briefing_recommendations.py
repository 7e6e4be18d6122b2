"""The briefing agenda's list of recommendations: ``{% briefing_recommendations meeting %}``.

Used by ``recommendations/_briefing_agenda.html`` (included in the meeting page's agenda). A
briefing (giao ban) shows the recommendations raised to its committee since the previous
briefing of that committee (all open ones when it is the first) up to its own date, with their
answers: ``queries.for_briefing``. The office and the leaders of the committee see them all;
anyone else who reaches the meeting sees only those the register shows them.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from giaoban.core.permissions import scope_for
from giaoban.recommendations import queries
from giaoban.recommendations.permissions import recommendations_for

register = template.Library()

BRIEFING_KIND = "giao_ban"


def agenda_recommendations(meeting: Any, user: Any) -> dict[str, Any]:
    """``{"shown", "since", "recs", "older"}`` for the meeting page; two or three queries.
    ``recs`` were raised since the last briefing; ``older`` were raised before it and are still
    unanswered (listed apart, so the heading "since …" is true of every line under it)."""
    if getattr(meeting, "kind", None) != BRIEFING_KIND:
        return {"shown": False, "since": None, "recs": [], "older": []}
    previous = (
        type(meeting)
        .objects.filter(
            committee_id=meeting.committee_id,
            kind=BRIEFING_KIND,
            starts_at__lt=meeting.starts_at,
        )
        .order_by("-starts_at")
        .values_list("starts_at", flat=True)
        .first()
    )
    since = timezone.localtime(previous).date() if previous else None
    until = timezone.localtime(meeting.starts_at).date()
    recs = queries.for_briefing(meeting.committee_id, since=since, until=until)
    scope = scope_for(user)
    reach = scope.office_committee_ids | scope.leader_unit_ids
    if recs and not scope.is_admin and meeting.committee_id not in reach:
        visible = set(
            recommendations_for(user)
            .filter(pk__in=[r.pk for r in recs])
            .values_list("pk", flat=True)
        )
        recs = [r for r in recs if r.pk in visible]
    older = [r for r in recs if since is not None and r.raised_on <= since]
    recs = [r for r in recs if since is None or r.raised_on > since]
    return {"shown": True, "since": since, "recs": recs, "older": older}


@register.simple_tag(takes_context=True)
def briefing_recommendations(context: template.Context, meeting: Any) -> dict[str, Any]:
    return agenda_recommendations(meeting, context["request"].user)
