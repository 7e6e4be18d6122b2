"""The office's full list of what awaits it (claims and extension requests), oldest first,
filtered, paginated, counted in the menu; and the bulk confirmation of selected claims."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from giaoban.core.tests.support import TODAY, audit_for, frozen, grow  # noqa: F401
from giaoban.tasks import services
from giaoban.tasks.models import Assignment, CompletionClaim, ExtensionRequest

pytestmark = pytest.mark.usefixtures("frozen")
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _claimed(cast, n: int, start: int = 0) -> list[Assignment]:
    """``n`` tasks of Alpha given to Ban Tổ chức A, each claimed; the first claimed earliest."""
    unit, user = cast.board_a, cast.unit_a
    out = []
    for i in range(start, start + n):
        task = services.create_task(
            committee=cast.committee_a,
            doc_number="70-TB/TU",
            doc_date=date(2026, 2, 1),
            item_number=str(i + 1),
            text=f"Nhiệm vụ số {i + 1} về công tác tuyên giáo",
            deadline=date(2026, 6, 30),
            created_by=cast.office_a,
            lead_units=[unit],
        )
        asg = task.assignments.get()
        claim = services.claim_completion(
            assignment=asg,
            user=user,
            completed_on=date(2026, 3, 1),
            evidence_number=f"{i + 1}-BC/BTC",
        )
        CompletionClaim.objects.filter(pk=claim.pk).update(
            claimed_at=datetime(2026, 3, 2, 8, tzinfo=TZ) + timedelta(hours=i)
        )
        out.append(asg)
    return out


def test_every_claim_is_listed_oldest_first_and_paginated(cast, login):
    claimed = _claimed(cast, 30)
    client = login(cast.office_a)
    html = client.get("/tasks/awaiting/").content.decode()
    assert "(30)" in html  # all of them, not 10
    first = html.index(f'data-assignment="{claimed[0].pk}"')
    second = html.index(f'data-assignment="{claimed[1].pk}"')
    assert first < second
    assert f'data-assignment="{claimed[26].pk}"' not in html  # 25 a page
    page2 = client.get("/tasks/awaiting/?page=2").content.decode()
    assert f'data-assignment="{claimed[29].pk}"' in page2
    assert "1-BC/BTC" in html  # the request's content, not only a badge


def test_an_extension_request_older_than_a_claim_comes_first(cast, login):
    [claimed] = _claimed(cast, 1)
    req = services.request_extension(
        assignment=cast.asg_a, user=cast.unit_a, new_deadline=date(2028, 6, 30), reason="Chờ"
    )
    ExtensionRequest.objects.filter(pk=req.pk).update(
        requested_at=datetime(2026, 3, 1, 8, tzinfo=TZ)
    )
    html = login(cast.office_a).get("/tasks/awaiting/").content.decode()
    assert html.index(f'data-assignment="{cast.asg_a.pk}"') < html.index(
        f'data-assignment="{claimed.pk}"'
    )
    assert "30/06/2028" in html and "Chờ" in html


def test_filters_by_kind_unit_and_words(cast, login):
    claimed = _claimed(cast, 2)
    services.request_extension(
        assignment=cast.asg_a, user=cast.unit_a, new_deadline=date(2028, 6, 30), reason="Chờ"
    )
    client = login(cast.office_a)
    html = client.get("/tasks/awaiting/?kind=extension").content.decode()
    assert f'data-assignment="{cast.asg_a.pk}"' in html
    assert f'data-assignment="{claimed[0].pk}"' not in html
    html = client.get(f"/tasks/awaiting/?unit={cast.board_a2.pk}").content.decode()
    assert "data-assignment=" not in html
    html = client.get("/tasks/awaiting/?q=so+2+tuyen+giao").content.decode()
    assert f'data-assignment="{claimed[1].pk}"' in html
    assert f'data-assignment="{claimed[0].pk}"' not in html


def test_an_invalid_filter_is_a_visible_400_not_everything(cast, login):
    _claimed(cast, 2)
    response = login(cast.office_a).get(f"/tasks/awaiting/?unit={cast.board_b.pk}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Không có đơn vị này." in html  # the one answer for foreign and nonexistent ids
    assert "data-assignment=" not in html


def test_the_menu_count(cast, login):
    _claimed(cast, 3)
    client = login(cast.office_a)
    assert 'id="awaiting-count"' in client.get("/tasks/").content.decode()
    assert client.get("/tasks/awaiting/count/").content == b"3"
    assert login(cast.office_b).get("/tasks/awaiting/count/").content == b""


@pytest.mark.parametrize("who", ["leader_a", "unit_a", "admin"])
def test_only_an_office_has_the_list(cast, login, who):
    client = login(getattr(cast, who))
    assert client.get("/tasks/awaiting/").status_code == 403
    assert 'id="awaiting-count"' not in client.get("/tasks/").content.decode()


def test_bulk_confirm_asks_once_then_confirms_each_with_its_audit(cast, login):
    claimed = _claimed(cast, 4)
    client = login(cast.office_a)
    ids = [a.pk for a in claimed[:3]]
    ask = client.post("/tasks/awaiting/confirm/", {"ids": ids})
    assert ask.status_code == 200
    assert "Xác nhận hoàn thành các nhiệm vụ này (3)?" in ask.content.decode()
    assert Assignment.objects.filter(pk__in=ids, state="done").count() == 0  # nothing yet
    done = client.post("/tasks/awaiting/confirm/", {"ids": ids, "confirmed": "1"}, follow=True)
    assert "Đã xác nhận hoàn thành: 3." in done.content.decode()
    assert Assignment.objects.filter(pk__in=ids, state="done").count() == 3
    assert Assignment.objects.get(pk=claimed[3].pk).state == "claimed"
    for pk in ids:
        assert audit_for(Assignment.objects.get(pk=pk))[-1].action == "tasks.assignment.confirmed"


def test_bulk_confirm_ignores_what_is_not_the_offices(cast, login):
    [mine] = _claimed(cast, 1)
    services.request_extension(
        assignment=cast.asg_b, user=cast.unit_b, new_deadline=date(2028, 6, 30), reason="x"
    )
    client = login(cast.office_a)
    client.post("/tasks/awaiting/confirm/", {"ids": [mine.pk, cast.asg_b.pk], "confirmed": "1"})
    assert Assignment.objects.get(pk=mine.pk).state == "done"
    assert Assignment.objects.get(pk=cast.asg_b.pk).state == "open"
    empty = client.post("/tasks/awaiting/confirm/", {"ids": [cast.asg_b.pk]}, follow=True)
    assert "Chọn ít nhất một" in empty.content.decode()


def test_the_list_runs_a_fixed_number_of_queries(cast, login, django_assert_num_queries):
    client = login(cast.office_a)
    _claimed(cast, 3)
    # session, user, memberships, subtree CTE, units of the filter, COUNT, page, claims,
    # extension requests (prefetched)
    with django_assert_num_queries(9):
        small = client.get("/tasks/awaiting/")
    _claimed(cast, 20, start=3)
    with django_assert_num_queries(9):
        big = client.get("/tasks/awaiting/")
    assert len(big.content) > len(small.content)
