"""The dashboard's date box and period picker: the cards count the assignments due in the
chosen period, at the chosen date; the banner says so; every link keeps both. Counts are
hand-computed (the cast's day is frozen at 16/03/2026)."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest

from giaoban.tasks.services import create_task


@pytest.fixture
def tasks(cast):
    """Besides task_a (Ban Tổ chức A and Ban Tuyên giáo A, due 31/12/2027):
    X1 due 10/03/2026 Ban Tổ chức A, X2 due 20/03/2026 Ban Tuyên giáo A,
    X3 due 15/05/2026 Đảng ủy xã Tân An (all given 01/02/2026), X4 due 15/12/2025 Ban Tổ chức A
    (given 01/12/2025), X5 standing Ban Tổ chức A (given 01/02/2026)."""
    spec = [
        ("1", date(2026, 2, 1), date(2026, 3, 10), cast.board_a),
        ("2", date(2026, 2, 1), date(2026, 3, 20), cast.board_a2),
        ("3", date(2026, 2, 1), date(2026, 5, 15), cast.commune_a),
        ("4", date(2025, 12, 1), date(2025, 12, 15), cast.board_a),
        ("5", date(2026, 2, 1), None, cast.board_a),
    ]
    for item, given, deadline, unit in spec:
        create_task(
            committee=cast.committee_a,
            doc_number="300-TB/TU",
            doc_date=given,
            item_number=item,
            text=f"Mục {item}",
            deadline=deadline,
            created_by=cast.office_a,
            lead_units=[unit],
            created_on=given,
        )


def _cards(response) -> dict[str, int]:
    return {
        k: v
        for k, v in response.context["counts"].items()
        if v and k not in ("extended", "met_original")
    }


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, {"open_in_time": 4, "open_overdue": 2, "standing": 1, "total": 7}),
        ({"period": "2026-Q1"}, {"open_in_time": 1, "open_overdue": 1, "total": 2}),
        ({"period": "2026-H1"}, {"open_in_time": 2, "open_overdue": 1, "total": 3}),
        ({"period": "2026-Y"}, {"open_in_time": 2, "open_overdue": 1, "total": 3}),
        ({"period": "2025-Q4"}, {"open_overdue": 1, "total": 1}),
        # at 01/03/2026 X1 was not yet due
        ({"period": "2026-Q1", "as_of": "01/03/2026"}, {"open_in_time": 2, "total": 2}),
        ({"period": "2025-Q4", "as_of": "01/03/2026"}, {"open_overdue": 1, "total": 1}),
        # at 10/01/2026 only task_a (given 01/01/2026) and X4 existed
        ({"as_of": "10/01/2026"}, {"open_in_time": 2, "open_overdue": 1, "total": 3}),
    ],
)
def test_cards_count_the_chosen_period_at_the_chosen_date(cast, login, tasks, params, expected):
    for user in (cast.office_a, cast.leader_a):
        response = login(user).get("/", params)
        assert response.status_code == 200
        assert _cards(response) == expected, user


def test_unit_dashboard_counts_the_period_too(cast, login, tasks):
    # Ban Tổ chức A: task_a (in time), X1 (overdue), X4 (overdue, Q4 2025), X5 (standing)
    assert _cards(login(cast.unit_a).get("/", {"period": "2026-Q1"})) == {
        "open_overdue": 1,
        "total": 1,
    }
    assert _cards(login(cast.unit_a).get("/")) == {
        "open_in_time": 1,
        "open_overdue": 2,
        "standing": 1,
        "total": 4,
    }


def test_the_banner_says_what_the_figures_are(cast, login, tasks):
    html = login(cast.office_a).get("/", {"period": "2026-Q1", "as_of": "01/03/2026"}).content
    scope = html.decode().split('id="figures-scope">')[1].split("</strong>")[0]
    assert "Quý I/2026 (01/01/2026 – 31/03/2026)" in scope
    assert "01/03/2026" in scope and "thời hạn" in scope
    english = (
        login(cast.office_a)
        .get("/", {"period": "2026-Q1"}, HTTP_ACCEPT_LANGUAGE="en")
        .content.decode()
    )
    scope = english.split('id="figures-scope">')[1].split("</strong>")[0]
    assert "Q1 2026 (01/01/2026 – 31/03/2026)" in scope and "Quý" not in scope
    assert "deadline" in scope


def test_every_link_keeps_the_date_and_the_period(cast, login, tasks):
    client = login(cast.office_a)
    html = client.get("/", {"period": "2026-Q1", "as_of": "01/03/2026"}).content.decode()
    keep = "as_of=01%2F03%2F2026&amp;deadline_from=01%2F01%2F2026&amp;deadline_to=31%2F03%2F2026"
    overdue_all = re.search(r'id="overdue-all" href="([^"]+)"', html).group(1)
    assert keep in overdue_all
    block = html.split('id="status-counts"')[1].split("</div>\n</div>")[0]
    cards = re.findall(r'href="(/tasks/assignments/\?status=[a-z_]+[^"]*)"', block)
    assert len(cards) >= 6 and all(keep in c for c in cards)
    units = re.findall(r'href="(/tasks/assignments/\?unit=\d+[^"]*)"', html)
    assert units and all(keep in u for u in units)
    # the list a card leads to counts what the card says
    in_time = next(c for c in cards if "status=open_in_time" in c)
    listed = client.get(unescape(in_time))
    assert listed.status_code == 200 and listed.context["page"].paginator.count == 2
    # without a chosen date or period, the links stay plain
    plain = client.get("/").content.decode()
    assert 'id="overdue-all" href="/tasks/assignments/?status=open_overdue"' in plain


def test_the_form_keeps_its_values_and_refuses_a_bad_period(cast, login, tasks):
    client = login(cast.office_a)
    html = client.get("/", {"period": "2026-Q1", "as_of": "01/03/2026"}).content.decode()
    assert '<option value="2026-Q1" selected>Quý I/2026</option>' in html
    assert 'name="as_of" id="id_as_of"' in html and 'value="01/03/2026"' in html
    bad = client.get("/", {"period": "2026-Q9"})
    assert bad.status_code == 200
    assert "Không có kỳ này: 2026-Q9" in bad.content.decode()
    assert _cards(bad)["total"] == 7  # every task, as said by the banner
    assert "không riêng kỳ này" in bad.content.decode()
