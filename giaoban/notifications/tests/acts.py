"""The acts on notifications, calendar feeds, reminder rules and reminder letters: one row each
drives the permission matrix and the act tests (giaoban/core/tests/acts.py says how).

Objects in the paths: unit_a's notification of task_a (``notifications/<pk>/``) and unit_a's
calendar feed (``calendar/<pk>/``). Everyone has their own notification centre, preferences and
feeds; the reminder rules and letters are the office's.
"""

from __future__ import annotations

from giaoban.core.tests.acts import ANYONE, OFFICE, UNIT, Act, app_counts

#: unit_a's own notification and feed: for anybody else they do not exist
NOT_THEIRS = tuple(r for r in ANYONE if r not in UNIT)

ACTS: list[Act] = [
    Act(
        "read_all",
        ANYONE,
        "notifications.read_all",
        page="notifications/read/",
        page_get="405",
        state="unread",
        unseen=(),
    ),
    # opening one notification marks it read (nothing audited: it is the reader's own state)
    Act(
        "read_one",
        UNIT,
        "",
        page="notifications/<int:pk>/read/",
        page_get="405",
        unseen=NOT_THEIRS,
    ),
    Act(
        "preferences",
        ANYONE,
        "notifications.preference.saved",
        page="notifications/preferences/",
        page_get="form",
        page_data={"email_enabled": "on"},
        unseen=(),
    ),
    Act(
        "reminder_rules",
        OFFICE,
        "notifications.rule.saved",
        page="notifications/rules/",
        page_get="form",
        page_data={
            "days_before": "2",
            "overdue_every": "3",
            "escalate_after": "7",
            "claim_unconfirmed_after": "5",
            "report_missing_after": "1",
        },
        unseen=(),
    ),
    Act(
        "create_feed",
        ANYONE,
        "notifications.feed.created",
        page="notifications/calendar/new/",
        page_get="405",
        unseen=(),
    ),
    Act(
        "revoke_feed",
        UNIT,
        "notifications.feed.revoked",
        page="notifications/calendar/<int:pk>/revoke/",
        page_get="405",
        unseen=NOT_THEIRS,
    ),
    # nothing of the cast is overdue or due within a week: a clear 400, no letter made
    Act(
        "create_letter",
        OFFICE,
        "",
        page="notifications/letters/new/",
        page_get="form",
        page_ok=400,
        page_data={
            "committee": "{committee_a}",
            "number": "1",
            "signer_title": "CHÁNH VĂN PHÒNG",
            "signer_name": "A",
            "reply_by": "30/03/2026",
        },
        unseen=(),
    ),
]


def prepare(cast, state: str, ids: dict) -> None:
    """unit_a's notification and feed; with ``state="unread"`` everyone of the cast has an unread
    notification (marking all read writes only when there is something to mark)."""
    from giaoban.notifications.models import Kind, Notification
    from giaoban.notifications.services import create_feed

    if state == "unread":
        for user in (cast.office_a, cast.leader_a, cast.unit_b, cast.admin):
            if not Notification.objects.filter(recipient=user, read_at__isnull=True).exists():
                Notification.objects.create(
                    recipient=user, kind=Kind.ASSIGNMENT_GIVEN, key=f"matrix-{user.pk}", url="/"
                )

    ids["notification"] = Notification.objects.get(recipient=cast.unit_a).pk
    feed, ids["secret"] = create_feed(user=cast.unit_a)
    ids["feed"] = feed.pk


def url_value(route: str, name: str, ids: dict) -> int | str | None:
    if not route.startswith("notifications/"):
        return None
    if name == "secret":
        return ids["secret"]
    if name != "pk":
        return None
    if route.startswith("notifications/calendar/"):
        return ids["feed"]
    if route.startswith("notifications/letters/"):
        return 999999  # no letter with this number (who may read a letter: test_letters)
    return ids["notification"]


counts = app_counts("notifications")
