"""Calendar feeds: a secret, revocable URL; valid RFC 5545 with stable UIDs; 404 otherwise."""

from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar

from giaoban.core.models import AuditEntry
from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.notifications import services
from giaoban.notifications.models import CalendarFeed
from giaoban.tasks import services as task_services

pytestmark = pytest.mark.usefixtures("frozen")


def fetch(client, feed, secret):
    return client.get(f"/notifications/calendar/{feed.pk}/{secret}.ics")


def events(response) -> dict[str, object]:
    cal = Calendar.from_ical(response.content)
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_personal_feed_has_my_units_deadlines_with_stable_uids(cast, client):
    feed, secret = services.create_feed(user=cast.unit_a)
    response = fetch(client, feed, secret)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    assert str(cal["version"]) == "2.0" and cal["prodid"]
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    found = events(response)
    uid = f"giaoban-assignment-{cast.asg_a.pk}@giaoban.localhost"
    assert list(found) == [uid]  # Ban Tuyên giáo's coordinating one and Beta's are not mine
    event = found[uid]
    assert event["dtstart"].dt == cast.task_a.deadline and event["dtstamp"]
    assert "90-TB/TU" in str(event["summary"])
    # the deadline moves: same UID, higher SEQUENCE
    req = task_services.request_extension(
        assignment=cast.asg_a, user=cast.unit_a, new_deadline=date(2028, 2, 28), reason="Chờ"
    )
    task_services.decide_extension(request=req, user=cast.office_a, approve=True)
    event = events(fetch(client, feed, secret))[uid]
    assert event["dtstart"].dt == date(2028, 2, 28) and int(event["sequence"]) == 1


def test_committee_feed_is_the_offices(cast, client):
    feed, secret = services.create_feed(user=cast.office_a, committee=cast.committee_a)
    found = events(fetch(client, feed, secret))
    assert f"giaoban-task-{cast.task_a.pk}@giaoban.localhost" in found
    assert all(cast.task_b.doc_number not in str(e["summary"]) for e in found.values())
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.create_feed(user=cast.unit_a, committee=cast.committee_a)


def test_wrong_guessed_or_revoked_tokens_are_404(cast, client):
    feed, secret = services.create_feed(user=cast.unit_a)
    assert fetch(client, feed, secret[:-1] + ("A" if secret[-1] != "A" else "B")).status_code == 404
    assert client.get(f"/notifications/calendar/{feed.pk + 99}/{secret}.ics").status_code == 404
    services.revoke_feed(feed=feed, user=cast.unit_a)
    assert fetch(client, feed, secret).status_code == 404
    # making a new link revokes the old one
    f1, s1 = services.create_feed(user=cast.unit_a)
    f2, s2 = services.create_feed(user=cast.unit_a)
    assert fetch(client, f1, s1).status_code == 404 and fetch(client, f2, s2).status_code == 200


def test_the_secret_is_never_stored_or_audited(cast, login):
    client = login(cast.unit_a)
    response = client.post("/notifications/calendar/new/")
    assert response.status_code == 302
    page = client.get("/notifications/calendar/").content.decode()
    feed = CalendarFeed.objects.get()
    url = page.split('data-testid="feed-url" aria-label')[0].rsplit('value="', 1)[1].split('"')[0]
    secret = url.rstrip(".ics").rsplit("/", 1)[1]
    assert secret not in feed.secret_hash and len(secret) > 20
    for entry in AuditEntry.objects.filter(action__startswith="notifications.feed"):
        assert secret not in str(entry.data)
    # shown once only
    assert 'data-testid="feed-url"' not in client.get("/notifications/calendar/").content.decode()
    assert client.get(url.replace("http://testserver", "")).status_code == 200


def test_constant_time_compare_is_used(monkeypatch, cast, client):
    import hmac

    calls = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: calls.append(1) or real(a, b))
    client.get("/notifications/calendar/999999/guess.ics")
    assert calls, "an unknown feed still goes through compare_digest"
