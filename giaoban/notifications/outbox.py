"""Writing the outbox: one row per recipient and key, never to the actor, twice is a no-op."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from giaoban.notifications.models import Notification

BATCH = 2000


@dataclass(frozen=True)
class Spec:
    """What to tell whom. ``key`` is the act or reminder step; unique per recipient."""

    recipients: tuple[int, ...]
    kind: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    url: str = ""
    unit_id: int | None = None
    object_type: str = ""
    object_id: str = ""


def rows(specs: Iterable[Spec], *, actor_id: int | None = None) -> Iterable[Notification]:
    for spec in specs:
        for user_id in dict.fromkeys(spec.recipients):
            if user_id == actor_id:
                continue  # nobody is told of their own act
            yield Notification(
                recipient_id=user_id,
                kind=spec.kind,
                key=spec.key[:160],
                params=spec.params,
                url=spec.url,
                unit_id=spec.unit_id,
                object_type=spec.object_type,
                object_id=spec.object_id,
            )


def write(specs: Iterable[Spec], *, actor_id: int | None = None) -> int:
    """Insert the notifications, skipping any (recipient, key) already written.

    Returns the number of rows offered (inserts that conflicted are not counted apart:
    the database skips them in the same statement)."""
    batch: list[Notification] = []
    offered = 0
    for row in rows(specs, actor_id=actor_id):
        batch.append(row)
        if len(batch) >= BATCH:
            offered += _flush(batch)
            batch = []
    if batch:
        offered += _flush(batch)
    return offered


def _flush(batch: list[Notification]) -> int:
    Notification.objects.bulk_create(batch, ignore_conflicts=True)
    return len(batch)
