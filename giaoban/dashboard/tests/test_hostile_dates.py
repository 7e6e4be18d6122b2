"""A reference date far outside the years an office works in answers the page with a clear
message (counts as of today), never a server error."""

from __future__ import annotations

import pytest

from giaoban.core.tests.support import frozen  # noqa: F401

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.mark.parametrize("as_of", ["01/01/3000", "31/12/9999", "01/01/0001", "31/12/1899"])
def test_year_outside_1900_2999_is_refused_with_a_message(cast, login, as_of):
    client = login(cast.office_a)
    client.raise_request_exception = False
    response = client.get("/", {"as_of": as_of})
    assert response.status_code == 200
    html = response.content.decode()
    assert "01/01/1900" in html and "31/12/2999" in html  # the message names the range
    assert "16/03/2026" in html  # counts as of today


@pytest.mark.parametrize("as_of", ["01/01/1900", "31/12/2999", "29/02/2100"])
def test_edges_of_the_range_still_work(cast, login, as_of):
    client = login(cast.office_a)
    client.raise_request_exception = False
    response = client.get("/", {"as_of": as_of})
    assert response.status_code in (200,), as_of


@pytest.mark.parametrize("as_of", ["01/01/3000", "31/12/9999"])
def test_task_list_filter_refuses_such_years(cast, login, as_of):
    client = login(cast.office_a)
    client.raise_request_exception = False
    for url in ("/tasks/", "/tasks/assignments/"):
        response = client.get(url, {"as_of": as_of, "deadline_from": as_of})
        # an invalid filter value is refused with 400 (the list's rule), never a 500
        assert response.status_code == 400, url
