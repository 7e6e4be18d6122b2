"""What the office reads of a unit's report: its last SENT version, never the working copy.

A report the office returns for correction is edited by its unit in place: ``UnitReport.content``
follows every autosave. Until the unit sends it again, everything the office reads — the
synthesis report, the indicator tables, plan progress — keeps what was sent last (the version,
which is the accepted one once accepted). ``IndicatorValue`` and ``PlanItemProgress`` rows of a
report that was sent once are therefore written when it is sent (``services.submit_report``),
not by the drafts in between; a report never sent keeps its rows with its draft (nothing counts
them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import F
from django.utils import timezone

from giaoban.reports.models import ReportingPeriod, ReportState, ReportVersion


@dataclass(frozen=True)
class SentVersion:
    """The version of a report the office reads: its number, when it was sent, its content."""

    report_id: int
    number: int
    submitted_at: datetime
    content: dict[str, Any]
    #: the report was returned and its unit is correcting it (the draft is not read)
    being_corrected: bool

    def label(self) -> str:
        """'bản gửi lần 2 ngày 03/12/2026' (+ that the unit is correcting it)."""
        when = timezone.localtime(self.submitted_at).strftime("%d/%m/%Y")
        text = f"bản gửi lần {self.number} ngày {when}"
        if self.being_corrected:
            text += "; đã trả lại, đơn vị đang sửa, chưa gửi lại"
        return text


def last_sent(period: ReportingPeriod) -> dict[int, SentVersion]:
    """The last sent version of every report of the period, by report id (one query)."""
    rows = (
        ReportVersion.objects.filter(report__period=period, number=F("report__version_count"))
        .order_by()
        .values_list("report_id", "number", "submitted_at", "content", "report__state")
    )
    return {
        rid: SentVersion(rid, number, at, content or {}, state == ReportState.RETURNED)
        for rid, number, at, content, state in rows
    }
