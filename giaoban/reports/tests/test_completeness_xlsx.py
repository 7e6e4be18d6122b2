"""The completeness workbook: real dates shown dd/mm/yyyy, ready to print (A4 landscape, fit to
the page width, header row repeated and frozen, widths, wrapping and row heights set)."""

from __future__ import annotations

import io
from datetime import date, datetime

from openpyxl import load_workbook

from giaoban.reports import services
from giaoban.reports.content import RawContent


def _sent(cast, report):
    services.save_draft(
        report=report,
        user=cast.unit_a,
        raw=RawContent({"results": "Kết nạp 12 đảng viên"}, [], [], {"DV01": "12"}, {}),
    )
    services.submit_report(
        report=report, user=cast.unit_a, doc_number="5-BC/BTCTU", doc_date=date(2026, 3, 16)
    )


def test_dates_are_dates_and_the_sheet_is_set_up_for_printing(login, cast, report):
    _sent(cast, report)  # 16/03/2026 09:30 (the cast's frozen moment, Asia/Ho_Chi_Minh)
    response = login(cast.office_a).get(f"/reports/periods/{report.period.pk}/completeness.xlsx")
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in ws[4]]
    assert header[:5] == ["TT", "Đơn vị", "Đánh giá", "Trạng thái", "Ngày gửi lần đầu"]
    rows = {r[1].value: r for r in ws.iter_rows(min_row=5) if r[1].value}
    sent = rows["Ban Tổ chức Tỉnh ủy Alpha"][4]
    assert sent.value == datetime(2026, 3, 16, 9, 30) and sent.is_date
    assert sent.number_format.lower().startswith("dd/mm/yyyy")
    due = ws["C3"]
    assert due.value == datetime(2026, 3, 20) and due.number_format.lower() == "dd/mm/yyyy"
    assert rows["Đảng ủy xã Tân An"][4].value is None
    # print set-up
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$4:$4" and ws.freeze_panes == "A5"
    assert ws.column_dimensions["B"].width >= 40 and ws.column_dimensions["H"].width >= 30
    name = rows["Ban Tổ chức Tỉnh ủy Alpha"][1]
    assert name.alignment.wrap_text and name.font.name == "Times New Roman"
    assert ws.row_dimensions[name.row].height >= 15
    assert rows["Tỷ lệ đầy đủ (%)"][2].value == 25.0
