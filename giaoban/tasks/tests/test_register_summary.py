"""The register as a paper register writes it: a task for all units says "Tất cả các đơn vị
(4)" instead of listing every unit (page and XLSX, and the file imports back as all units);
the note says each distinct reason once with the number of units, in one clean sentence; the
import preview shows the units each row was matched to."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.tasks import services
from giaoban.tasks.queries import Filters
from giaoban.tasks.register import export_rows
from giaoban.tasks.tests.test_register import HEADERS, XLSX, workbook

pytestmark = pytest.mark.usefixtures("frozen")
TODAY = date(2026, 3, 16)
REASON = "Điều chỉnh theo kết luận mới của Thường trực Tỉnh ủy."


@pytest.fixture(autouse=True)
def _var(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def for_all(cast, number="47-TB/TU", coordinating=()):
    return services.create_task(
        committee=cast.committee_a,
        doc_number=number,
        doc_date=date(2026, 2, 2),
        item_number="1",
        text="Tổ chức sinh hoạt chi bộ theo chuyên đề",
        deadline=date(2026, 6, 30),
        created_by=cast.office_a,
        directed_by_name="Thường trực Tỉnh ủy",
        all_units=True,
        coordinating_units=list(coordinating),
        created_on=date(2026, 2, 2),
    )


def export(client):
    response = client.get("/tasks/register/export/")
    ws = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return {
        ws.cell(r, 2).value: [ws.cell(r, c).value for c in range(1, 9)]
        for r in range(6, ws.max_row + 1)
    }


def test_a_task_for_all_units_says_so_instead_of_listing_them(cast, login):
    # the committee's active units: the office, the two boards, the commune (4)
    for_all(cast)
    for_all(cast, "48-TB/TU", coordinating=[cast.office_unit_a])
    rows = {r.source: r for r in export_rows(cast.office_a, Filters(), TODAY)}
    assert rows["47-TB/TU ngày 02/02/2026, mục 1"].lead == ["Tất cả các đơn vị (4)"]
    other = rows["48-TB/TU ngày 02/02/2026, mục 1"]
    assert other.lead == ["Tất cả các đơn vị khác (3)"]
    assert other.coordinating == ["Văn phòng Tỉnh ủy Alpha"]
    # a task given to one unit still names it
    assert rows[next(s for s in rows if s.startswith("90-TB/TU"))].lead == [cast.board_a.name]
    client = login(cast.office_a)
    cells = export(client)
    assert cells["47-TB/TU ngày 02/02/2026, mục 1"][3] == "Tất cả các đơn vị (4)"
    page = client.get("/tasks/register/").content.decode()
    assert "Tất cả các đơn vị (4)" in page and "Tất cả các đơn vị khác (3)" in page
    table = page[page.index('id="register-table"') :]
    assert table.count("Đảng ủy xã Tân An") == 0  # not listed in any row
    # a unit's staff see their own unit's part only: its name, not "all units"
    mine = {r.source: r for r in export_rows(cast.unit_a, Filters(), TODAY)}
    assert mine["47-TB/TU ngày 02/02/2026, mục 1"].lead == [cast.board_a.name]
    client.cookies["django_language"] = "en"
    page = client.get("/tasks/register/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "All units (4)" in page


def test_the_exported_file_imports_back_as_all_units(cast, login):
    client = login(cast.office_a)
    data = workbook(
        [
            [
                1,
                "50-TB/TU ngày 02/03/2026, mục 1",
                "Nội dung",
                "Tất cả các đơn vị (4)",
                None,
                "Thường xuyên",
            ]
        ]
    )
    upload = SimpleUploadedFile("so.xlsx", data, content_type=XLSX)
    response = client.post(
        "/tasks/register/import/", {"committee": cast.committee_a.pk, "file": upload}
    )
    assert response.status_code == 200, response.content.decode()[:3000]
    (row,) = response.context["outcome"].rows
    assert row.errors == [] and row.matched_all == 4
    assert (
        'data-testid="matched-lead"><div>Tất cả các đơn vị (4)</div>' in response.content.decode()
    )


def test_the_note_says_each_reason_once_in_one_clean_sentence(cast, login):
    task = for_all(cast)
    units = list(task.assignments.order_by("unit__sort_order", "unit__name"))
    for a in units[:3]:
        services.cancel_assignment(assignment=a, user=cast.office_a, reason=REASON)
    services.cancel_assignment(
        assignment=units[3], user=cast.office_a, reason="Đơn vị đã sáp nhập;"
    )
    (row,) = [r for r in export_rows(cast.office_a, Filters(), TODAY) if r.task_id == task.pk]
    assert row.note == (
        "Điều chỉnh theo kết luận mới của Thường trực Tỉnh ủy (3 đơn vị); Đơn vị đã sáp nhập. "
        "Chỉ đạo: Thường trực Tỉnh ủy."
    )
    client = login(cast.office_a)
    assert export(client)["47-TB/TU ngày 02/02/2026, mục 1"][7] == row.note
    page = client.get("/tasks/register/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert row.note in page
    table = page[page.index('id="register-table"') :]
    assert ".;" not in table and ".." not in table


def test_the_import_preview_names_the_matched_units(cast, login):
    client = login(cast.office_a)
    data = workbook(
        [
            [
                1,
                "120-TB/TU ngày 02/03/2026, mục 1",
                "Tổng kết",
                "Ban Tuyen giao Tinh uy Alpha",
                "Ban Tổ chức A",
                "30/04/2026",
            ],
        ]
    )
    upload = SimpleUploadedFile("so.xlsx", data, content_type=XLSX)
    response = client.post(
        "/tasks/register/import/", {"committee": cast.committee_a.pk, "file": upload}
    )
    body = response.content.decode()
    assert 'data-testid="matched-lead"><div>Ban Tuyên giáo Tỉnh ủy Alpha</div>' in body
    assert 'data-testid="matched-coordinating"><div>Ban Tổ chức Tỉnh ủy Alpha</div>' in body
    assert HEADERS  # the layout the file was read with


def test_nothing_new_offers_no_import_button(cast, login):
    client = login(cast.office_a)
    rows = [
        [1, "120-TB/TU ngày 02/03/2026, mục 1", "Tổng kết", "Ban Tổ chức A", None, "30/04/2026"]
    ]
    for confirm in (False, True):
        upload = SimpleUploadedFile("so.xlsx", workbook(rows), content_type=XLSX)
        response = client.post(
            "/tasks/register/import/", {"committee": cast.committee_a.pk, "file": upload}
        )
        if confirm:
            break
        token = response.context["token"]
        client.post(
            "/tasks/register/import/",
            {"committee": cast.committee_a.pk, "token": token, "confirm": "on"},
        )
    body = response.content.decode()
    assert 'data-testid="import-nothing"' in body and 'data-testid="import-confirm"' not in body
