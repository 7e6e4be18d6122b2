"""One search across the kinds of records: accent- and case-insensitive, scoped by each kind's
own scope helper, ranked, paginated. Each app adds its kind with ``@search_kind``.

A query is folded like the stored ``*_folded`` columns ("tuyen giao" finds "Tuyên giáo"); every
word must match. Score: a word in the title or number counts more than one in the body, an
exact document number most.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from giaoban.core.text import fold

PER_KIND = 200  # candidates read per kind before ranking


@dataclass(frozen=True)
class Hit:
    kind: str
    kind_label: str
    title: str
    snippet: str
    url: str
    when: date | None
    score: float


Searcher = Callable[[Any, list[str], str], list[Hit]]
_KINDS: dict[str, tuple[Any, Searcher]] = {}


def search_kind(name: str, label: Any) -> Callable[[Searcher], Searcher]:
    def register(fn: Searcher) -> Searcher:
        _KINDS[name] = (label, fn)
        return fn

    return register


def kinds() -> list[tuple[str, str]]:
    return [(name, str(label)) for name, (label, _fn) in _KINDS.items()]


def _score(folded_title: str, folded_body: str, words: list[str], raw: str) -> float:
    score = 0.0
    for w in words:
        if w in folded_title:
            score += 3
        if w in folded_body:
            score += 1
    if raw and raw.lower() in folded_title:
        score += 5
    return score


def words_of(query: str) -> list[str]:
    return [w for w in fold(query).split() if len(w) >= 2 or w.isdigit()][:8]


def search(user: Any, query: str, kind: str = "") -> list[Hit]:
    words = words_of(query)
    if not words:
        return []
    hits: list[Hit] = []
    for name, (_label, fn) in _KINDS.items():
        if kind and name != kind:
            continue
        hits.extend(fn(user, words, fold(query)))
    hits.sort(key=lambda h: (-h.score, -(h.when.toordinal() if h.when else 0), h.title))
    return hits


_PK = 2_147_480_001  # a pk no row has: its place in a reversed URL is each hit's pk


def _url(name: str) -> Callable[[int], str]:
    """``reverse(name, args=[pk])`` for many pks at the price of one ``reverse`` (the URL's
    pk is its only argument): a page of results reverses up to 200 URLs per kind."""
    head, tail = reverse(name, args=[_PK]).split(str(_PK))
    return lambda pk: f"{head}{pk}{tail}"


def _labels(choices: Any) -> dict[str, str]:
    """A model's choices translated once per search, not once per hit."""
    return {value: str(label) for value, label in choices}


def _all(words: list[str], column: str) -> Q:
    cond = Q()
    for w in words:
        cond &= Q(**{f"{column}__contains": w})
    return cond


@search_kind("task", _("Tasks"))
def _tasks(user: Any, words: list[str], folded: str) -> list[Hit]:
    from giaoban.tasks.permissions import tasks_for

    qs = (
        tasks_for(user)
        .filter(_all(words, "search_folded"))
        .order_by("-doc_date", "-id")
        .values_list("pk", "doc_number", "doc_date", "item_number", "text", "search_folded")[
            :PER_KIND
        ]
    )
    out = []
    url, label = _url("tasks:detail"), str(_("Task"))
    for pk, number, doc_date, item, text, body in qs:  # plain rows: up to 200 a search
        title = f"{number}{f', mục {item}' if item else ''}"
        out.append(
            Hit(
                kind="task",
                kind_label=label,
                title=title,
                snippet=text[:240],
                url=url(pk),
                when=doc_date,
                score=_score(fold(title), body, words, folded),
            )
        )
    return out


@search_kind("unit", _("Units"))
def _units(user: Any, words: list[str], folded: str) -> list[Hit]:
    from giaoban.org.permissions import units_for

    qs = (
        units_for(user).filter(_all(words, "name_folded")).order_by("sort_order", "name")[:PER_KIND]
    )
    url, label = reverse("tasks:assignments"), str(_("Unit"))
    return [
        Hit(
            kind="unit",
            kind_label=label,
            title=u.name,
            snippet=u.short_name or u.get_kind_display(),
            url=f"{url}?unit={u.pk}",
            when=None,
            score=_score(u.name_folded, "", words, folded) + 1,
        )
        for u in qs
    ]


@search_kind("meeting", _("Meetings"))
def _meetings(user: Any, words: list[str], folded: str) -> list[Hit]:
    from django.utils import timezone

    from giaoban.meetings.models import Meeting

    qs = (
        Meeting.objects.for_user(user)
        .filter(_all(words, "search_folded"))
        .select_related("committee")
        .order_by("-starts_at", "-id")[:PER_KIND]
    )
    url, label = _url("meetings:detail"), str(_("Meeting"))
    return [
        Hit(
            kind="meeting",
            kind_label=label,
            title=m.title,
            snippet=" · ".join(x for x in (m.committee.name, m.place) if x),
            url=url(m.pk),
            when=timezone.localtime(m.starts_at).date(),
            score=_score(fold(m.title), m.search_folded, words, folded),
        )
        for m in qs
    ]


@search_kind("notice", _("Notices"))
def _notices(user: Any, words: list[str], folded: str) -> list[Hit]:
    from giaoban.meetings.models import Notice

    qs = (
        Notice.objects.for_user(user)
        .filter(_all(words, "search_folded"))
        .order_by("-doc_date", "-id")
        .values_list(
            "pk", "number", "doc_date", "title", "state", "search_folded", "committee__name"
        )[:PER_KIND]
    )
    out = []
    url, label, draft = _url("meetings:notice"), str(_("Notice")), str(_("Draft notice"))
    states = _labels(Notice._meta.get_field("state").flatchoices)
    for pk, raw_number, doc_date, title, state, body, committee in qs:
        number = raw_number or draft
        out.append(
            Hit(
                kind="notice",
                kind_label=label,
                title=f"{number} — {title}"[:300],
                snippet=f"{committee} · {states.get(state, state)}",
                url=url(pk),
                when=doc_date,
                score=_score(fold(f"{raw_number} {title}"), body, words, folded),
            )
        )
    return out


@search_kind("recommendation", _("Recommendations"))
def _recommendations(user: Any, words: list[str], folded: str) -> list[Hit]:
    from giaoban.recommendations.permissions import recommendations_for

    per_word = Q()
    for w in words:
        per_word &= Q(search_folded__contains=w) | Q(unit__name_folded__contains=w)
    qs = (
        recommendations_for(user)
        .filter(per_word)
        .select_related("unit")
        .order_by("-raised_on", "-id")[:PER_KIND]
    )
    url, label = _url("recommendations:detail"), str(_("Recommendation"))
    return [
        Hit(
            kind="recommendation",
            kind_label=label,
            title=str(_("Recommendation of %(unit)s") % {"unit": r.unit.display_name}),
            snippet=f"{r.get_state_display()} · {r.text[:200]}",
            url=url(r.pk),
            when=r.raised_on,
            score=_score(r.unit.name_folded, r.search_folded, words, folded),
        )
        for r in qs
    ]


@search_kind("report", _("Reports"))
def _reports(user: Any, words: list[str], folded: str) -> list[Hit]:
    """Reports by unit, period ("quy i 2026") and document number: every word must match one
    of them. The period labels of the reachable periods are folded in Python (one query)."""
    from giaoban.reports.permissions import periods_for, reports_for

    labels = {pk: fold(label) for pk, label in _period_labels(periods_for(user))}
    per_word = Q()
    for w in words:
        in_label = [pk for pk, label in labels.items() if w in label]
        per_word &= (
            Q(unit__name_folded__contains=w)
            | Q(doc_number__icontains=w)
            | Q(period_id__in=in_label)
        )
    qs = (
        reports_for(user)
        .filter(per_word)
        .select_related("unit", "period")
        .order_by("-period__due_date", "unit__sort_order", "id")[:PER_KIND]
    )
    out = []
    url, label, title_of = (
        _url("reports:report"),
        str(_("Report")),
        _("Report %(period)s — %(unit)s"),
    )
    states: dict[str, str] = {}
    for r in qs:
        title = str(title_of) % {"period": r.period.label, "unit": r.unit.name}
        state = states.get(r.state)
        if state is None:
            state = states[r.state] = r.get_state_display()
        body = f"{r.doc_number} {state}"
        out.append(
            Hit(
                kind="report",
                kind_label=label,
                title=title,
                snippet=body,
                url=url(r.pk),
                when=r.period.due_date,
                score=_score(fold(title), fold(body), words, folded),
            )
        )
    return out


def _period_labels(qs) -> list[tuple[int, str]]:
    from giaoban.periods import Period, PeriodType

    out = []
    for pk, year, ptype, number in qs.values_list("pk", "year", "period_type", "number"):
        try:
            out.append((pk, Period(year, PeriodType(ptype), number).label))
        except ValueError:
            continue
    return out
