"""The kinds the one search finds, each through its own scope helper, in one query each (the
reports two: the periods' labels, then the reports). The order of registration is the order
of the kind filter and breaks ties between kinds: a unit, then the notice, then its tasks."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from giaoban.core.permissions import scope_for
from giaoban.core.text import fold
from giaoban.search import compiled
from giaoban.search.searchers import (
    TIER_TEXT,
    TIER_UNIT,
    Found,
    Hit,
    Query,
    Unplanned,
    labels,
    phrase_q,
    ranked,
    ranked_by_title,
    rows_of,
    search_kind,
    url_of,
)
from giaoban.tasks.search import words as alnum_words


@search_kind("unit", _("Units"))
def _units(user: Any, q: Query, limit: int) -> Found:
    from django.urls import reverse

    from giaoban.org.models import UnitKind
    from giaoban.org.permissions import units_for

    def build(q: Query) -> Any:
        return ranked_by_title(units_for(user), q, "name_folded", title_tier=TIER_UNIT).order_by(
            "tier", "sort_order", "name", "pk"
        )

    total, rows = rows_of("unit", user, q, limit, build, "pk", "name", "short_name", "kind")
    url, label = reverse("tasks:assignments"), str(_("Unit"))
    kind_labels = labels(UnitKind.choices)

    def make(row: tuple, partial: bool) -> Hit:
        pk, name, short, kind = row
        return Hit(
            kind="unit",
            kind_label=label,
            title=name,
            snippet=short or kind_labels.get(kind, kind),
            url=f"{url}?unit={pk}",
            when=None,
            partial=partial,
        )

    # a unit sorts before the dated records of its tier
    return Found(total, [(t, date.max, r) for t, r in rows], make)


@search_kind("notice", _("Notices"))
def _notices(user: Any, q: Query, limit: int) -> Found:
    from giaoban.meetings.models import Notice

    def build(q: Query) -> Any:
        return ranked_by_title(Notice.objects.for_user(user), q, "search_folded").order_by(
            "tier", F("doc_date").desc(nulls_last=True), "-pk"
        )

    total, rows = rows_of(
        "notice",
        user,
        q,
        limit,
        build,
        "pk",
        "number",
        "doc_date",
        "title",
        "state",
        "committee__name",
    )
    url, label, draft = url_of("meetings:notice"), str(_("Notice")), str(_("Draft notice"))
    states = labels(Notice._meta.get_field("state").flatchoices)

    def make(row: tuple, partial: bool) -> Hit:
        pk, number, doc_date, title, state, committee = row
        return Hit(
            kind="notice",
            kind_label=label,
            title=f"{number or draft} — {title}"[:300],
            snippet=f"{committee} · {states.get(state, state)}",
            url=url(pk),
            when=doc_date,
            partial=partial,
        )

    return Found(total, [(t, r[2], r) for t, r in rows], make)


@search_kind("task", _("Tasks"))
def _tasks(user: Any, q: Query, limit: int) -> Found:
    from giaoban.tasks.permissions import tasks_for

    def build(q: Query) -> Any:
        # the folded text starts with the document number: the phrase there is in the title
        return ranked(
            tasks_for(user).filter(q.found(q.every("search_folded"), "search_folded")),
            phrase_title=q.phrase_in("search_folded", at_start=True),
            phrase_body=q.phrase_in("search_folded"),
        ).order_by("tier", "-doc_date", "-pk")

    total, rows = rows_of(
        "task", user, q, limit, build, "pk", "doc_number", "doc_date", "item_number", "text"
    )
    url, label = url_of("tasks:detail"), str(_("Task"))

    def make(row: tuple, partial: bool) -> Hit:
        pk, number, doc_date, item, text = row
        return Hit(
            kind="task",
            kind_label=label,
            title=f"{number}{f', mục {item}' if item else ''}",
            snippet=text[:240],
            url=url(pk),
            when=doc_date,
            partial=partial,
        )

    return Found(total, [(t, r[2], r) for t, r in rows], make)


@search_kind("meeting", _("Meetings"))
def _meetings(user: Any, q: Query, limit: int) -> Found:
    from giaoban.meetings.models import Meeting

    def build(q: Query) -> Any:
        return ranked_by_title(Meeting.objects.for_user(user), q, "search_folded").order_by(
            "tier", "-starts_at", "-pk"
        )

    total, rows = rows_of(
        "meeting", user, q, limit, build, "pk", "title", "starts_at", "committee__name", "place"
    )
    url, label = url_of("meetings:detail"), str(_("Meeting"))

    def make(row: tuple, partial: bool) -> Hit:
        pk, title, starts_at, committee, place = row
        return Hit(
            kind="meeting",
            kind_label=label,
            title=title,
            snippet=" · ".join(x for x in (committee, place) if x),
            url=url(pk),
            when=timezone.localtime(starts_at).date(),
            partial=partial,
        )

    # ordered by the start: its local day orders the same way
    return Found(total, [(t, timezone.localtime(r[2]).date(), r) for t, r in rows], make)


@search_kind("report", _("Reports"))
def _reports(user: Any, q: Query, limit: int) -> Found:
    """Reports by unit, period ("quy i/2026") and document number: every word must match one
    of them. The period labels of the reachable periods are folded in Python (one query)."""
    from giaoban.reports.permissions import reports_for

    periods = dict(_period_labels(user))
    folded = {pk: fold(label) for pk, label in periods.items()}
    # which periods' labels hold each word, the phrase, or the phrase's head or tail: read in
    # Python, part of the statement's shape
    in_label = tuple(tuple(pk for pk, label in folded.items() if w in label) for w in q.words)
    matches = _label_matches(q, folded)

    def build(q: Query) -> Any:
        phrase = _report_phrase(q, *matches)
        qs = reports_for(user).annotate(
            number_folded=Lower("doc_number"), unit_q=Unplanned("unit__name_folded")
        )
        return ranked(
            qs.filter(
                q.every(
                    "unit_q",
                    "number_folded",
                    extra=lambda i: Q(period_id__in=in_label[i]),
                )
                | phrase
            ),
            phrase_title=phrase,
            phrase_body=Q(pk__in=[]),
        ).order_by("tier", "-period__due_date", "unit__sort_order", "pk")

    total, rows = rows_of(
        ("report", in_label, matches),
        user,
        q,
        limit,
        build,
        "pk",
        "period_id",
        "period__due_date",
        "unit__name",
        "doc_number",
        "state",
        "first_submitted_at",
    )
    from giaoban.reports.models import UnitReport

    url, label, title_of = (
        url_of("reports:report"),
        str(_("Report")),
        _("Report %(period)s — %(unit)s"),
    )
    states = labels(UnitReport._meta.get_field("state").flatchoices)
    sent_on = str(_("sent"))

    def make(row: tuple, partial: bool) -> Hit:
        pk, period_id, due, unit, number, state, sent = row
        title = str(title_of) % {"period": periods.get(period_id, ""), "unit": unit}
        bits = [number, states.get(state, state)]
        if sent:  # the day it was sent, not the period's due date
            bits.append(f"{sent_on} {timezone.localtime(sent):%d/%m/%Y}")
        return Hit(
            kind="report",
            kind_label=label,
            title=title,
            snippet=" · ".join(b for b in bits if b),
            url=url(pk),
            when=timezone.localtime(sent).date() if sent else due,
            partial=partial,
        )

    return Found(total, [(t, r[2], r) for t, r in rows], make)


def _label_matches(
    q: Query, folded: dict[int, str]
) -> tuple[tuple[int, ...], tuple[tuple[int, bool, tuple[int, ...]], ...]]:
    """The periods whose label holds the phrase, and those whose label is the phrase's first
    (or else last) k tokens, grouped as (k, first?, periods)."""
    if not q.tokens:
        return (), ()
    whole = re.compile(q.phrase)
    n = len(q.tokens)
    groups: dict[tuple[int, bool], list[int]] = {}
    for pk, label in folded.items():
        toks = alnum_words(label)
        k = len(toks)
        if 0 < k < n and q.tokens[:k] == toks:
            groups.setdefault((k, True), []).append(pk)
        elif 0 < k < n and q.tokens[-k:] == toks:
            groups.setdefault((k, False), []).append(pk)
    found = tuple(pk for pk, label in folded.items() if whole.search(label))
    return found, tuple((k, first, tuple(pks)) for (k, first), pks in sorted(groups.items()))


def _report_phrase(
    q: Query, whole: tuple[int, ...], parts: tuple[tuple[int, bool, tuple[int, ...]], ...]
) -> Q:
    """A report's title is "<period> — <unit>": the phrase is in the unit's name or the
    number, in a period's label (``whole``), or a period's label then the unit's name (or the
    other way round: "ban to chuc quy i/2026"; ``parts``, from ``_label_matches``)."""
    if not q.tokens:
        return Q(pk__in=[])
    cond = q.phrase_in("unit_q", "number_folded") | Q(period_id__in=whole)
    for k, first, pks in parts:
        rest = q.tokens[k:] if first else q.tokens[:-k]
        cond |= Q(period_id__in=pks) & phrase_q("unit_q", rest)
    return cond


def _period_labels(user: Any) -> list[tuple[int, str]]:
    """The labels of the reporting periods ``user`` reaches, by pk (a kept statement: it
    depends on the scope only)."""
    from giaoban.periods import Period, PeriodType
    from giaoban.reports.permissions import periods_for

    none = Query(words=[], tokens=[], folded="")
    rows = compiled.rows(
        ("periods", scope_for(user)),
        none,
        None,
        lambda _q: (
            periods_for(user).order_by("pk").values_list("pk", "year", "period_type", "number")
        ),
        placeholders=lambda: none,
    )
    out = []
    for pk, year, ptype, number in rows:
        try:
            out.append((pk, Period(year, PeriodType(ptype), number).label))
        except ValueError:
            continue
    return out


@search_kind("recommendation", _("Recommendations"))
def _recommendations(user: Any, q: Query, limit: int) -> Found:
    """Found by their text, answer and addressee, and by the raising unit's name; their title
    is "Recommendation of <unit>": the phrase counts as found in the text."""
    from giaoban.recommendations.models import Recommendation
    from giaoban.recommendations.permissions import recommendations_for

    def build(q: Query) -> Any:
        columns = ("text_q", "unit_q")
        phrase = q.phrase_in(*columns)
        qs = recommendations_for(user).annotate(
            text_q=Unplanned("search_folded"), unit_q=Unplanned("unit__name_folded")
        )
        return ranked(
            qs.filter(q.found(q.every(*columns), *columns)),
            phrase_title=Q(pk__in=[]),
            phrase_body=phrase,
            body_tier=TIER_TEXT,
        ).order_by("tier", "-raised_on", "-pk")

    total, rows = rows_of(
        "recommendation",
        user,
        q,
        limit,
        build,
        "pk",
        "raised_on",
        "unit__name",
        "unit__short_name",
        "state",
        "text",
    )
    url, label, title_of = (
        url_of("recommendations:detail"),
        str(_("Recommendation")),
        _("Recommendation of %(unit)s"),
    )
    states = labels(Recommendation._meta.get_field("state").flatchoices)

    def make(row: tuple, partial: bool) -> Hit:
        pk, raised_on, name, short, state, text = row
        return Hit(
            kind="recommendation",
            kind_label=label,
            title=str(title_of) % {"unit": short or name},
            snippet=f"{states.get(state, state)} · {text[:200]}",
            url=url(pk),
            when=raised_on,
            partial=partial,
        )

    return Found(total, [(t, r[1], r) for t, r in rows], make)
