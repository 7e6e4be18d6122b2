"""The issue's browser test: import a register XLSX with one wrong row, see the error, fix the
file, import it, and export the register back."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook

from giaoban.tasks.models import Task
from giaoban.tasks.register import COLUMNS

pytestmark = pytest.mark.browser


def register_file(path, rows) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["SỔ THEO DÕI THỰC HIỆN NHIỆM VỤ"])
    ws.append([])
    ws.append([t for _k, t, _w in COLUMNS])
    for r in rows:
        ws.append(r)
    wb.save(path)


def test_import_with_one_wrong_row_fix_import_and_export(page, log_in, cast, tmp_path, settings):
    settings.VAR_DIR = tmp_path / "var"
    rows = [
        [
            1,
            "140-TB/TU ngày 02/03/2026, mục 1",
            "Tổng kết công tác dân vận",
            "Ban Tổ chức Tỉnh ủy Alpha",
            None,
            datetime(2026, 12, 30),
        ],
        [
            2,
            "140-TB/TU ngày 02/03/2026, mục 2",
            "Kiểm tra việc thực hiện quy chế",
            "Ban Tuyen giao Tinh uy Anpha",
            None,
            "30/12/2026",
        ],
    ]
    bad = tmp_path / "so-theo-doi-loi.xlsx"
    register_file(bad, rows)
    log_in("office_a")
    page.goto("/tasks/register/")
    page.click("text=Nhập từ Excel")
    page.set_input_files("#id_file", str(bad))
    page.click("button[name=preview]")
    errors = page.locator("[data-testid=import-errors]")
    errors.wait_for()
    wrong = page.locator("tr[data-line='5']")
    assert "Ban Tuyen giao Tinh uy Anpha" in wrong.inner_text()
    assert "Ban Tuyên giáo Tỉnh ủy Alpha" in wrong.inner_text()  # the suggestion
    assert page.locator("[data-testid=import-confirm]").count() == 0
    assert not Task.objects.filter(doc_number="140-TB/TU").exists()
    # the clerk fixes the unit's name and uploads the file again
    rows[1][3] = "Ban Tuyên giáo Tỉnh ủy Alpha"
    good = tmp_path / "so-theo-doi.xlsx"
    register_file(good, rows)
    page.set_input_files("#id_file", str(good))
    page.click("button[name=preview]")
    page.locator("[data-testid=import-ready]").wait_for()
    with page.expect_navigation():
        page.click("[data-testid=import-confirm]")
    assert Task.objects.filter(doc_number="140-TB/TU").count() == 2
    assert "Tổng kết công tác dân vận" in page.locator("#register-table").inner_text()
    with page.expect_download() as download:
        page.click("[data-testid=register-export]")
    data = open(download.value.path(), "rb").read()
    ws = load_workbook(io.BytesIO(data)).active
    texts = [ws.cell(row=r, column=3).value for r in range(6, ws.max_row + 1)]
    assert "Tổng kết công tác dân vận" in texts and "Kiểm tra việc thực hiện quy chế" in texts
    # the preview with a wrong row answers 400 (the page with its errors): the browser notes it
    assert [e for e in page.console_errors if "status of 400" not in e] == []
