"""The register view, its XLSX export (opened and checked) and the XLSX import."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from giaoban.core.models import AuditEntry
from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.tasks.models import Task
from giaoban.tasks.register import COLUMNS

pytestmark = pytest.mark.usefixtures("frozen")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = [title for _k, title, _w in COLUMNS]


@pytest.fixture(autouse=True)
def _var(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def workbook(rows, *, headers=HEADERS, numbering=True, extra=None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["SỔ THEO DÕI THỰC HIỆN NHIỆM VỤ"])
    ws.append([])
    ws.append(headers)
    if numbering:
        ws.append([f"({i})" for i in range(1, 9)])
    for r in rows:
        ws.append(r)
    if extra:
        extra(ws)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


GOOD = [
    [
        1,
        "120-TB/TU ngày 02/03/2026, mục 1",
        "Tổng kết công tác tuyên giáo quý I",
        "Ban Tuyên giáo Tỉnh ủy Alpha",
        "Ban Tổ chức Tỉnh ủy Alpha",
        datetime(2026, 4, 30),
    ],
    [
        2,
        "120-TB/TU ngày 02/03/2026, mục 2",
        "Rà soát quy hoạch cán bộ",
        "Ban Tổ chức A",
        None,
        "15/05/2026",
    ],
    [3, "121-TB/TU ngày 05/03/2026", "Quán triệt nghị quyết", "Các đơn vị", None, "Thường xuyên"],
]


def upload(client, data: bytes, committee, name="so-theo-doi.xlsx"):
    return client.post(
        "/tasks/register/import/",
        {"committee": committee.pk, "file": SimpleUploadedFile(name, data, content_type=XLSX)},
    )


def confirm(client, response, committee):
    token = response.context["token"]
    return client.post(
        "/tasks/register/import/", {"committee": committee.pk, "token": token, "confirm": "on"}
    )


def test_export_is_the_paper_layout_ready_to_print(cast, login):
    response = login(cast.office_a).get("/tasks/register/export/")
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert "so-theo-doi-nhiem-vu-20260316.xlsx" in response["Content-Disposition"]
    wb = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    ws = wb.active
    assert ws["A1"].value == "SỔ THEO DÕI THỰC HIỆN NHIỆM VỤ"
    assert "A1:H1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[4]] == HEADERS
    assert [c.value for c in ws[5]] == [f"({i})" for i in range(1, 9)]
    assert ws.print_title_rows == "$4:$5"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.column_dimensions["C"].width == 60 and ws.column_dimensions["A"].width == 6
    row = [c for c in ws[6]]
    assert row[1].value == f"90-TB/TU ngày {cast.task_a.doc_date:%d/%m/%Y}, mục 1"
    assert (
        row[3].value == "Ban Tổ chức Tỉnh ủy Alpha"
        and row[4].value == "Ban Tuyên giáo Tỉnh ủy Alpha"
    )
    assert isinstance(row[5].value, datetime) and row[5].value.date() == cast.task_a.deadline
    assert row[5].number_format == "DD/MM/YYYY"
    assert row[2].alignment.wrap_text
    assert "Chỉ đạo: Bí thư Tỉnh ủy" in row[7].value
    assert ws.max_row == 6  # Beta's task is not in Alpha's register


def test_register_page_has_the_columns_and_the_same_filters(
    cast, login, django_assert_max_num_queries
):
    client = login(cast.office_a)
    body = client.get("/tasks/register/").content.decode()
    for title in HEADERS:
        assert title in body
    assert cast.task_a.text in body
    assert "Nothing" not in body
    body = client.get("/tasks/register/?source=999").content.decode()
    assert cast.task_a.text not in body
    assert login(cast.unit_b).get("/tasks/register/").content.decode().count(cast.task_a.text) == 0


def test_register_page_query_count_does_not_grow(cast, login, django_assert_num_queries):
    from giaoban.core.tests.support import grow

    client = login(cast.office_a)
    client.get("/tasks/register/")
    # the task lists' 8 (session, user, scope, subtree, COUNT, the units and the leaders of the
    # filters, the page), the page's units, and the committees' units ("all units")
    with django_assert_num_queries(10) as small:
        client.get("/tasks/register/")
    grow(cast, tasks=6)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get("/tasks/register/")


def test_import_preview_then_import_then_reimport_skips(cast, login):
    client = login(cast.office_a)
    data = workbook(GOOD)
    before = Task.objects.count()
    preview = upload(client, data, cast.committee_a)
    assert preview.status_code == 200
    outcome = preview.context["outcome"]
    assert [r.errors for r in outcome.rows] == [[], [], []]
    assert outcome.new == 3 and Task.objects.count() == before  # the dry run saved nothing
    done = confirm(client, preview, cast.committee_a)
    assert done.status_code == 302
    assert Task.objects.count() == before + 3
    t = Task.objects.get(doc_number="120-TB/TU", item_number="2")
    assert t.deadline == date(2026, 5, 15)
    assert list(t.assignments.values_list("unit__name", "role")) == [
        ("Ban Tổ chức Tỉnh ủy Alpha", "lead")
    ]
    standing = Task.objects.get(doc_number="121-TB/TU")
    assert standing.deadline is None and standing.assignments.count() == 4  # the active units
    entry = AuditEntry.objects.get(action="tasks.register.imported")
    assert entry.data["created"] == 3 and entry.data["file"] == "so-theo-doi.xlsx"
    # the same file again: every row already entered, nothing created
    again = upload(client, data, cast.committee_a)
    assert again.context["outcome"].existing == 3
    confirm(client, again, cast.committee_a)
    assert Task.objects.count() == before + 3


def test_one_wrong_row_blocks_everything_with_each_rows_errors(cast, login):
    client = login(cast.office_a)
    rows = GOOD + [
        [4, "122-TB/TU ngày 06/03/2026", "", "Ban To chuc Tinh uy Alfa", None, "31/02/2026"],
        [5, "không có số", "Việc gì đó", "Ban Tổ chức A", None, None],
    ]
    before = Task.objects.count()
    response = upload(client, workbook(rows), cast.committee_a)
    assert response.status_code == 400
    wrong = {r.line: r.errors for r in response.context["outcome"].rows if r.errors}
    assert set(wrong) == {8, 9}
    text = " ".join(wrong[8])
    assert "31/02/2026" in text
    assert "nội dung" in text or "content" in text
    assert "Ban Tổ chức Tỉnh ủy Alpha" in text  # the suggestion for the misspelt unit
    assert "90-TB/TU" in " ".join(wrong[9])  # the example of a document number
    body = response.content.decode()
    assert 'data-testid="import-confirm"' not in body
    # forcing the confirm anyway saves nothing
    response = confirm(client, response, cast.committee_a)
    assert response.status_code == 400 and Task.objects.count() == before


@pytest.mark.parametrize(
    "data,needle",
    [
        (b"not a zip at all", ".xlsx"),
        (workbook([["x"]], headers=["A", "B", "C"]), "STT"),
    ],
    ids=["not-xlsx", "other-layout"],
)
def test_a_file_that_is_not_a_register_gets_a_clear_message(cast, login, data, needle):
    response = upload(login(cast.office_a), data, cast.committee_a)
    assert response.status_code == 400
    assert needle in " ".join(response.context["form"].errors["file"])


def test_formulas_merged_cells_and_dates_as_text(cast, login):
    def extra(ws):
        ws.merge_cells("C6:C7")

    rows = [
        [1, "130-TB/TU ngày 02/03/2026", '=CONCAT("a","b")', "Ban Tổ chức A", None, None],
        [2, "131-TB/TU ngày 02/03/2026", "Việc A", "Ban Tổ chức A", None, None],
        [3, "132-TB/TU ngày 02/03/2026", "Việc B", "Ban Tổ chức A", None, None],
        [4, "133-TB/TU ngày 02/03/2026", "Việc C", "Ban Tổ chức A", None, "30/6/2026"],
    ]
    response = upload(login(cast.office_a), workbook(rows, extra=extra), cast.committee_a)
    by_line = {r.line: r for r in response.context["outcome"].rows}
    assert "C5" in by_line[5].errors[0]
    assert by_line[6].errors and by_line[7].errors
    assert by_line[6].errors[0] == by_line[7].errors[0]
    assert by_line[8].errors == [] and by_line[8].deadline == date(2026, 6, 30)


def test_too_many_rows_is_refused_before_reading_them(cast, login):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEADERS)
    for i in range(50_000):
        ws.append([i, f"{i}-TB/TU ngày 02/03/2026", "x", "Ban Tổ chức A", None, None])
    buf = io.BytesIO()
    wb.save(buf)
    response = upload(login(cast.office_a), buf.getvalue(), cast.committee_a)
    assert response.status_code == 400
    assert "5000" in " ".join(response.context["form"].errors["file"])


def test_import_is_the_offices_and_the_token_is_the_sessions(cast, login, client):
    for user in (cast.leader_a, cast.unit_a, cast.admin):
        assert login(user).get("/tasks/register/import/").status_code == 403
    office = login(cast.office_a)
    preview = upload(office, workbook(GOOD), cast.committee_a)
    token = preview.context["token"]
    from django.test import Client

    other = Client()
    other.force_login(cast.office_a)  # another session of the same person: must upload again
    response = other.post(
        "/tasks/register/import/",
        {"committee": cast.committee_a.pk, "token": token, "confirm": "on"},
    )
    assert response.status_code == 400
    # Beta's office cannot import into Alpha
    beta = Client()
    beta.force_login(cast.office_b)
    response = beta.post(
        "/tasks/register/import/",
        {"committee": cast.committee_a.pk, "file": SimpleUploadedFile("a.xlsx", workbook(GOOD))},
    )
    assert response.status_code == 400 and "committee" in response.context["form"].errors
