"""The acts on conclusion notices: one row each drives the permission matrix, the page test and
the API test of the act (giaoban/core/tests/acts.py says how).

Objects (giaoban/meetings/tests/matrix.py ``prepare``): by ``state``, a second notice of
committee Alpha that is a draft, awaits approval ("submitted") or is approved; without a state,
the issued notice 12-TB/TU. A notice that is not issued exists only for the office and the
leaders: unit staff get 404 for it, like the user of committee Beta.
"""

from __future__ import annotations

from giaoban.core.tests.acts import LEADER, OFFICE, Act

UNSEEN = ("unit_a", "unit_b")
RETURN_REASON = "Bổ sung thời hạn"

ACTS: list[Act] = [
    Act(
        "submit_notice",
        OFFICE,
        "meetings.notice.submitted",
        page="meetings/notices/<int:pk>/submit/",
        page_get="405",
        api=("post", "/api/notices/{notice_id}/submit"),
        state="draft",
        unseen=UNSEEN,
    ),
    # the decisions (core.decisions: NoticeApproval): a leader, never the drafter or the sender
    Act(
        "approve_notice",
        LEADER,
        "meetings.notice.approved",
        page="meetings/notices/<int:pk>/approve/",
        page_get="405",
        api=("post", "/api/notices/{notice_id}/approve"),
        state="submitted",
        unseen=UNSEEN,
    ),
    Act(
        "return_notice",
        LEADER,
        "meetings.notice.returned",
        page="meetings/notices/<int:pk>/return/",
        page_get="405",
        page_data={"reason": RETURN_REASON},
        api=("post", "/api/notices/{notice_id}/return"),
        api_data={"reason": RETURN_REASON},
        state="submitted",
        unseen=UNSEEN,
    ),
    Act(
        "issue_notice",
        OFFICE,
        "meetings.notice.issued",
        page="meetings/notices/<int:pk>/issue/",
        page_get="405",
        page_data={"number": "30-TB/TU", "doc_date": "16/03/2026"},
        api=("post", "/api/notices/{notice_id}/issue"),
        api_data={"number": "30-TB/TU", "doc_date": "2026-03-16"},
        state="approved",
        unseen=UNSEEN,
    ),
    # the office takes an approved notice back to draft (to correct a date or a unit)
    Act(
        "withdraw_notice",
        OFFICE,
        "meetings.notice.withdrawn",
        page="meetings/notices/<int:pk>/withdraw/",
        page_get="405",
        page_data={"reason": RETURN_REASON},
        api=("post", "/api/notices/{notice_id}/withdraw"),
        api_data={"reason": RETURN_REASON},
        state="approved",
        unseen=UNSEEN,
    ),
    # an issued notice is seen by the units it gives tasks: unit_a is refused, not blind
    Act(
        "notice_in_force",
        OFFICE,
        "meetings.notice.in_force",
        page="meetings/notices/<int:pk>/in-force/",
        page_get="405",
        page_data={"in_force": "0"},
    ),
]


def counts() -> dict[str, int]:
    """Rows of the tables a notice act writes to, with the audit log."""
    from giaoban.core.models import AuditEntry
    from giaoban.meetings.models import Notice, NoticeApproval
    from giaoban.tasks.models import Assignment, Task

    out: dict = {
        m.__name__: m.objects.count() for m in (NoticeApproval, Task, Assignment, AuditEntry)
    }
    out["Notice"] = list(Notice.objects.order_by("pk").values_list("pk", "state", "in_force"))
    return out
