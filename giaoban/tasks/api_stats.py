"""Tasks API, statistics: per directing leader (the same query as the page /tasks/leaders/)."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Field, Query, Schema

from giaoban.core.dates import today
from giaoban.core.limits import ApiDate
from giaoban.tasks.api import router
from giaoban.tasks.leaders import by_leader
from giaoban.tasks.status import StatusClass


class LeaderStatsIn(Schema):
    as_of: ApiDate | None = Field(
        None, description="Reference date of the status classes (default: today)"
    )


class LeaderRowOut(Schema):
    leader_id: int | None = Field(
        description="the leader's user id; null when the name was typed or none was given"
    )
    name: str = Field(description="the leader's name ('' when none was given)")
    position: str
    total: int
    counts: dict[str, int] = Field(description="assignments per status class")


class LeaderStatsOut(Schema):
    as_of: date
    rows: list[LeaderRowOut]
    counts: dict[str, int] = Field(description="all rows together, per status class")
    total: int


@router.get(
    "/statistics/leaders",
    response=LeaderStatsOut,
    summary="Assignments per directing leader, by status class, as they stood at a date",
)
def leader_statistics(request: HttpRequest, filters: Query[LeaderStatsIn]):
    now = today()
    ref = filters.as_of or now
    rows = by_leader(request.user, ref, today=now)
    classes = [c.value for c in StatusClass]
    return {
        "as_of": ref,
        "rows": [
            {
                "leader_id": r["leader_id"],
                "name": r["name"],
                "position": r["position"],
                "total": r["total"],
                "counts": {c: r[c] for c in classes},
            }
            for r in rows
        ],
        "counts": {c: sum(r[c] for r in rows) for c in classes},
        "total": sum(r["total"] for r in rows),
    }
