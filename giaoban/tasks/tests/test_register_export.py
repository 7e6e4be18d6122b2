"""The register's export reads a whole register in chunks: the same rows as the page, a query
per chunk (not per row), streamed to the browser."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from giaoban.core.tests.support import TODAY, frozen, grow  # noqa: F401
from giaoban.tasks import register
from giaoban.tasks.queries import Filters

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture(autouse=True)
def _var(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def test_export_rows_are_the_pages_rows(cast):
    grow(cast)
    for user in (cast.office_a, cast.unit_a, cast.leader_a, cast.office_b):
        page = list(register.rows(register.registered_tasks(user, Filters(), TODAY)))
        export = list(register.export_rows(user, Filters(), TODAY))
        assert export == page and len(page) > 0, user
    # a unit's staff see their own unit's part of a task only
    mine = list(register.export_rows(cast.unit_a, Filters(), TODAY))
    assert {name for r in mine for name in r.lead + r.coordinating} == {cast.board_a.name}


def test_one_query_per_chunk_not_per_row(cast, monkeypatch):
    grow(cast)
    n = len(list(register.export_rows(cast.office_a, Filters(), TODAY)))
    assert n > 12

    def count(chunk: int) -> int:
        monkeypatch.setattr(register, "EXPORT_CHUNK", chunk)
        user = type(cast.office_a).objects.get(pk=cast.office_a.pk)  # a fresh scope
        with CaptureQueriesContext(connection) as ctx:
            assert len(list(register.export_rows(user, Filters(), TODAY))) == n
        return len(ctx.captured_queries)

    whole = count(10_000)
    assert count(5) == whole + (-(-n // 5) - 1)


def test_the_download_is_streamed_and_complete(cast, login):
    grow(cast)
    response = login(cast.office_a).get("/tasks/register/export/")
    assert response.status_code == 200 and response.streaming
    ws = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    expected = len(list(register.export_rows(cast.office_a, Filters(), TODAY)))
    stt = [ws.cell(row=r, column=1).value for r in range(6, ws.max_row + 1)]
    assert stt == list(range(1, expected + 1))


def test_written_cells_are_the_layouts_cells_whatever_the_text():
    """The data rows are written as the sample row's cells: each value reads back as written
    (markup characters, spaces at the ends, line breaks, dates), every cell of a row has the
    border and wrapping of the layout, empty cells too; characters a workbook cannot hold
    (control characters pasted from another program) are dropped instead of failing the
    whole export."""
    from datetime import date

    from giaoban.tasks.register import STANDING, RegisterRow
    from giaoban.tasks.register_xlsx import write_register

    rows = [
        RegisterRow(
            1,
            1,
            "90-TB/TU ngày 15/01/2026, mục 1",
            "A & B <i>x</i> > \"q\" 'y'",
            ["Ban Tuyên giáo", "Ban Tổ chức"],
            [],
            date(2026, 3, 31),
            "",
            "  lề  ",
        ),
        RegisterRow(
            2, 2, "91-TB/TU", "bell\x07 and\x0b tab\tok", [], ["Xã A"], None, "Đã xong", ""
        ),
    ]
    ws = load_workbook(write_register(rows, committee="Tỉnh ủy A", as_of=date(2026, 4, 1))).active
    assert ws["A2"].value == "Tỉnh ủy A — tính đến ngày 01/04/2026"
    first = [c.value for c in ws[6]]
    assert first[:4] == [1, rows[0].source, rows[0].text, "Ban Tuyên giáo\nBan Tổ chức"]
    assert first[4] is None and first[6] is None and first[7] == "  lề  "
    assert first[5].date() == date(2026, 3, 31) and ws["F6"].number_format == "DD/MM/YYYY"
    second = [c.value for c in ws[7]]
    assert second[2] == "bell and tab\tok" and second[4] == "Xã A" and second[5] == STANDING
    assert ws.max_row == 7
    for row in ws.iter_rows(min_row=6, max_row=7):
        for c in row:
            assert c.border.left.style == "thin" and c.border.bottom.style == "thin", c
            assert c.alignment.wrap_text and c.alignment.vertical in ("top", "center"), c
            assert c.font.name == "Times New Roman" and c.font.size == 12, c
    assert ws["A6"].alignment.horizontal == "center" and ws["C6"].alignment.horizontal is None
    # rows are as tall as their longest wrapped cell (two units, one per line; a long text)
    assert ws.row_dimensions[6].height >= 2 * 15 and ws.row_dimensions[7].height < 2 * 15
    rows[1] = RegisterRow(2, 2, "91-TB/TU", "chữ " * 100, [], [], None, "", "")
    ws = load_workbook(write_register(rows, committee="A", as_of=date(2026, 4, 1))).active
    assert ws.row_dimensions[7].height >= 7 * 15  # 400 characters in a column of 60
