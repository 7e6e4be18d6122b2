"""The review section of a briefing's page, read for speed at national scale.

A held briefing: its figures are frozen in the ReviewSnapshot and never change, so neither does
their HTML. The office's view (every unit's rows) is rendered when the review is frozen, in each
language, and stored in the database (``ReviewRendering``): even with the cache empty the page
reads the snapshot's row without its data, that rendering, and one aggregate, "since the
briefing: N more done" against the live state (over the reviewed tasks, whose ids the rendering
keeps; cached until a unit of the committee changes). A unit user's view (only the user's units'
rows, ``presenting.visible_review``) is rendered from the snapshot's data and cached. The review
is never recomputed.

A coming briefing: the HTML is kept at the committee's data version (every change to an
assignment bumps its unit's version and its ancestors'); only when a unit changed are the figures
read — the live review (review_live.py), which re-reads the changed units only — and rendered.
"""

from __future__ import annotations

from datetime import date
from itertools import groupby
from operator import itemgetter
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from giaoban.core.cache import cached
from giaoban.core.permissions import scope_for
from giaoban.meetings.models import Meeting, ReviewRendering, ReviewSnapshot
from giaoban.meetings.review import _item_tasks, frozen_summary, units_and_rows
from giaoban.meetings.review_live import Counts, live_counts
from giaoban.meetings.review_since import since_done
from giaoban.meetings.templatetags.meetings import notice_table
from giaoban.tasks.status import STATUS_COLOURS, StatusClass

STATUS_ORDER = [c.value for c in StatusClass]
#: the renderer of the stored HTML of a frozen review: raise it when the section's templates or
#: tags change, and every stored rendering is made again on its next read
RENDER_VERSION = 1
#: a stored rendering never goes stale; the cache in front of it saves the page one query
FROZEN_CACHE_SECONDS = 24 * 3600


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


def _frozen_summary(data: dict[str, Any]) -> dict[str, Any]:
    """``review.frozen_summary`` with the reviewed tasks' ids (those given by the review's date,
    as ``review._item_tasks`` reads them at a past date): "since the briefing" counts their
    assignments directly instead of finding them again through the notices' items."""
    summary = frozen_summary(data)
    ids = summary["notice_ids"]
    as_of = date.fromisoformat(summary["as_of"])
    summary["task_ids"] = sorted(
        _item_tasks(ids, as_of)
        .filter(task__created_on__lte=as_of)
        .values_list("task_id", flat=True)
        if ids
        else []
    )
    return summary


def render_frozen(
    snap: ReviewSnapshot, language: str, data: dict[str, Any] | None = None
) -> tuple[dict[str, Any], str]:
    """Render the office's view of a frozen review in ``language`` and store it (the snapshot's
    ``data`` is read unless given). Called when the review is frozen, and on a read that finds
    no rendering of the current ``RENDER_VERSION``."""
    if data is None:
        data = ReviewSnapshot.objects.values_list("data", flat=True).get(pk=snap.pk)
    with translation.override(language):
        html = _body(data, None)
    summary = _frozen_summary(data)
    values = {"version": RENDER_VERSION, "summary": summary, "html": html}
    try:
        with transaction.atomic():
            ReviewRendering.objects.update_or_create(
                snapshot_id=snap.pk, language=language, defaults=values
            )
    except IntegrityError:  # rendered at the same time by another request: the same HTML
        pass
    return summary, html


def _stored(snap: ReviewSnapshot) -> tuple[dict[str, Any], str]:
    """(summary, HTML) of the office's view: the cache, else the stored rendering (one query),
    else rendered now and stored."""
    language = get_language() or settings.LANGUAGE_CODE
    key = f"giaoban:review-frozen:{snap.pk}:{language}:v{RENDER_VERSION}"
    hit = cache.get(key)
    if hit is not None:
        return hit
    row = (
        ReviewRendering.objects.filter(snapshot_id=snap.pk, language=language)
        .values_list("version", "summary", "html")
        .first()
    )
    # the stored HTML is the template's output (every value escaped when it was rendered)
    hit = (row[1], mark_safe(row[2])) if row is not None and row[0] == RENDER_VERSION else None
    if hit is None:
        hit = render_frozen(snap, language)
    cache.set(key, hit, timeout=FROZEN_CACHE_SECONDS)
    return hit


def _frozen(snap: ReviewSnapshot, user: Any) -> tuple[dict[str, Any], str]:
    """(summary for "since the briefing", body HTML) of a snapshot as ``user`` may see it."""
    who = _who(user)
    if who == "all":
        return _stored(snap)
    # a unit user: only the user's units' rows, rendered from the data (read only then)
    key = f"giaoban:review-frozen:{snap.pk}:{get_language()}:{who}"
    timeout = settings.GIAOBAN_AGGREGATE_CACHE_SECONDS
    hit = cache.get(key) if timeout > 0 else None
    if hit is None:
        data = ReviewSnapshot.objects.values_list("data", flat=True).get(pk=snap.pk)
        hit = (frozen_summary(data), _body(data, user))
        if timeout > 0:
            cache.set(key, hit, timeout=timeout)
    return hit


#: item tables kept per frame and process (``LiveNotices``): a change in one unit changes the
#: figures of a few notices, and the other four hundred tables of a province are the same
MAX_TABLES = 1000  # ~1.5 kB each: a province's 421 notices in two languages, and their changes


class LiveNotices:
    """The reviewed notices of the live review, for the page: each notice's item table is a
    function of the notice (its number, title and items, fixed while its frame is), the labels
    and its items' figures, so it is kept with the frame (``Frame.memo``), by those figures,
    and only a notice whose figures moved is rendered again."""

    def __init__(self, counts: Counts) -> None:
        self.frame, self.table = counts.frame, counts.table

    def __len__(self) -> int:
        return len(self.frame.notices)

    def _spans(self) -> list[tuple[int, int]]:
        """Each notice's rows in the table (its items, in the frame's order)."""
        memo = self.frame.memo if self.frame.memo is not None else {}
        spans = memo.get("spans")
        if spans is None:
            where: dict[int, tuple[int, int]] = {}
            start = 0
            for notice_id, group in groupby(self.frame.items, key=itemgetter(1)):
                n = sum(1 for _ in group)
                where[notice_id] = (start, start + n)
                start += n
            spans = memo["spans"] = [where.get(n[0], (0, 0)) for n in self.frame.notices]
        return spans

    def tables(self, head: tuple[str, str, str]) -> str:
        f, table = self.frame, self.table
        memo = f.memo if f.memo is not None else {}
        kept = memo.setdefault("tables", {})
        items = f.items
        out = []
        for (pk, number, _, title), (a, b) in zip(f.notices, self._spans()):
            key = (head, pk, table.rows_key(a, b))
            html = kept.get(key)
            if html is None:
                rows = (
                    (items[i][2], items[i][4], items[i][5], table.figures(i)) for i in range(a, b)
                )
                html = notice_table(head, number, title, rows)
                while len(kept) >= MAX_TABLES:  # the oldest first
                    del kept[next(iter(kept))]
                kept[key] = html
            out.append(html)
        return "".join(out)


def _live_view(meeting: Meeting) -> dict[str, Any]:
    """What the section shows of the live review, equal to its JSON (``build_review``) but with
    the notices' item tables rendered from the counts' table (``LiveNotices``): the JSON's item
    dicts (thousands for a province) are never built for the page."""
    c = live_counts(meeting, meeting.date)
    return {
        "as_of": meeting.date.isoformat(),
        "notices": LiveNotices(c),
        "totals": c.totals,
        **units_and_rows(c.frame, c.table.unit_counts(), meeting.date),
    }


def frozen_since(
    meeting: Meeting, snap: ReviewSnapshot, user: Any, summary: dict[str, Any] | None = None
) -> int:
    """ "Since the briefing: N more done" of a held meeting, as the page, the presentation and
    the API show it: cached, and kept unit by unit (``review_since``) when the cache is cold.
    ``summary``: the snapshot's, if the caller has it (else read as the page reads it)."""

    def count() -> int:
        return since_done(
            meeting, snap.pk, summary if summary is not None else _frozen(snap, user)[0]
        )

    return cached(f"review-since:{snap.pk}", count, roots=[meeting.committee_id])


def review_section(meeting: Meeting, user: Any) -> str:
    """The HTML of the section "Kết quả thực hiện kết luận kỳ trước" of the meeting's page."""
    snap = ReviewSnapshot.objects.filter(meeting=meeting).defer("data").first()
    if snap is not None:
        summary, body = _frozen(snap, user)
        since = frozen_since(meeting, snap, user, summary)
        ctx = {"as_of": snap.as_of, "snapshot": snap, "since_done": since, "review_body": body}
        return render_to_string("meetings/_review.html", ctx)

    def render() -> str:
        data = _live_view(meeting)
        ctx = {"as_of": data["as_of"], "snapshot": None, "review_body": _body(data, user)}
        return render_to_string("meetings/_review.html", ctx)

    key = f"review-html:{meeting.pk}:{meeting.date.isoformat()}:{get_language()}:{_who(user)}"
    return cached(key, render, roots=[meeting.committee_id])
