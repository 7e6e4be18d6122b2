"""The reminder letter's number as the office writes it ("215-CV/VPTU" was refused with a
bare "Nhập số nguyên."), and its table sized for A4: the task's text gets most of the width."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.notifications.models import ReminderLetter
from giaoban.notifications.tests.test_letters import late, post  # noqa: F401

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.mark.parametrize(
    ("typed", "label"),
    [("215", "215-CV/VPTU"), ("215-CV/VPTU", "215-CV/VPTU"), ("Số 215 - CV/VPTU", "215-CV/VPTU")],
)
def test_the_number_as_the_office_writes_it(cast, late, login, typed, label):  # noqa: F811
    assert post(login(cast.office_a), cast, number=typed).status_code == 302
    assert ReminderLetter.objects.get().label == label


def test_a_wrong_number_is_said_in_words(cast, late, login):  # noqa: F811
    client = login(cast.office_a)
    for typed in ("215-TB/TU", "abc", "-3"):
        response = post(client, cast, number=typed)
        body = response.content.decode()
        assert response.status_code in (200, 400), typed
        assert "Ghi số của văn bản, ví dụ 215 hoặc 215-CV/VPTU" in body, typed
        assert "Nhập số nguyên" not in body
    assert not ReminderLetter.objects.exists()


def test_the_table_gives_the_text_most_of_the_width(cast, late, login):  # noqa: F811
    client = login(cast.office_a)
    assert post(client, cast).status_code == 302
    letter = ReminderLetter.objects.get()
    response = client.get(f"/notifications/letters/{letter.pk}/file/")
    doc = Document(io.BytesIO(b"".join(response.streaming_content)))
    (table,) = [t for t in doc.tables if "Nội dung nhiệm vụ" in t.rows[0].cells[1].text]
    grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) <= 9360  # A4 portrait between 2 cm and 1.5 cm margins
    assert grid[1] == max(grid) and grid[1] > 2 * grid[2] and grid[0] < grid[4]
    # every row of the table, the data rows too, keeps the widths
    for row in table.rows:
        widths = [int(c._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for c in row.cells]
        assert widths == grid
