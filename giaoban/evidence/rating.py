"""Rating evidence of one unit for a quarter or a year (Quy định 366-QĐ/TW, 2025).

giaoban shows the facts a rating is decided on — never a rating. Once the period has ended the
figures are frozen in an ``EvidenceSnapshot`` (like a briefing's review snapshot): later edits
(a claim confirmed late, a deadline extended afterwards) do not rewrite what the evidence said.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from giaoban.core.audit import log_action
from giaoban.core.references import display_period
from giaoban.evidence.models import EvidenceSnapshot
from giaoban.evidence.stats import CLASSES, UnitFigures, reference_date, unit_figures
from giaoban.org.models import Unit
from giaoban.periods.period import Period, PeriodType
from giaoban.tasks.status import StatusClass

#: QĐ 366-QĐ/TW levels, shown for reference only (people decide the rating). The 100-point
#: scale gives task results 70 points; "excellent" and "good" need every task done on time.
THRESHOLDS = [
    (
        _("Completed the tasks excellently"),
        _("90 points or more; every task done on time"),
    ),
    (_("Completed the tasks well"), _("from 70 to under 90 points; every task done on time")),
    (_("Completed the tasks"), _("from 50 to under 70 points")),
    (_("Did not complete the tasks"), _("under 50 points")),
]
CLASS_LABELS = {
    StatusClass.DONE_ON_TIME: _("done on time"),
    StatusClass.DONE_LATE: _("done late"),
    StatusClass.OPEN_IN_TIME: _("under way, in time"),
    StatusClass.OPEN_OVERDUE: _("under way, overdue"),
    StatusClass.STANDING: _("standing"),
    StatusClass.CANCELLED: _("cancelled / adjusted"),
}


def thresholds() -> list[tuple[str, str]]:
    return [(str(a), str(b)) for a, b in THRESHOLDS]


def _pct(value: float | None, none: str) -> str:
    """A percentage in the language's own way (75,0% in Vietnamese, 75.0% in English)."""
    return none if value is None else f"{number_format(value, 1)}%"


@dataclass(frozen=True)
class Evidence:
    unit: Unit
    period: Period
    ref: date
    data: dict[str, Any]
    frozen_at: datetime | None

    @property
    def provisional(self) -> bool:
        return self.frozen_at is None

    @property
    def period_name(self) -> str:
        return display_period(self.period)

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) rows of the evidence table in the active language (the documents
        render them under Vietnamese). Nothing to count is said in words, never "0/0"."""
        d = self.data
        running = self.provisional

        def ratio(num: Any, den: Any, nothing: str) -> str:
            if den is None:
                return "—"
            if not den:
                return nothing
            return f"{num or 0}/{den}"

        rows = [(_("Tasks received in the period"), str(d["received"]))]
        rows += [
            (
                "  " + _("of which: %(kind)s") % {"kind": CLASS_LABELS[StatusClass(c)]},
                str(d["received_by_class"].get(c, 0)),
            )
            for c in CLASSES
        ]
        no_task = _("no task due yet") if running else _("no task was due")
        rows += [
            (_("Tasks due in the period"), str(d["due"])),
            (_("Done on time"), str(d["on_time"])),
            (_("Done late"), str(d["late"])),
            (_("Share done on time"), _pct(d["on_time_pct"], no_task)),
            (_("Tasks overdue at the end of the period"), str(d["overdue_at_end"])),
            (
                _("Reports on time / due"),
                ratio(
                    d.get("reports_on_time"),
                    d.get("reports_due"),
                    _("no report due yet") if running else _("no report was due"),
                ),
            ),
            (
                _("Indicators achieved / with a target"),
                ratio(
                    d.get("indicators_achieved"),
                    d.get("indicators"),
                    _("no indicator with a target"),
                ),
            ),
            (
                _("Recommendations answered / raised"),
                ratio(
                    d.get("recommendations_answered"),
                    d.get("recommendations"),
                    _("no recommendation raised"),
                ),
            ),
            (
                _("Every task done on time"),
                str(_("Yes") if d["every_task_on_time"] else _("No")),
            ),
        ]
        return [(str(a), str(b)) for a, b in rows]


def _compute(unit: Unit, period: Period, today: date) -> dict[str, Any]:
    figures: UnitFigures = unit_figures([unit.pk], period, today=today)[unit.pk]
    return figures.as_dict() | {"every_task_on_time": figures.every_task_on_time}


def evidence_for(
    unit: Unit, period: Period, *, today: date | None = None, user: Any = None
) -> Evidence:
    """Live figures while the period runs; after its end, the frozen snapshot (made now if
    nobody has looked since the period ended)."""
    today = today or timezone.localdate()
    ref = reference_date(period, today)
    if period.last_day >= today:
        return Evidence(unit, period, ref, _compute(unit, period, today), None)
    snap = EvidenceSnapshot.objects.filter(unit=unit, period_code=period.code).first()
    if snap is None:
        snap = freeze(unit, period, today=today, user=user)
    return Evidence(unit, period, snap.ref_date, snap.data, snap.frozen_at)


def freeze(unit: Unit, period: Period, *, today: date, user: Any = None) -> EvidenceSnapshot:
    data = _compute(unit, period, today)
    try:
        with transaction.atomic():
            snap = EvidenceSnapshot.objects.create(
                unit=unit, period_code=period.code, ref_date=period.last_day, data=data
            )
            log_action(
                snap,
                "evidence.snapshot.frozen",
                user=user,
                unit=unit,
                data={"period": period.code, "figures": data},
            )
    except IntegrityError:  # frozen meanwhile by another request
        snap = EvidenceSnapshot.objects.get(unit=unit, period_code=period.code)
    return snap


TEMPLATES = __import__("pathlib").Path(__file__).resolve().parent / "docx"


def _committee_of(unit: Unit) -> Unit:
    return unit.host_committee() or unit


def evidence_docx(ev: Evidence) -> bytes:
    """The evidence as a Word document from the editable template ``docx/rating_evidence.docx``."""
    import io

    from docxtpl import DocxTemplate

    committee = _committee_of(ev.unit)
    today = timezone.localdate()
    doc = DocxTemplate(TEMPLATES / "rating_evidence.docx")
    with translation.override("vi"):  # an official document: Vietnamese, 75,0%
        rows, levels = ev.lines(), thresholds()
    doc.render(
        {
            "committee_upper": committee.name.upper(),
            "issuer_upper": "VĂN PHÒNG",
            "place": committee.place_name,
            "day": f"{today:%d}",
            "month": f"{today:%m}",
            "year": f"{today:%Y}",
            "unit": ev.unit.name,
            "period": ev.period.label,
            "as_of": f"{ev.ref:%d/%m/%Y}",
            "status_note": ", tạm tính"
            if ev.provisional
            else f", chốt ngày {ev.frozen_at:%d/%m/%Y}",
            "rows": [{"label": a.strip(), "value": b} for a, b in rows],
            "levels": [{"label": a, "value": b} for a, b in levels],
        },
        autoescape=True,
    )
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def freeze_ended(today: date) -> int:
    """Freeze the evidence of every unit for the last ended quarter and year (run daily by
    ``giaoban remind``; idempotent: a period already frozen for a unit is skipped).
    One aggregate query per period; returns the number of snapshots made."""
    from giaoban.tasks.models import Assignment

    made = 0
    for kind in (PeriodType.QUARTER, PeriodType.YEAR):
        period = Period.current(kind, today=today).previous()
        if EvidenceSnapshot.objects.filter(period_code=period.code).exists():
            # frozen by an earlier run (all units at once): the daily run costs one lookup
            continue
        done = set(
            EvidenceSnapshot.objects.filter(period_code=period.code).values_list(
                "unit_id", flat=True
            )
        )
        ids = (
            set(
                Assignment.objects.filter(task__doc_date__lte=period.last_day)
                .order_by()
                .values_list("unit_id", flat=True)
                .distinct()
            )
            - done
        )
        if not ids:
            continue
        figures = unit_figures(sorted(ids), period, today=today)
        snaps = [
            EvidenceSnapshot(
                unit_id=pk,
                period_code=period.code,
                ref_date=period.last_day,
                data=f.as_dict() | {"every_task_on_time": f.every_task_on_time},
            )
            for pk, f in figures.items()
        ]
        EvidenceSnapshot.objects.bulk_create(snaps, batch_size=1000, ignore_conflicts=True)
        made += len(snaps)
    return made
