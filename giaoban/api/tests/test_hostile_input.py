"""Hostile numbers and text: 400/415/422 with a clear message on both databases, never a
server error, never stored. Runs on SQLite and on PostgreSQL (bin/with-postgres)."""

from __future__ import annotations

import json

import pytest

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.tasks.models import Task

pytestmark = pytest.mark.usefixtures("frozen")
HUGE = str(2**63)  # one past the largest 64-bit signed integer
HUGER = "9" * 30


@pytest.fixture
def office(cast, login):
    client = login(cast.office_a)
    client.raise_request_exception = False
    return client


def _json(client, url, payload, content_type="application/json"):
    body = payload if isinstance(payload, str) else json.dumps(payload)
    return client.post(url, body, content_type=content_type, HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.parametrize("url", ["/api/tasks", "/api/assignments", "/api/units/"])
@pytest.mark.parametrize("param", ["limit", "offset"])
@pytest.mark.parametrize("value", [HUGE, HUGER, "-1"])
def test_paging_out_of_range_is_400(office, url, param, value):
    # a query parameter the server does not accept is a bad request (a body: 422)
    response = office.get(url, {param: value}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][param] == ["The number is out of range."]


def test_an_offset_past_the_end_is_an_empty_page(office):
    response = office.get("/api/tasks", {"offset": 10**9})
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize(
    "url",
    [
        "/api/tasks/{n}",
        "/api/assignments/{n}",
        "/api/units/{n}",
        "/api/assignments?unit={n}",
        "/api/tasks?unit={n}",
    ],
)
@pytest.mark.parametrize("n", [HUGE, HUGER])
def test_ids_over_64_bits_in_paths_and_filters(office, url, n):
    response = office.get(url.format(n=n), HTTP_ACCEPT_LANGUAGE="en")
    # in a path: 422 (the schema of the operation); in a query string (a filter): 400
    assert response.status_code == (400 if "?" in url else 422), response.content
    assert response.json()["detail"] == "The request is not valid."


@pytest.mark.parametrize("field", ["committee", "directed_by", "lead_units", "coordinating_units"])
def test_ids_over_64_bits_in_bodies(cast, office, field):
    payload = {
        "committee": cast.committee_a.pk,
        "doc_number": "99-TB/TU",
        "doc_date": "2026-03-01",
        "text": "Kiểm tra",
        "lead_units": [cast.board_a.pk],
    }
    payload[field] = [2**64 + 1] if field.endswith("units") else 2**64 + 1
    before = Task.objects.count()
    response = _json(office, "/api/tasks", payload)
    assert response.status_code == 422, response.content
    assert Task.objects.count() == before


def test_ids_over_64_bits_in_extension_decision(cast, office):
    url = f"/api/assignments/{cast.asg_a.pk}/extensions/{HUGE}/decide"
    response = _json(office, url, {"approve": True})
    assert response.status_code == 422


@pytest.mark.parametrize(
    "url",
    [
        "/api/tasks?q=a%00b",
        "/api/units/?q=%00",
        "/api/assignments?source=x%00",
        "/api/tasks?q%00=1",
    ],
)
def test_nul_in_a_query_is_422(office, url):
    response = office.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422, response.content
    assert response.json()["errors"]["__all__"] == ["Text must not contain NUL characters."]


def test_nul_in_a_body_is_422_and_nothing_is_stored(cast, login):
    client = login(cast.unit_a)
    client.raise_request_exception = False
    url = f"/api/assignments/{cast.asg_a.pk}/progress"
    response = _json(client, url, {"text": "Đã xong\x00 phần 1", "percent": 40})
    assert response.status_code == 422
    assert response.json()["errors"]["__all__"] == ["Text must not contain NUL characters."]
    assert cast.asg_a.progress_updates.count() == 0
    response = _json(client, url, {"text": "ok", "percent": 40, "x\x00": 1})
    assert response.status_code == 422


def test_nul_message_is_vietnamese_by_default(cast, office):
    response = office.get("/api/tasks?q=%00")
    assert response.json()["errors"]["__all__"] == ["Văn bản không được chứa ký tự NUL."]
