"""The period's documents: the completeness table as XLSX (openpyxl) and the synthesis report
as DOCX from a Word template (docxtpl). The context is built from plain data first
(``synthesis_context``), so the template can change without touching the queries."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from giaoban.core.audit import log_action
from giaoban.core.cache import cached
from giaoban.documents.types import place_date_line
from giaoban.reports.completeness import completeness
from giaoban.reports.completeness_xlsx import (  # noqa: F401  (views use exports.completeness_xlsx)
    STATE_VI,
    STATUS_VI,
    completeness_xlsx,
)
from giaoban.reports.indicators import indicator_table
from giaoban.reports.models import (
    TEXT_SECTIONS,
    ReportingPeriod,
    SynthesisReport,
    UnitReport,
)
from giaoban.reports.numbers import vn_number
from giaoban.reports.sent import last_sent

DEFAULT_TEMPLATE = Path(__file__).with_name("docx") / "synthesis.docx"
REC_STATE_VI = {
    "new": "mới",
    "forwarded": "đã chuyển xử lý",
    "answered": "đã trả lời",
    "closed": "đã đóng",
}
TASK_CLASS_VI = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "open_in_time": "Đang thực hiện trong hạn",
    "open_overdue": "Đang thực hiện quá hạn",
    "standing": "Thường xuyên",
    "cancelled": "Đã hủy / điều chỉnh",
}


def synthesis_header(committee: Any) -> dict[str, str]:
    """The header the office's synthesis carries, as the conclusion notice's (Hướng dẫn
    36-HD/VPTW): for Tỉnh ủy Đồng Nai "ĐẢNG BỘ TỈNH ĐỒNG NAI" above "VĂN PHÒNG TỈNH ỦY";
    never a bare "ĐẢNG BỘ" (no line when the body above cannot be named)."""
    from giaoban.meetings.notice_rules import notice_defaults

    defaults = notice_defaults(committee)
    parent = defaults["issuer_parent"] or (committee.parent.name if committee.parent_id else "")
    return {
        "parent_name": parent.upper(),
        "issuer": f"VĂN PHÒNG {defaults['issuer']}".upper(),
        "committee_name_upper": committee.name.upper(),  # kept for offices' own templates
    }


def _pct(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def synthesis_context(period: ReportingPeriod, *, on: date | None = None) -> dict[str, Any]:
    from docxtpl import RichText

    from giaoban.recommendations.models import Recommendation
    from giaoban.tasks.models import Assignment
    from giaoban.tasks.status import count_by_status

    on = on or timezone.localdate()
    committee = period.committee
    stats = completeness(period)
    # the office reads each unit's last SENT version: a report returned for correction and
    # being edited by its unit keeps its sent text and figures here until it is sent again
    sent = last_sent(period)
    rows = []
    for i, row in enumerate(stats.rows, start=1):
        r = row.report
        colour = {"on_time": "1E7B34", "late": "B35C00", "missing": "C00000"}[row.status]
        version = sent.get(r.pk) if r else None
        doc = r.doc_label if r else ""
        if version is not None:
            doc = f"{doc} ({version.label()})" if doc else version.label()
        rows.append(
            {
                "n": i,
                "unit": row.unit.name,
                "sent": timezone.localtime(r.first_submitted_at).strftime("%d/%m/%Y")
                if r and r.first_submitted_at
                else "",
                "status": RichText(
                    STATUS_VI[row.status], color=colour, bold=row.status != "on_time", size=24
                ),
                "state": STATE_VI.get(row.state, ""),
                "doc": doc,
            }
        )
    t = stats.totals()
    completeness_text = (
        f"Có {t['expected']} đơn vị phải báo cáo; {t['submitted']} đơn vị đã gửi ({_pct(t['completeness_rate'])}%), "
        f"trong đó {t['on_time']} đúng hạn ({_pct(t['timeliness_rate'])}%), {t['late']} chậm; "
        f"{t['missing']} đơn vị chưa gửi; {t['returned']} báo cáo bị trả lại chưa gửi lại. "
        "Nội dung và số liệu tổng hợp theo bản gửi gần nhất của từng đơn vị (ghi ở cột Văn bản); "
        "bản đang sửa sau khi bị trả lại chưa được tính."
    )
    reports = list(
        UnitReport.objects.filter(period=period, pk__in=list(sent))
        .select_related("unit")
        .order_by("unit__sort_order", "unit__name")
    )
    sections = []
    for number, s in enumerate(period.form.sections, start=1):
        units = []
        for r in reports:
            content = sent[r.pk].content
            if s["key"] in TEXT_SECTIONS:
                text = (content.get("sections") or {}).get(s["key"], "").strip()
            elif s["key"] == "next_tasks":
                # one line per task (docxtpl turns the line breaks into Word breaks)
                text = "\n".join(
                    t.strip().rstrip(".;") + "."
                    for t in content.get("next_tasks") or []
                    if t.strip()
                )
            else:
                text = "; ".join(item["text"] for item in content.get("recommendations") or [])
            if text:
                units.append({"unit": r.unit.display_name, "text": text})
        sections.append({"number": number, "title": s["title"], "units": units})
    ref = min(period.period.last_day, on)
    today = timezone.localdate()
    # the task statistics are the dashboard's kind of aggregate (a scan of the committee's
    # assignments, ~2/3 of the synthesis at national scale): cached at the committee's data
    # version, which every audited change of its tasks bumps
    # the tasks of the period: those due in it (as the dashboard's period picker counts), so a
    # leader never reads the totals since the beginning as the period's
    first, last = period.period.first_day, period.period.last_day
    counts = cached(
        f"reports:synthesis-tasks:{committee.pk}:{first}:{ref.isoformat()}:{today.isoformat()}",
        lambda: count_by_status(
            Assignment.objects.filter(
                task__committee=committee,
                task__doc_date__lte=ref,
                deadline__gte=first,
                deadline__lte=last,
            ),
            ref,
            today=today,
        ),
        roots=[committee.pk],
    )
    total = counts["total"] or 0
    task_stats = [
        {
            "label": label,
            "count": counts[key],
            "share": f"{_pct(100 * counts[key] / total)}%" if total else "—",
        }
        for key, label in TASK_CLASS_VI.items()
    ]
    _units, table = indicator_table(period)
    indicators = []
    lagging = 0
    for row in table:
        a = row.total
        lagging += a.lagging
        indicators.append(
            {
                "code": row.indicator.code,
                "name": f"{row.indicator.name} ({row.indicator.measure})",
                "target": vn_number(a.target),
                "actual": vn_number(a.actual),
                "share": vn_number(a.share),
                "mark": RichText("Chậm so với tiến độ", color="C00000", bold=True, size=24)
                if a.lagging
                else RichText("Đạt tiến độ", size=24),
            }
        )
    recs = (
        Recommendation.objects.filter(committee=committee)
        .filter(
            Q(report__period=period)
            | Q(
                report__isnull=True,
                raised_on__gte=period.cutoff_start,
                raised_on__lte=ref if ref > period.due_date else period.due_date,
            )
        )
        .select_related("unit")
        .order_by("raised_on", "id")
    )
    recommendations = [
        {
            "n": i,
            "unit": r.unit.display_name,
            "text": r.text,
            "state": REC_STATE_VI[r.state],
            "answer": r.answer,
        }
        for i, r in enumerate(recs, start=1)
    ]
    header = synthesis_header(committee)
    return {
        **header,
        "place_date": place_date_line(committee.place_name, on),
        "title": f"kết quả thực hiện nhiệm vụ {period.label[:1].lower()}{period.label[1:]} của các đơn vị",
        "completeness": rows,
        "completeness_text": completeness_text,
        "sections": sections,
        "task_text": (
            f"Nhiệm vụ có thời hạn trong {period.label[:1].lower()}{period.label[1:]}"
            f" (từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}): tính đến ngày {ref:%d/%m/%Y},"
            f" có {total} lượt nhiệm vụ của các đơn vị."
        ),
        "task_stats": task_stats,
        "indicators": indicators,
        "indicator_text": f"{len(indicators)} chỉ tiêu, trong đó {lagging} chỉ tiêu chậm so với tiến độ kế hoạch năm.",
        "recommendations": recommendations,
    }


#: a paragraph of the rendered XML, and the characters docxtpl turns into Word breaks in it
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_BREAKS = re.compile("[\t\a\n\f]")


def _template_class():
    from docxtpl import DocxTemplate

    class SynthesisTemplate(DocxTemplate):
        """docxtpl's own rendering, with its newline pass only where there is a newline.

        After rendering, docxtpl rewrites every paragraph, run and text of the part (regex
        callbacks in Python) to turn \n, \t, \a and \f in the text into Word breaks; in a
        synthesis most paragraphs (the tables) hold none, so the same rewrite is applied to
        the paragraphs that hold one and the others are kept as they are: the same XML."""

        def resolve_listing(self, xml: str) -> str:
            resolve = super().resolve_listing
            return _PARAGRAPH.sub(
                lambda m: resolve(m.group(0)) if _BREAKS.search(m.group(0)) else m.group(0), xml
            )

    return SynthesisTemplate


_JINJA = None


def _jinja():
    """docxtpl's Jinja environment (autoescaped), compiling each template part once: the XML
    of the Word template's parts is the same on every render (compiling it was a third of
    docxtpl's time); keyed by the whole source, so a replaced template compiles anew."""
    global _JINJA
    if _JINJA is None:
        from jinja2 import Environment

        class CompilingOnce(Environment):
            compiled: dict[str, Any] = {}

            def from_string(self, source, globals=None, template_class=None):
                if globals is not None or template_class is not None or not isinstance(source, str):
                    return super().from_string(source, globals, template_class)
                found = self.compiled.get(source)
                if found is None:
                    if len(self.compiled) >= 64:  # several templates in turn: stay bounded
                        self.compiled.clear()
                    found = self.compiled[source] = super().from_string(source)
                return found

        _JINJA = CompilingOnce(autoescape=True)
    return _JINJA


def render_synthesis(period: ReportingPeriod, *, on: date | None = None) -> bytes:
    template = getattr(settings, "GIAOBAN_SYNTHESIS_TEMPLATE", None) or DEFAULT_TEMPLATE
    doc = _template_class()(str(template))
    doc.render(synthesis_context(period, on=on), jinja_env=_jinja(), autoescape=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@transaction.atomic
def upload_issued(*, period: ReportingPeriod, user: Any, document: Any) -> SynthesisReport:
    """Keep the version the office edited in Word and issued (DOCX or PDF)."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    from giaoban.reports import permissions
    from giaoban.tasks.services import validate_attachment

    permissions.check(user, period, "manage_period")
    name = (getattr(document, "name", "") or "").lower()
    if document is None or not name.endswith((".docx", ".pdf", ".doc", ".odt")):
        raise ValidationError(
            {"document": _("Choose the issued report as a DOCX, DOC, ODT or PDF file.")}
        )
    try:
        validate_attachment(document)
    except ValidationError as exc:
        raise ValidationError(
            {"document": exc.message_dict.get("attachment", exc.messages)}
        ) from None
    number = (period.syntheses.aggregate(n=Max("number"))["n"] or 0) + 1
    synthesis = SynthesisReport(
        period=period, number=number, created_by=user, issued=True, document=document
    )
    synthesis.full_clean()
    synthesis.save()
    log_action(
        synthesis,
        "reports.synthesis.uploaded",
        user=user,
        data={"number": number, "file": synthesis.document.name},
        unit=period.committee,
    )
    return synthesis


@transaction.atomic
def issue_synthesis(*, period: ReportingPeriod, user: Any) -> SynthesisReport:
    """Draft the synthesis DOCX and keep it as issued (a new version each time)."""
    data = render_synthesis(period)
    number = (period.syntheses.aggregate(n=Max("number"))["n"] or 0) + 1
    synthesis = SynthesisReport(period=period, number=number, created_by=user)
    synthesis.document.save(
        f"tong-hop-{period.period.code}-{period.committee_id}-v{number}.docx",
        ContentFile(data),
        save=False,
    )
    synthesis.full_clean()
    synthesis.save()
    log_action(
        synthesis,
        "reports.synthesis.issued",
        user=user,
        data={"number": number, "file": synthesis.document.name},
        unit=period.committee,
    )
    return synthesis


def synthesis_pdf(synthesis: SynthesisReport) -> bytes:
    """The PDF of a kept synthesis version: the file itself when it is a PDF, else converted by
    headless LibreOffice (``giaoban.documents``); raises ``DocumentError`` with the reason when
    it cannot (no LibreOffice on the server, a broken file) and ``FileNotFoundError``."""
    from giaoban.documents.render import PdfUnavailable, convert

    with synthesis.document.open("rb") as handle:
        data = handle.read()
    suffix = "." + synthesis.document.name.rsplit(".", 1)[-1].lower()
    if suffix == ".pdf":
        return data
    pdf = convert(data, source_suffix=suffix, target="pdf")
    if not pdf.startswith(b"%PDF"):
        raise PdfUnavailable("LibreOffice trả về tệp không phải PDF. / LibreOffice gave no PDF.")
    return pdf
