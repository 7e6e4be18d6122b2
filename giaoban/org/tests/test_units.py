"""The unit tree (subtree CTE, active units, host committee, folded names) and the
units API: scope, search, detail, and a query count that does not grow with units."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from giaoban.accounts.models import ApiToken
from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.org.models import Unit, UnitKind, subtree_ids

pytestmark = pytest.mark.usefixtures("frozen")


def test_subtree_ids(cast):
    alpha = {
        cast.committee_a,
        cast.office_unit_a,
        cast.board_a,
        cast.board_a2,
        cast.commune_a,
        cast.closed_a,
    }
    assert subtree_ids([cast.committee_a.pk]) == {u.pk for u in alpha}
    assert subtree_ids({cast.committee_a.pk}, include_roots=False) == {
        u.pk for u in alpha - {cast.committee_a}
    }
    assert subtree_ids([cast.board_a.pk]) == {cast.board_a.pk}
    assert subtree_ids([]) == set()
    # deeper levels are reached too
    cell = Unit.objects.create(kind=UnitKind.OTHER, name="Chi bộ xóm 1", parent=cast.commune_a)
    assert cell.pk in subtree_ids([cast.committee_a.pk])
    assert cell.pk not in subtree_ids([cast.committee_b.pk])


def test_active_units_on_a_date(cast):
    alpha = Unit.objects.filter(parent=cast.committee_a)
    assert cast.closed_a not in alpha.active(date(2026, 3, 16))
    assert cast.closed_a in alpha.active(date(2025, 6, 30))  # its last day
    assert cast.closed_a not in alpha.active(date(2019, 12, 31))  # before it existed
    assert not cast.closed_a.is_active() and cast.closed_a.is_active(date(2024, 1, 1))


def test_host_committee_and_display_name(cast):
    assert cast.board_a.host_committee() == cast.committee_a
    assert cast.committee_a.host_committee() is None
    assert cast.committee_a.is_host and cast.commune_a.is_host and not cast.board_a.is_host
    assert (
        cast.board_a.display_name == "Ban Tổ chức A"
        and cast.commune_a.display_name == "Đảng ủy xã Tân An"
    )


def test_folded_name_is_kept_up_to_date(cast):
    assert cast.board_a2.name_folded == "ban tuyen giao tinh uy alpha ban tuyen giao a"
    cast.commune_a.name = "Đảng ủy phường Đông Hòa"
    cast.commune_a.save(update_fields=["name"])
    assert Unit.objects.get(pk=cast.commune_a.pk).name_folded == "dang uy phuong dong hoa"


def test_valid_range_and_code_constraints(cast):
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(
            kind=UnitKind.BOARD, name="Sai", valid_from=date(2026, 1, 1), valid_to=date(2025, 1, 1)
        )
    Unit.objects.create(kind=UnitKind.BOARD, name="A", code="000.00.01", code_scheme="QĐ 20/2020")
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(
            kind=UnitKind.BOARD, name="B", code="000.00.01", code_scheme="QĐ 20/2020"
        )
    # empty codes never clash
    Unit.objects.create(kind=UnitKind.BOARD, name="C")
    Unit.objects.create(kind=UnitKind.BOARD, name="D")


# -- the units API ----------------------------------------------------------------------


def _api(user) -> tuple[Client, dict]:
    token, raw = ApiToken.issue(user=user, name="units")
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())  # used a moment ago
    return Client(), {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.mark.parametrize(
    "who,count",
    [("office_a", 6), ("leader_a", 6), ("unit_a", 1), ("unit_b", 1), ("office_b", 3), ("admin", 9)],
)
def test_units_in_scope(cast, who, count):
    client, headers = _api(getattr(cast, who))
    body = client.get("/api/units/", **headers).json()
    assert body["count"] == count


def test_unit_list_order_and_fields(cast):
    client, headers = _api(cast.office_a)
    items = client.get("/api/units/", **headers).json()["items"]
    assert [u["name"] for u in items][:3] == [
        "Tỉnh ủy Alpha",
        "Văn phòng Tỉnh ủy Alpha",
        "Ban Tổ chức Tỉnh ủy Alpha",
    ]
    closed = next(u for u in items if u["id"] == cast.closed_a.pk)
    assert (closed["valid_from"], closed["valid_to"], closed["parent_id"]) == (
        "2020-01-01",
        "2025-06-30",
        cast.committee_a.pk,
    )


def test_unit_detail(cast):
    client, headers = _api(cast.unit_a)
    assert (
        client.get(f"/api/units/{cast.board_a.pk}", **headers).json()["short_name"]
        == "Ban Tổ chức A"
    )
    assert client.get(f"/api/units/{cast.board_a2.pk}", **headers).status_code == 404
    assert client.get(f"/api/units/{cast.board_b.pk}", **headers).status_code == 404
    assert client.get("/api/units/abc", **headers).status_code == 422
    assert Client().get(f"/api/units/{cast.board_a.pk}").status_code == 401


def test_unit_search(cast):
    client, headers = _api(cast.office_a)
    names = [
        u["name"] for u in client.get("/api/units/", {"q": "DANG UY"}, **headers).json()["items"]
    ]
    assert names == ["Đảng ủy xã Tân An"]
    assert client.get("/api/units/", {"q": "tan an ban"}, **headers).json()["count"] == 0


# Queries of /api/units/:
#   1. the token with its user
#   (the token's last use is written at most once a minute: not here, the token was just used)
#   2. the memberships (scope)
#   3. the subtree CTE (office/leader only)
#   4. COUNT for the page
#   5. one page of units
UNIT_QUERIES = {"office_a": 5, "leader_a": 5, "unit_a": 4, "admin": 4}


def test_unit_list_queries_do_not_grow_with_units(cast, django_assert_num_queries):
    clients = {who: _api(getattr(cast, who)) for who in UNIT_QUERIES}

    def measure():
        counts = {}
        for who, (client, headers) in clients.items():
            with django_assert_num_queries(UNIT_QUERIES[who], info=who):
                counts[who] = client.get("/api/units/?limit=100", **headers).json()["count"]
        return counts

    small = measure()
    for i in range(40):
        parent = Unit.objects.create(
            kind=UnitKind.COMMUNE_COMMITTEE, name=f"Đảng ủy xã {i}", parent=cast.committee_a
        )
        Unit.objects.create(kind=UnitKind.OTHER, name=f"Chi bộ {i}", parent=parent)
    big = measure()
    assert big["office_a"] == small["office_a"] + 80 and big["admin"] == small["admin"] + 80
    assert big["unit_a"] == small["unit_a"] == 1
