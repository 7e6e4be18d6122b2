"""Roll-up counts ("x/y units done") are the committee's: a unit user sees its own assignment,
and the counts only when the committee publishes them (GIAOBAN_PUBLISH_ROLLUP, off)."""

from __future__ import annotations

import pytest

from giaoban.core.tests.support import frozen  # noqa: F401

pytestmark = pytest.mark.usefixtures("frozen")
ROLLUP_VI = "0/2 đơn vị đã hoàn thành"


def _pages(client, cast) -> list[str]:
    return [
        client.get(f"/tasks/{cast.task_a.pk}/").content.decode(),
        client.get("/tasks/").content.decode(),
    ]


def test_unit_user_does_not_see_the_counts(cast, login):
    client = login(cast.unit_a)
    detail, listing = _pages(client, cast)
    assert cast.task_a.doc_number in detail and cast.task_a.doc_number in listing
    assert ROLLUP_VI not in detail and ROLLUP_VI not in listing
    assert 'id="rollup"' not in detail
    api = client.get(f"/api/tasks/{cast.task_a.pk}").json()
    assert (api["n_units"], api["n_done"], api["n_overdue"]) == (None, None, None)
    listed = client.get("/api/tasks").json()["items"]
    assert [t["n_units"] for t in listed] == [None]


@pytest.mark.parametrize("who", ["office_a", "leader_a", "admin"])
def test_the_committee_sees_the_counts(cast, login, who):
    client = login(getattr(cast, who))
    detail, listing = _pages(client, cast)
    assert ROLLUP_VI in detail and ROLLUP_VI in listing
    api = client.get(f"/api/tasks/{cast.task_a.pk}").json()
    assert (api["n_units"], api["n_done"]) == (2, 0)


def test_published_counts_are_shown_to_units(cast, login, settings):
    settings.GIAOBAN_PUBLISH_ROLLUP = True
    client = login(cast.unit_a)
    detail, listing = _pages(client, cast)
    assert ROLLUP_VI in detail and ROLLUP_VI in listing
    assert client.get(f"/api/tasks/{cast.task_a.pk}").json()["n_units"] == 2
