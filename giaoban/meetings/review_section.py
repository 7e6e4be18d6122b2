"""The review section of a briefing's page, read for speed at national scale.

A held briefing: its figures are frozen in the ReviewSnapshot and never change, so their HTML is
rendered once per snapshot, language and viewer and kept; the page then reads the snapshot's
row without its data and one aggregate, "since the briefing: N more done" against the live state
(cached until a unit of the committee changes). The review is never recomputed.

A coming briefing: the HTML is kept at the committee's data version (every change to an
assignment bumps its unit's version and its ancestors'); only when a unit changed are the figures
read — the live review (review_live.py), which re-reads the changed units only — and rendered.
"""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.translation import get_language

from giaoban.core.cache import cached
from giaoban.core.permissions import scope_for
from giaoban.meetings.models import Meeting, ReviewSnapshot
from giaoban.meetings.review import ZERO, done_since, frozen_summary, units_and_rows
from giaoban.meetings.review_live import live_counts
from giaoban.tasks.status import STATUS_COLOURS, StatusClass

STATUS_ORDER = [c.value for c in StatusClass]


def _who(user: Any) -> str:
    scope = scope_for(user)
    return "all" if scope.is_overseer else "units-" + "-".join(map(str, sorted(scope.own_unit_ids)))


def _body(data: dict[str, Any], user: Any) -> str:
    from giaoban.meetings.presenting import visible_review

    return render_to_string(
        "meetings/_review_body.html",
        {
            "review": visible_review(data, user),
            "colours": STATUS_COLOURS,
            "status_order": STATUS_ORDER,
            "status_labels": {c.value: c.label for c in StatusClass},
        },
    )


def _frozen(snap: ReviewSnapshot, user: Any) -> tuple[dict[str, Any], str]:
    """(summary for "since the briefing", body HTML) of a snapshot, computed once: the data
    (a province's review is a few hundred kilobytes of JSON) is read only then."""
    key = f"giaoban:review-frozen:{snap.pk}:{get_language()}:{_who(user)}"
    timeout = settings.GIAOBAN_AGGREGATE_CACHE_SECONDS
    hit = cache.get(key) if timeout > 0 else None
    if hit is None:
        data = ReviewSnapshot.objects.values_list("data", flat=True).get(pk=snap.pk)
        hit = (frozen_summary(data), _body(data, user))
        if timeout > 0:
            cache.set(key, hit, timeout=timeout)
    return hit


def _live_view(meeting: Meeting) -> dict[str, Any]:
    """What the section shows of the live review, equal to its JSON (``build_review``) but with
    each notice's items as (number, text, no task, counts) read straight from the counts: the
    JSON's item dicts (thousands for a province) are never built for the page."""
    c = live_counts(meeting, meeting.date)
    f = c.frame
    spans: dict[int, tuple[int, int]] = {}
    start = 0
    for notice_id, group in groupby(f.items, key=itemgetter(1)):  # items in notice order
        n = sum(1 for _ in group)
        spans[notice_id] = (start, start + n)
        start += n
    items, by_item = f.items, c.by_item

    def rows(notice_id: int):
        a, b = spans.get(notice_id, (0, 0))
        for pk, _, number, _, text, no_task in items[a:b]:
            yield number, text, no_task, by_item.get(pk) or ZERO

    return {
        "as_of": meeting.date.isoformat(),
        "notices": [(number, title, rows(pk)) for pk, number, _, title in f.notices],
        "totals": c.totals,
        **units_and_rows(f, c.units, meeting.date),
    }


def review_section(meeting: Meeting, user: Any) -> str:
    """The HTML of the section "Kết quả thực hiện kết luận kỳ trước" of the meeting's page."""
    snap = ReviewSnapshot.objects.filter(meeting=meeting).defer("data").first()
    if snap is not None:
        summary, body = _frozen(snap, user)
        since = cached(
            f"review-since:{snap.pk}", lambda: done_since(summary), roots=[meeting.committee_id]
        )
        ctx = {"as_of": snap.as_of, "snapshot": snap, "since_done": since, "review_body": body}
        return render_to_string("meetings/_review.html", ctx)

    def render() -> str:
        data = _live_view(meeting)
        ctx = {"as_of": data["as_of"], "snapshot": None, "review_body": _body(data, user)}
        return render_to_string("meetings/_review.html", ctx)

    key = f"review-html:{meeting.pk}:{meeting.date.isoformat()}:{get_language()}:{_who(user)}"
    return cached(key, render, roots=[meeting.committee_id])
