"""The completeness table of a period as an Excel workbook ready to print (openpyxl).

As the task register's export: A4 landscape fitted to the page width, the header row repeated
on every printed page and frozen on screen, column widths and wrapping set, each row as high as
its longest wrapped cell (spreadsheet programs do not measure rows when they open a file),
Times New Roman 12; dates are real dates shown dd/mm/yyyy (sortable and filterable as dates).
"""

from __future__ import annotations

import io
import math
from datetime import datetime

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from giaoban.documents.sheets import print_a4_landscape
from giaoban.reports.completeness import completeness
from giaoban.reports.models import ReportingPeriod

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
DATE = "DD/MM/YYYY"
DATETIME = "DD/MM/YYYY HH:MM"
HEADER_ROW = 4  # repeated on every printed page
LINE_PT = 15.75  # one line of 12 pt Times New Roman

STATE_VI = {
    "draft": "Dự thảo",
    "submitted": "Đã gửi",
    "returned": "Trả lại",
    "accepted": "Đã tiếp nhận",
}
STATUS_VI = {"on_time": "Đúng hạn", "late": "Chậm", "missing": "Chưa gửi"}
#: (title, width in Excel's character units)
COLUMNS = (
    ("TT", 5),
    ("Đơn vị", 42),
    ("Đánh giá", 12),
    ("Trạng thái", 14),
    ("Ngày gửi lần đầu", 18),
    ("Số lần gửi", 9),
    ("Số lần trả lại", 9),
    ("Văn bản", 40),
)


def _lines(text: str, width: int) -> int:
    """Lines ``text`` takes wrapped in a column ``width`` wide (words are not cut)."""
    per_line = max(4, int(width * 1.05) - 2)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))


def _local(moment: datetime | None) -> datetime | None:
    """A stored (aware) moment as the naive local time a spreadsheet cell holds."""
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def completeness_xlsx(period: ReportingPeriod) -> bytes:
    stats = completeness(period)
    wb = Workbook()
    ws = wb.active
    ws.title = "Tình hình báo cáo"
    last = get_column_letter(len(COLUMNS))
    for i, (_title, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width

    def put(row: int, col: int, value, *, bold=False, align=WRAP, border=True, fmt=None, size=12):
        cell = ws.cell(row=row, column=col, value=value)
        cell.font = Font(name=FONT, size=size, bold=bold)
        cell.alignment = align
        if border:
            cell.border = BORDER
        if fmt:
            cell.number_format = fmt
        return cell

    ws.merge_cells(f"A1:{last}1")
    ws.merge_cells(f"A2:{last}2")
    put(
        1,
        1,
        f"TÌNH HÌNH GỬI BÁO CÁO {period.label.upper()}",
        bold=True,
        align=CENTER,
        border=False,
        size=14,
    )
    put(
        2,
        1,
        f"{period.committee.name} — số liệu từ ngày {period.cutoff_start:%d/%m/%Y}"
        f" đến ngày {period.cutoff_end:%d/%m/%Y}",
        align=CENTER,
        border=False,
    )
    put(3, 2, "Hạn gửi:", bold=True, border=False, align=Alignment(horizontal="right"))
    put(3, 3, period.due_date, border=False, fmt=DATE, align=Alignment(horizontal="left"))
    ws.row_dimensions[1].height = 21
    for col, (title, _width) in enumerate(COLUMNS, start=1):
        put(HEADER_ROW, col, title, bold=True, align=CENTER)
    ws.row_dimensions[HEADER_ROW].height = 2 * LINE_PT

    row_no = HEADER_ROW
    for i, row in enumerate(stats.rows, start=1):
        r = row.report
        row_no += 1
        values = [
            (i, CENTER, None),
            (row.unit.name, WRAP, None),
            (STATUS_VI[row.status], CENTER, None),
            (STATE_VI.get(row.state, ""), CENTER, None),
            (_local(r.first_submitted_at) if r else None, CENTER, DATETIME),
            (r.version_count if r else 0, CENTER, None),
            (r.returned_count if r else 0, CENTER, None),
            (r.doc_label if r else "", WRAP, None),
        ]
        for col, (value, align, fmt) in enumerate(values, start=1):
            put(row_no, col, value, align=align, fmt=fmt)
        lines = max(_lines(row.unit.name, COLUMNS[1][1]), _lines(values[7][0], COLUMNS[7][1]))
        ws.row_dimensions[row_no].height = lines * LINE_PT + 2

    row_no += 1
    totals = stats.totals()
    for label, key in (
        ("Phải báo cáo", "expected"),
        ("Đã gửi", "submitted"),
        ("Đúng hạn", "on_time"),
        ("Chậm", "late"),
        ("Chưa gửi", "missing"),
        ("Bị trả lại (chưa gửi lại)", "returned"),
        ("Đã tiếp nhận", "accepted"),
        ("Tỷ lệ đầy đủ (%)", "completeness_rate"),
        ("Tỷ lệ đúng hạn (%)", "timeliness_rate"),
    ):
        row_no += 1
        put(row_no, 2, label, bold=True)
        put(row_no, 3, totals[key], align=CENTER, fmt="0.0" if key.endswith("rate") else None)

    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    print_a4_landscape(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "Trang &P / &N"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
