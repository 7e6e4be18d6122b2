"""One reminder run: rules for each day since the last finished run, then the e-mails.

Idempotent: every reminder has a key unique per recipient, every digest is unique per person
and day, so a second run on the same day writes and sends nothing. Safe to kill: the rules
of one day commit in batches that a rerun completes (duplicates are skipped by the keys), the
run is marked finished only at the end (so the next run catches the days up), and e-mails are
claimed one by one (see ``delivery``).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from giaoban.notifications import delivery, outbox, rules
from giaoban.notifications.models import Notification, RemindRun
from giaoban.periods.workdays import default_calendar

#: a run catches up at most this many missed days (a server off for a month should not send
#: a month of reminders at once; the overdue ones continue from today)
MAX_CATCH_UP_DAYS = 7


class AlreadyRunning(Exception):
    pass


@contextmanager
def run_lock() -> Iterator[None]:
    """One run at a time on this host (the timer and a hand-started run must not overlap)."""
    path = settings.VAR_DIR / "remind.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyRunning from None
        yield
    finally:
        os.close(fd)


@dataclass
class Result:
    day: date
    days: list[date]
    created: int
    sent: int
    failed: int
    off: int
    no_address: int
    emailed_today: bool
    frozen: int = 0

    def summary(self) -> str:
        first, last = self.days[0], self.days[-1]
        span = f"{first:%d/%m/%Y}" if first == last else f"{first:%d/%m/%Y}–{last:%d/%m/%Y}"
        mail = (
            f"{self.sent} e-mails sent, {self.failed} failed"
            if self.emailed_today
            else "e-mail held (not a working day)"
        )
        return (
            f"remind {span}: {self.created} notifications, {mail}, "
            f"{self.no_address} people without address, {self.off} with e-mail off"
            + (f", {self.frozen} rating evidence frozen" if self.frozen else "")
        )


def days_to_run(today: date) -> list[date]:
    last = (
        RemindRun.objects.filter(finished_at__isnull=False, day__lt=today)
        .order_by("-day")
        .values_list("day", flat=True)
        .first()
    )
    first = (
        today
        if last is None
        else max(last + timedelta(days=1), today - timedelta(days=MAX_CATCH_UP_DAYS))
    )
    return [first + timedelta(days=i) for i in range((today - first).days + 1)]


def evaluate(day: date, book: rules.RuleBook | None = None) -> int:
    """Write the rule reminders of ``day``; returns how many new rows were written."""
    before = Notification.objects.count()
    batch: list[outbox.Spec] = []
    for spec in rules.all_specs(day, book):
        batch.append(spec)
        if len(batch) >= 2000:
            with transaction.atomic():
                outbox.write(batch)
            batch = []
    if batch:
        with transaction.atomic():
            outbox.write(batch)
    return Notification.objects.count() - before


def _freeze_evidence(today: date) -> int:
    """Rating evidence of the quarter and year just ended is frozen by the daily run."""
    from django.apps import apps

    if not apps.is_installed("giaoban.evidence"):
        return 0
    from giaoban.evidence.rating import freeze_ended

    return freeze_ended(today)


def run(*, today: date | None = None, send_mail: bool = True, force_mail: bool = False) -> Result:
    today = today or timezone.localdate()
    with run_lock():
        record = RemindRun.objects.create(day=today)
        days = days_to_run(today)
        book = rules.RuleBook()
        created = sum(evaluate(d, book) for d in days)
        # digests go out on working days; a weekend's reminders wait for Monday's digest
        mail_today = send_mail and (force_mail or default_calendar().is_working_day(today))
        collected = delivery.collect(today) if mail_today else delivery.Collected()
        sent = delivery.send() if mail_today else delivery.Sent()
        frozen = _freeze_evidence(today)
        result = Result(
            day=today,
            days=days,
            created=created,
            sent=sent.sent,
            failed=sent.failed,
            off=collected.off,
            no_address=collected.no_address,
            emailed_today=mail_today,
            frozen=frozen,
        )
        record.created, record.sent, record.failed = created, sent.sent, sent.failed
        record.skipped = collected.no_address
        record.summary = result.summary()[:500]
        record.finished_at = timezone.now()
        record.save()
    return result
