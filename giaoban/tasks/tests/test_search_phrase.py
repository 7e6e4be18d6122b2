"""Search: the phrase first (adjacent words, accents and case ignored), then all the words;
unit names and short names, document numbers written either way, leaders' names. Runs on
SQLite and PostgreSQL alike (the suite runs on both)."""

from __future__ import annotations

from datetime import date

import pytest

from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.tasks import services
from giaoban.tasks.search import phrase_pattern, words

pytestmark = pytest.mark.usefixtures("frozen")


def _task(cast, number, text, units, **kw):
    return services.create_task(
        committee=cast.committee_a,
        doc_number=number,
        doc_date=date(2026, 2, 2),
        item_number=kw.pop("item", "1"),
        text=text,
        deadline=date(2026, 6, 30),
        created_by=cast.office_a,
        lead_units=units,
        **kw,
    )


def _order(client, url, q) -> list[str]:
    """Document numbers in the order the API lists them."""
    response = client.get(url, {"q": q, "limit": 100})
    assert response.status_code == 200, response.content
    key = "doc_number"
    return [row[key] for row in response.json()["items"]]


@pytest.fixture
def loose(cast):
    """A task that holds both words but not the phrase, given to the commune."""
    return _task(cast, "150-TB/TU", "Đẩy mạnh tuyên truyền và bàn giao hồ sơ", [cast.commune_a])


def test_the_phrase_comes_before_loose_words(cast, login, loose):
    client = login(cast.office_a)
    for url in ("/api/tasks", "/api/assignments"):
        order = _order(client, url, "tuyen giao")
        assert order[-1] == "150-TB/TU", (url, order)  # loose words last
        assert "90-TB/TU" in order[:-1]
    page = client.get("/tasks/", {"q": "tuyên giáo"}).content.decode()
    assert page.index(">90-TB/TU<") < page.index(">150-TB/TU<")
    page = client.get("/tasks/assignments/", {"q": "TUYEN GIAO"}).content.decode()
    assert page.index(">90-TB/TU<") < page.index(">150-TB/TU<")


def test_a_unit_name_finds_the_units_assignments(cast, login):
    _task(cast, "151-TB/TU", "Chuẩn bị đại hội chi bộ", [cast.board_a2])
    client = login(cast.office_a)
    assert "151-TB/TU" in _order(client, "/api/assignments", "ban tuyen giao")
    assert "151-TB/TU" in _order(client, "/api/tasks", "Ban Tuyên giáo A")  # short name
    assert "151-TB/TU" not in _order(client, "/api/tasks", "ban to chuc")


@pytest.mark.parametrize("q", ["90-TB/TU", "90 TB TU", "90/tb/tu", "90-tb-tu"])
def test_document_numbers_either_way(cast, login, q):
    _task(cast, "190-TB/TU", "Một việc khác", [cast.board_a])
    order = _order(login(cast.office_a), "/api/tasks", q)
    assert order[0] == "90-TB/TU"
    assert "190-TB/TU" not in order[:1]


def test_a_leaders_name_finds_the_tasks_they_directed(cast, login):
    cast.leader_a.full_name = "Nguyễn Thị Hồng Lãnh"
    cast.leader_a.save()
    _task(cast, "152-TB/TU", "Kiểm tra công tác cán bộ", [cast.board_a], directed_by=cast.leader_a)
    assert _order(login(cast.office_a), "/api/tasks", "hong lanh") == ["152-TB/TU"]


def test_search_stays_in_the_scope(cast, login, loose):
    assert _order(login(cast.unit_b), "/api/tasks", "tuyen giao") == []
    # unit_a carries 90-TB/TU, not the commune's task
    assert _order(login(cast.unit_a), "/api/assignments", "tuyen giao") == ["90-TB/TU"]


def test_the_pattern_is_plain():
    assert words("  Tuyên GIÁO, 90-TB/TU ") == ["tuyen", "giao", "90", "tb", "tu"]
    assert phrase_pattern(["tuyen", "giao"]) == r"(^|[^a-z0-9])tuyen[^a-z0-9]+giao"


@pytest.mark.parametrize(
    "params",
    [{"status": "dang_lam"}, {"deadline_from": "31/02/2026"}, {"as_of": "hôm qua"}, {"unit": "x"}],
)
def test_an_invalid_filter_is_a_visible_400_never_everything(cast, login, params):
    client = login(cast.office_a)
    for url in ("/tasks/", "/tasks/assignments/"):
        response = client.get(url, params)
        assert response.status_code == 400, (url, params)
        html = response.content.decode()
        assert "alert-danger" in html
        assert ">90-TB/TU<" not in html  # nothing listed rather than everything
    htmx = client.get("/tasks/assignments/", params, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 400 and "alert-danger" in htmx.content.decode()


def test_an_invalid_filter_in_the_api_is_refused(cast, login):
    client = login(cast.office_a)
    assert client.get("/api/assignments", {"status": "dang_lam"}).status_code == 400
    assert client.get("/api/assignments", {"deadline_from": "2026-02-31"}).status_code == 400
    assert client.get("/api/assignments", {"unit": cast.board_b.pk}).status_code == 400


def test_the_unit_filter_is_a_picker_for_very_many_units(cast, login):
    admin = login(cast.admin).get("/tasks/assignments/").content.decode()
    assert 'class="form-control unit-picker-input' in admin and '<select name="unit"' not in admin
    office = login(cast.office_a).get("/tasks/assignments/").content.decode()
    assert '<select name="unit"' in office and "unit-picker-input" not in office
    chosen = login(cast.admin).get("/tasks/assignments/", {"unit": cast.board_a2.pk})
    assert 'value="Ban Tuyên giáo Tỉnh ủy Alpha"' in chosen.content.decode()
