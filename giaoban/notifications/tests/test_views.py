"""The centre, the bell, preferences and rules, through the pages."""

from __future__ import annotations

import pytest

from giaoban.core.models import AuditEntry
from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.notifications.models import Notification, Preference, ReminderRule

pytestmark = pytest.mark.usefixtures("frozen")


def test_centre_lists_my_notifications_and_the_bell_counts_them(cast, login):
    client = login(cast.unit_a)
    page = client.get("/notifications/")
    assert page.status_code == 200
    body = page.content.decode()
    assert body.count('data-testid="notification"') == 1
    assert cast.task_a.doc_number in body
    bell = client.get("/notifications/bell/").content.decode()
    assert 'data-testid="bell-count">1<' in bell
    assert 'hx-get="/notifications/bell/"' in client.get("/").content.decode()


def test_open_marks_read_and_goes_to_the_object(cast, login):
    client = login(cast.unit_a)
    n = Notification.objects.get(recipient=cast.unit_a)
    response = client.get(f"/notifications/{n.pk}/")
    assert (
        response.status_code == 302
        and response["Location"] == f"/tasks/assignments/{cast.asg_a.pk}/"
    )
    n.refresh_from_db()
    assert n.read_at is not None
    assert 'data-testid="bell-count"' not in client.get("/notifications/bell/").content.decode()


def test_another_persons_notification_is_404(cast, login):
    n = Notification.objects.get(recipient=cast.unit_a)
    client = login(cast.unit_a2)
    assert client.get(f"/notifications/{n.pk}/").status_code == 404
    assert client.post(f"/notifications/{n.pk}/read/").status_code == 404
    n.refresh_from_db()
    assert n.read_at is None


def test_mark_all_read_is_audited(cast, login):
    client = login(cast.unit_a)
    assert client.post("/notifications/read/").status_code == 302
    assert not Notification.objects.filter(recipient=cast.unit_a, read_at__isnull=True).exists()
    entry = AuditEntry.objects.get(action="notifications.read_all")
    assert entry.actor == cast.unit_a and entry.data == {"count": 1}
    assert client.get("/notifications/read/").status_code == 405


def test_anonymous_goes_to_login(client):
    assert client.get("/notifications/")["Location"].startswith("/accounts/login/")


def test_preferences_are_saved_and_audited(cast, login):
    client = login(cast.unit_a)
    page = client.get("/notifications/preferences/").content.decode()
    assert "no e-mail address" in page or "không có địa chỉ" in page
    assert client.post("/notifications/preferences/", {"email_enabled": "on"}).status_code == 302
    pref = Preference.objects.get(user=cast.unit_a)
    assert pref.email_enabled and not pref.digest
    assert AuditEntry.objects.filter(
        action="notifications.preference.saved", actor=cast.unit_a
    ).exists()


RULE = {
    "days_before": "2",
    "overdue_every": "5",
    "escalate_after": "10",
    "claim_unconfirmed_after": "4",
    "report_missing_after": "1",
    "on_the_day": "on",
}


def test_the_office_sets_its_rules(cast, login):
    client = login(cast.office_a)
    assert client.get("/notifications/rules/").status_code == 200
    response = client.post("/notifications/rules/", RULE)
    assert response.status_code == 302
    rule = ReminderRule.objects.get(committee=cast.committee_a)
    assert (rule.days_before, rule.overdue_every, rule.recommendation_unanswered) == (2, 5, False)
    entry = AuditEntry.objects.get(action="notifications.rule.saved")
    assert entry.data["overdue_every"] == 5 and entry.unit == cast.committee_a


def test_negative_days_get_a_clear_message_and_nothing_is_saved(cast, login):
    client = login(cast.office_a)
    response = client.post("/notifications/rules/", {**RULE, "overdue_every": "-3"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "không thể âm" in body or "cannot be negative" in body
    assert not ReminderRule.objects.exists()
    response = client.post("/notifications/rules/", {**RULE, "days_before": "abc"})
    assert response.status_code == 400 and not ReminderRule.objects.exists()


def test_rules_are_the_offices_only(cast, login):
    for user in (cast.leader_a, cast.unit_a, cast.admin):
        assert login(user).get("/notifications/rules/").status_code == 403
    assert (
        login(cast.office_b)
        .get(f"/notifications/rules/?committee={cast.committee_a.pk}")
        .status_code
        == 404
    )


def test_centre_query_count_does_not_grow(cast, login, django_assert_num_queries):
    from giaoban.notifications.outbox import Spec, write

    client = login(cast.unit_a)

    def add(n, start):
        write(
            Spec(
                recipients=(cast.unit_a.pk,),
                kind="due_soon",
                key=f"k{i}",
                params={"doc": "x"},
                url="/",
            )
            for i in range(start, start + n)
        )

    add(3, 0)
    # session, user, memberships (the scope for the menu), the paginator count, the page,
    # the unread count
    with django_assert_num_queries(6):
        client.get("/notifications/")
    add(40, 100)
    with django_assert_num_queries(6):
        client.get("/notifications/")
