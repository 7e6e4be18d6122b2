"""Importing tasks from a register workbook: a dry run that reports every row, then the same
run committed in one transaction — only when no row is wrong.

Both runs call ``services.create_task`` for every new row (the one validation of a task), the
dry run inside a transaction that is rolled back. A row whose document and item are already
entered is reported and skipped, so importing the same file twice creates nothing the second
time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from giaoban.core.audit import log_action
from giaoban.core.text import fold
from giaoban.org.models import Unit, subtree_ids
from giaoban.tasks import services
from giaoban.tasks.models import Task
from giaoban.tasks.register_xlsx import ImportRow

ALL_UNITS_WORDS = {
    fold(w)
    for w in (
        "Các đơn vị",
        "Tất cả các đơn vị",
        "Tất cả đơn vị",
        "Tất cả các đơn vị khác",
        "All units",
        "All other units",
    )
}
#: the number the export writes after "Tất cả các đơn vị (95)"
_COUNT = re.compile(r"\s*\(\s*\d+(\s*đơn vị|\s*units?)?\s*\)\s*$", re.IGNORECASE)


@dataclass
class Outcome:
    rows: list[ImportRow]
    created: int = 0
    existing: int = 0

    @property
    def wrong(self) -> list[ImportRow]:
        return [r for r in self.rows if r.errors]

    @property
    def new(self) -> int:
        return sum(1 for r in self.rows if r.outcome == "new")


class UnitMatcher:
    """Unit names as written in the file → units of the committee (exact after folding
    accents and case, by full or short name); otherwise up to three suggestions."""

    def __init__(self, committee: Unit) -> None:
        ids = subtree_ids([committee.pk], include_roots=False)
        self.units = {u.pk: u for u in Unit.objects.filter(pk__in=ids)}
        self.exact: dict[str, Unit] = {}
        for u in self.units.values():
            for name in (u.name, u.short_name):
                if name:
                    self.exact.setdefault(fold(name), u)
        self.choices = {pk: fold(u.name) for pk, u in self.units.items()}

    def match(self, name: str) -> Unit | None:
        return self.exact.get(fold(name))

    def suggest(self, name: str) -> list[str]:
        found = process.extract(
            fold(name), self.choices, scorer=fuzz.WRatio, limit=3, score_cutoff=60
        )
        return [self.units[pk].name for _choice, _score, pk in found]


def _resolve(row: ImportRow, matcher: UnitMatcher) -> tuple[list[Unit], list[Unit], bool]:
    lead: list[Unit] = []
    coord: list[Unit] = []
    all_units = False
    for names, target in ((row.lead, lead), (row.coordinating, coord)):
        for name in names:
            if target is lead and fold(_COUNT.sub("", name)) in ALL_UNITS_WORDS:
                all_units = True
                continue
            unit = matcher.match(name)
            if unit is not None:
                target.append(unit)
                continue
            hints = matcher.suggest(name)
            if hints:
                row.errors.append(
                    _("Unknown unit “%(name)s”. Did you mean: %(hints)s?")
                    % {"name": name, "hints": "; ".join(hints)}
                )
            else:
                row.errors.append(_("Unknown unit “%(name)s”.") % {"name": name})
    return lead, coord, all_units


def _everyone(committee: Unit, on: Any, cache: dict[Any, list[Unit]]) -> list[Unit]:
    """The committee's active units on a row's date ("all units"), read once per date."""
    from giaoban.tasks.queries import active_units_of

    if on not in cache:
        cache[on] = active_units_of(committee, on=on)
    return cache[on]


def _messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [m for errs in exc.message_dict.values() for m in errs]
    return list(exc.messages)


def run(
    rows: list[ImportRow], *, committee: Unit, user: Any, commit: bool, filename: str = ""
) -> Outcome:
    """Check (``commit=False``) or import (``commit=True``) the rows. On import, any wrong row
    rolls everything back and raises ValidationError; the rows carry their errors."""
    outcome = Outcome(rows=rows)
    matcher = UnitMatcher(committee)
    seen: dict[tuple[str, str, int], int] = {}
    cache: dict[Any, list[Unit]] = {}
    with transaction.atomic():
        for row in rows:
            if row.errors and not (row.lead or row.coordinating):
                continue
            # every problem of the row is reported at once, the units' too
            lead, coord, all_units = _resolve(row, matcher)
            # what the clerk checks before importing: the units each row goes to
            row.matched_lead = [u.name for u in lead]
            row.matched_coordinating = [u.name for u in coord]
            if all_units:
                everyone = _everyone(committee, row.doc_date, cache)
                rest = [u for u in everyone if u not in lead and u not in coord]
                row.matched_all = len(rest)
            if row.errors:
                continue
            assert row.doc_date is not None
            key = (row.doc_number, row.item_number, row.doc_date.year)
            if key in seen:
                row.errors.append(
                    _("Same document and item as line %(line)s.") % {"line": seen[key]}
                )
                continue
            seen[key] = row.line
            if Task.objects.filter(
                committee=committee,
                doc_year=row.doc_date.year,
                doc_number=row.doc_number,
                item_number=row.item_number,
            ).exists():
                row.outcome = "exists"
                outcome.existing += 1
                continue
            try:
                with transaction.atomic():
                    services.create_task(
                        committee=committee,
                        doc_number=row.doc_number,
                        doc_date=row.doc_date,
                        item_number=row.item_number,
                        text=row.text,
                        deadline=row.deadline,
                        created_by=user,
                        lead_units=lead,
                        coordinating_units=coord,
                        all_units=all_units,
                        # the task was given by its document: past deadlines are history, not errors
                        created_on=row.doc_date,
                    )
            except ValidationError as exc:
                row.errors.extend(_messages(exc))
                continue
            row.outcome = "new"
            outcome.created += 1
        if not commit or outcome.wrong:
            transaction.set_rollback(True)
            outcome.created = 0 if not commit or outcome.wrong else outcome.created
        else:
            log_action(
                committee,
                "tasks.register.imported",
                user=user,
                unit=committee,
                data={"file": filename, "created": outcome.created, "skipped": outcome.existing},
            )
    if commit and outcome.wrong:
        raise ValidationError(
            _("Nothing was imported: %(n)s rows have errors.") % {"n": len(outcome.wrong)}
        )
    return outcome
