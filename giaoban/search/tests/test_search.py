"""One search: accent-insensitive, scoped, ranked, paginated, in the header."""

from __future__ import annotations

from datetime import date

import pytest

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.tasks import services

pytestmark = pytest.mark.usefixtures("frozen")


def hits(client, q, **extra):
    response = client.get("/search/", {"q": q, **extra})
    assert response.status_code == 200
    return [(h.kind, h.title) for h in response.context["page"]]


def test_accents_do_not_matter_and_units_are_found(cast, login):
    client = login(cast.office_a)
    found = hits(client, "tuyen giao")
    assert ("unit", "Ban Tuyên giáo Tỉnh ủy Alpha") in found
    assert ("task", "90-TB/TU, mục 1") in found  # "... công tác tuyên giáo năm"
    assert hits(client, "TUYÊN GIÁO") == found


def test_scoped_by_the_same_helper(cast, login):
    assert hits(login(cast.unit_b), "tuyen giao") == []
    assert ("task", "12-TB/TU, mục 1") in hits(login(cast.unit_b), "kien toan")
    assert hits(login(cast.office_a), "kien toan") == []


def test_ranked_and_paginated(cast, login):
    for i in range(25):
        services.create_task(
            committee=cast.committee_a,
            doc_number=f"{200 + i}-TB/TU",
            doc_date=date(2026, 2, 1),
            text=f"Kiểm tra công tác dân vận đợt {i}",
            created_by=cast.office_a,
            lead_units=[cast.board_a],
        )
    client = login(cast.office_a)
    first = hits(client, "dan van")
    assert len(first) == 20
    second = hits(client, "dan van", page=2)
    assert len(second) == 5 and not set(first) & set(second)
    # a document number in the title ranks first
    assert hits(client, "210-TB/TU")[0] == ("task", "210-TB/TU")
    assert hits(client, "dan van", kind="unit") == []


def test_empty_and_silly_queries(cast, login):
    client = login(cast.office_a)
    assert hits(client, "") == [] and hits(client, "   ") == []
    assert hits(client, "x" * 500) == []
    # an unknown kind is said (400 with the message), never searched as "everything"
    assert client.get("/search/", {"q": "a", "kind": "nope"}).status_code == 400
    page = client.get("/tasks/").content.decode()
    assert 'action="/search/"' in page and page.count('name="q"') == 1  # the header's own box
    assert hits(client, "", search="tuyen giao")  # what the header's box sends
