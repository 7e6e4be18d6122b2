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
