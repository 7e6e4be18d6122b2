"""Per-unit figures for a period: the evidence behind the ranking and the rating of units.

At reference date R (the period's last day, or today while it runs), for each unit:

- received: assignments whose task's document is dated in the period, counted by status class;
- due: assignments (not cancelled) whose deadline in force falls in the period, and of them
  done on time / done late by R — the share done on time is on_time / due;
- overdue at R: every assignment of the unit open past its deadline at R, whenever given.

One aggregate query per period (grouped by unit); other apps add report timeliness and
recommendations answered through ``figure_provider``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q

from giaoban.periods.period import Period
from giaoban.tasks.status import StatusClass, status_q

CLASSES = [c.value for c in StatusClass]


@dataclass
class UnitFigures:
    unit_id: int
    received: int = 0
    received_by_class: dict[str, int] = field(default_factory=dict)
    due: int = 0
    on_time: int = 0
    late: int = 0
    overdue_at_end: int = 0
    #: filled by other apps when they exist (None: not known)
    reports_due: int | None = None
    reports_on_time: int | None = None
    indicators: int | None = None
    indicators_achieved: int | None = None
    recommendations: int | None = None
    recommendations_answered: int | None = None

    @property
    def on_time_pct(self) -> float | None:
        return round(100 * self.on_time / self.due, 1) if self.due else None

    @property
    def reports_pct(self) -> float | None:
        if not self.reports_due:
            return None
        return round(100 * (self.reports_on_time or 0) / self.reports_due, 1)

    @property
    def every_task_on_time(self) -> bool:
        return self.due > 0 and self.on_time == self.due and self.overdue_at_end == 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"on_time_pct": self.on_time_pct, "reports_pct": self.reports_pct}


FigureProvider = Callable[[dict[int, UnitFigures], Period, date], None]
_PROVIDERS: list[FigureProvider] = []


def figure_provider(fn: FigureProvider) -> FigureProvider:
    _PROVIDERS.append(fn)
    return fn


def reference_date(period: Period, today: date) -> date:
    return min(period.last_day, today)


def unit_figures(unit_ids: Iterable[int], period: Period, *, today: date) -> dict[int, UnitFigures]:
    from giaoban.tasks.models import Assignment

    ids = list(unit_ids)
    ref = reference_date(period, today)
    first, last = period.first_day, period.last_day
    received = Q(task__doc_date__range=(first, last))
    due = Q(deadline__range=(first, last)) & ~status_q(StatusClass.CANCELLED, ref, today=today)
    aggregates = {
        "received": Count("id", filter=received),
        "due": Count("id", filter=due),
        "on_time": Count("id", filter=due & status_q(StatusClass.DONE_ON_TIME, ref, today=today)),
        "late": Count("id", filter=due & status_q(StatusClass.DONE_LATE, ref, today=today)),
        "overdue_at_end": Count("id", filter=status_q(StatusClass.OPEN_OVERDUE, ref, today=today)),
    }
    for cls in CLASSES:
        aggregates[f"r_{cls}"] = Count("id", filter=received & status_q(cls, ref, today=today))
    out = {pk: UnitFigures(unit_id=pk, received_by_class=dict.fromkeys(CLASSES, 0)) for pk in ids}
    rows = (
        Assignment.objects.filter(unit_id__in=ids, task__doc_date__lte=ref)
        .order_by()
        .values("unit_id")
        .annotate(**aggregates)
    )
    for row in rows:
        f = out[row["unit_id"]]
        f.received, f.due, f.on_time = row["received"], row["due"], row["on_time"]
        f.late, f.overdue_at_end = row["late"], row["overdue_at_end"]
        f.received_by_class = {cls: row[f"r_{cls}"] for cls in CLASSES}
    for provider in _PROVIDERS:
        provider(out, period, ref)
    return out


@dataclass(frozen=True)
class RankRow:
    rank: int
    unit_id: int
    name: str
    now: UnitFigures
    before: UnitFigures

    @staticmethod
    def _arrow(a: float | None, b: float | None, higher_is_better: bool = True) -> str:
        if a is None or b is None:  # nothing to compare (no report due yet): no arrow
            return ""
        if a == b:
            return "="
        better = a > b if higher_is_better else a < b
        return "▲" if better else "▼"

    @property
    def pct_arrow(self) -> str:
        return self._arrow(self.now.on_time_pct, self.before.on_time_pct)

    @property
    def overdue_arrow(self) -> str:
        return self._arrow(
            self.now.overdue_at_end, self.before.overdue_at_end, higher_is_better=False
        )

    @property
    def reports_arrow(self) -> str:
        return self._arrow(self.now.reports_pct, self.before.reports_pct)


def ranking(
    units: list[tuple[int, str]], period: Period, *, today: date, against: Period | None = None
) -> list[RankRow]:
    """Units ranked by share done on time (then fewer overdue, then name) for ``period``,
    each with the period it is compared with beside it: by default the previous period of the
    same length (Q4 before Q1), or ``against`` (e.g. the same period a year earlier)."""
    ids = [pk for pk, _ in units]
    now = unit_figures(ids, period, today=today)
    before = unit_figures(ids, against or period.previous(), today=today)
    names = dict(units)
    order = sorted(
        ids,
        key=lambda pk: (
            -(now[pk].on_time_pct if now[pk].on_time_pct is not None else -1),
            now[pk].overdue_at_end,
            names[pk],
        ),
    )
    return [
        RankRow(rank=i, unit_id=pk, name=names[pk], now=now[pk], before=before[pk])
        for i, pk in enumerate(order, start=1)
    ]
