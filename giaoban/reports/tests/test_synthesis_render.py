"""The synthesis DOCX renders faster with the same result: docxtpl's own XML (its newline pass
only where there is a newline, each template part compiled once), and the task statistics cached
at the committee's data version until one of its tasks changes."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from giaoban.core.tests.support import TODAY
from giaoban.reports import services
from giaoban.reports.content import RawContent
from giaoban.reports.exports import DEFAULT_TEMPLATE, render_synthesis, synthesis_context


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml")


def _sent(cast, report):
    services.save_draft(
        report=report,
        user=cast.unit_a,
        raw=RawContent(
            {"results": "Dòng một\nDòng hai\tcột", "difficulties": "Thiếu kinh phí"},
            ["Sơ kết"],
            [],
            {"DV01": "12"},
            {},
        ),
    )
    services.submit_report(
        report=report, user=cast.unit_a, doc_number="5-BC/BTCTU", doc_date=date(2026, 3, 16)
    )


def test_the_xml_is_docxtpls_own(cast, report):
    from docxtpl import DocxTemplate

    _sent(cast, report)
    period = report.period
    plain = DocxTemplate(str(DEFAULT_TEMPLATE))
    plain.render(synthesis_context(period), autoescape=True)
    out = io.BytesIO()
    plain.save(out)
    expected = _document_xml(out.getvalue())
    first, second = render_synthesis(period), render_synthesis(period)  # compiled, then reused
    assert _document_xml(first) == expected == _document_xml(second)
    xml = expected.decode()
    assert "Dòng một</w:t><w:br/>" in xml and "<w:tab/>" in xml, "newlines and tabs in Word"


def test_task_statistics_are_cached_until_a_task_changes(cast, report):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from giaoban.tasks.services import create_task

    def total():
        stats = synthesis_context(report.period)["task_stats"]
        return sum(row["count"] for row in stats)

    with CaptureQueriesContext(connection) as first:
        before = total()
    with CaptureQueriesContext(connection) as fresh:
        total()
    cached_queries = len(fresh.captured_queries)
    assert cached_queries < len(first.captured_queries), "the second reads the cached count"
    create_task(
        committee=cast.committee_a,
        doc_number="12-TB/TU",
        doc_date=TODAY,
        text="Rà soát chỉ tiêu chưa đạt",
        created_by=cast.office_a,
        deadline=date(2026, 3, 30),
        lead_units=[cast.board_a, cast.board_a2],
    )
    with CaptureQueriesContext(connection) as after:
        assert total() == before + 2, "the new task's two assignments are counted"
    assert len(after.captured_queries) == cached_queries + 1, "recounted once, then cached"
