"""GET /api/statistics/leaders: the statistics per directing leader of the page
/tasks/leaders/ (the same query), scoped to the user, at the reference date ``as_of``."""

from __future__ import annotations

import pytest
from django.test import Client

from giaoban.tasks.status import StatusClass
from giaoban.tasks.tests.test_sort_leader import _stats, five  # noqa: F401

URL = "/api/statistics/leaders"


def _client(user) -> Client:
    client = Client(headers={"accept-language": "vi"})
    client.force_login(user)
    return client


def _api(client, as_of: str = "") -> dict:
    response = client.get(URL, {"as_of": as_of} if as_of else {})
    assert response.status_code == 200, response.content
    body = response.json()
    rows = {(r["name"] or "-"): {k: v for k, v in r["counts"].items() if v} for r in body["rows"]}
    for r in body["rows"]:
        assert r["total"] == sum(r["counts"].values())
        rows[r["name"] or "-"]["total"] = r["total"]
    assert body["total"] == sum(r["total"] for r in body["rows"])
    assert set(body["counts"]) == {c.value for c in StatusClass}
    return body, rows


@pytest.mark.parametrize(
    "api_date,page_date,expected",
    [
        (
            "",
            "",
            {
                "leader_a": {"total": 5, "open_in_time": 3, "open_overdue": 1, "done_on_time": 1},
                "Trần Văn Hai": {"total": 1, "open_overdue": 1},
                "Phó Bí thư Thường trực": {"total": 1, "standing": 1},
            },
        ),
        (
            "2026-03-10",
            "10/03/2026",
            {
                "leader_a": {"total": 5, "open_in_time": 4, "open_overdue": 1},
                "Trần Văn Hai": {"total": 1, "open_overdue": 1},
                "Phó Bí thư Thường trực": {"total": 1, "standing": 1},
            },
        ),
        ("2026-01-15", "15/01/2026", {"leader_a": {"total": 2, "open_in_time": 2}}),
    ],
)
def test_api_matches_the_page_at_three_dates(cast, five, api_date, page_date, expected):  # noqa: F811
    client = _client(cast.office_a)
    body, rows = _api(client, api_date)
    assert rows == expected
    assert rows == _stats(client, page_date)  # the page, the same figures
    assert body["as_of"] == (api_date or "2026-03-16")
    leader = next(r for r in body["rows"] if r["name"] == "leader_a")
    assert leader["leader_id"] == cast.leader_a.pk


def test_api_is_scoped(cast, five):  # noqa: F811
    _body, beta = _api(_client(cast.office_b))
    assert beta == {"-": {"total": 1, "open_in_time": 1}}
    _body, unit = _api(_client(cast.unit_a))
    assert unit == {
        "leader_a": {"total": 3, "open_in_time": 1, "open_overdue": 1, "done_on_time": 1},
        "Phó Bí thư Thường trực": {"total": 1, "standing": 1},
    }


def test_api_refuses_a_bad_date_and_needs_a_login(cast, client):
    assert client.get(URL).status_code == 401
    client.force_login(cast.office_a)
    response = client.get(URL, {"as_of": "2026-02-31"})
    assert response.status_code == 400
    assert "as_of" in response.json()["errors"]
