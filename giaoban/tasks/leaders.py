"""Statistics per directing leader: how the tasks each leader directed stand at a date."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, F

from giaoban.tasks.permissions import assignments_for
from giaoban.tasks.status import StatusClass, existing_at, status_case


def by_leader(user: Any, ref: date, *, today: date) -> list[dict[str, Any]]:
    """One row per directing leader of the assignments the user can see, as they stood at
    ``ref``: the leader (a user, or the name typed when the leader has no account, or none),
    the count in every status class and the total. One GROUP BY, then the leaders' names."""
    from giaoban.accounts.models import User

    rows = (
        existing_at(assignments_for(user), ref, today=today)
        .order_by()
        .annotate(status_class_=status_case(ref, today=today))
        .values(
            "status_class_",
            leader_id=F("task__directed_by_id"),
            leader_name=F("task__directed_by_name"),
        )
        .annotate(n=Count("id"))
    )
    out: dict[tuple, dict[str, Any]] = {}
    for row in rows:
        key = (row["leader_id"], "" if row["leader_id"] else (row["leader_name"] or "").strip())
        entry = out.get(key)
        if entry is None:
            entry = out[key] = {
                "leader_id": row["leader_id"],
                "name": key[1],
                "position": "",
                "total": 0,
                **{cls.value: 0 for cls in StatusClass},
            }
        entry[row["status_class_"]] += row["n"]
        entry["total"] += row["n"]
    ids = [k[0] for k in out if k[0]]
    for u in User.objects.filter(pk__in=ids).only("full_name", "username", "position"):
        entry = out[(u.pk, "")]
        entry["name"], entry["position"] = str(u), u.position
    # leaders with an account first (by name), then names typed by hand, then "not given"
    return sorted(
        out.values(),
        key=lambda e: (e["leader_id"] is None, not e["name"], e["name"].lower()),
    )
