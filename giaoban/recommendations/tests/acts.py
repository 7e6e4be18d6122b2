"""The acts on recommendations: one row each drives the permission matrix and the act tests
(giaoban/core/tests/acts.py says how).

Objects (giaoban/reports/tests/matrix.py ``prepare``): a recommendation of Ban Tổ chức A raised
by unit_a, new (or answered by the office: ``rec_answered``).
"""

from __future__ import annotations

from giaoban.core.tests.acts import OFFICE, UNIT, Act, app_counts
from giaoban.reports.tests.matrix import page_url, prepare  # noqa: F401  (the table's objects)

ACTS: list[Act] = [
    # any unit's staff open the form; the unit in it must be their own: committee Beta's user
    # posting Ban Tổ chức A reads "not a valid choice" (page 400, API 403), nothing is made
    Act(
        "raise",
        UNIT,
        "recommendations.raised",
        page="recommendations/new/",
        page_get="form",
        get_answers={"unit_b": 200},
        page_data={"unit": "{unit}", "text": "Kinh phí"},
        answers={"unit_b": 400},
        api=("post", "/api/recommendations"),
        api_ok=201,
        api_data={"unit": "{unit}", "text": "Kinh phí"},
        unseen=(),
    ),
    Act(
        "forward",
        OFFICE,
        "recommendations.forwarded",
        page="recommendations/<int:pk>/forward/",
        page_data={"to_unit": "{office_unit_a}"},
        api=("post", "/api/recommendations/{recommendation_id}/forward"),
        api_data={"to_unit": "{office_unit_a}"},
    ),
    # the answer (core.decisions: nobody of the raising unit): the office or a leader
    Act(
        "answer",
        ("office_a", "leader_a"),
        "recommendations.answered",
        page="recommendations/<int:pk>/answer/",
        page_data={"answer": "Đã bố trí kinh phí"},
        api=("post", "/api/recommendations/{recommendation_id}/answer"),
        api_data={"answer": "Đã bố trí"},
    ),
    Act(
        "close",
        OFFICE,
        "recommendations.closed",
        page="recommendations/<int:pk>/close/",
        api=("post", "/api/recommendations/{recommendation_id}/close"),
        state="rec_answered",
    ),
]

API_NAMES = {"recommendation_id": "rec"}

counts = app_counts("recommendations", "reports")
