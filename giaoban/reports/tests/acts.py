"""The acts of reporting (periods, unit reports, the synthesis, indicators, annual plans): one
row each drives the permission matrix and the act tests of every app
(giaoban/core/tests/acts.py says how).

Objects (giaoban/reports/tests/matrix.py ``prepare``): Alpha's open Quý I/2026 with Ban Tổ
chức A's report (a draft, or sent once with its signed file: ``report_submitted``), an issued
synthesis (``synthesis``), indicator DV01 and Ban Tổ chức A's plan for 2026 (a draft, or sent:
``plan_submitted``).
"""

from __future__ import annotations

from giaoban.core.tests.acts import OFFICE, UNIT, Act, Row, app_counts
from giaoban.reports.tests.matrix import page_url, prepare  # noqa: F401  (the table's objects)

SECTION = {
    "section_results": "Hoàn thành",
    "indicator_DV01": "",
    "doc_number": "1-BC/BTC",
    "doc_date": "16/03/2026",
}
#: a committee's own settings: the office of that committee only (unit staff do not see them)
COMMITTEE_ONLY = ("unit_a", "unit_b")

ACTS: list[Act] = [
    # -- the reporting period (the office) --
    Act(
        "create_period",
        OFFICE,
        "reports.period.created",
        page="reports/periods/new/",
        page_get="form",
        page_data={
            "committee": "{committee_a}",
            "period_type": "quarter",
            "year": "2026",
            "number": "2",
        },
        api=("post", "/api/reporting/periods"),
        api_ok=201,
        api_data={
            "committee": "{committee_a}",
            "period_type": "quarter",
            "year": 2026,
            "number": 2,
        },
        unseen=(),
    ),
    # the period is open: its expected units can no longer change, it cannot be opened again
    # (the page says why and goes back; the API answers 400); nothing is written
    Act(
        "expected_units",
        OFFICE,
        "",
        page="reports/periods/<int:pk>/expected/",
        page_data={"units": "{board_a}"},
        api=("put", "/api/reporting/periods/{period_id}/expected"),
        api_ok=400,
        api_data={"units": ["{board_a}"]},
    ),
    Act(
        "open_period",
        OFFICE,
        "",
        page="reports/periods/<int:pk>/open/",
        api=("post", "/api/reporting/periods/{period_id}/open"),
        api_ok=400,
    ),
    Act(
        "close_period",
        OFFICE,
        "reports.period.closed",
        page="reports/periods/<int:pk>/close/",
        page_data={"allow_late": "on"},
        api=("post", "/api/reporting/periods/{period_id}/close"),
        api_data={"allow_late": True},
    ),
    Act(
        "issue_synthesis",
        OFFICE,
        "reports.synthesis.issued",
        page="reports/periods/<int:pk>/synthesis/",
    ),
    Act(
        "upload_synthesis",
        OFFICE,
        "reports.synthesis.uploaded",
        page="reports/periods/<int:pk>/synthesis/upload/",
        page_data={"document": "file:tong-hop.pdf"},
        state="synthesis",
    ),
    # -- the unit's report --
    # the unit's report of the period was started by ``prepare``: the page goes to it, the API
    # answers it (201), nothing more is written
    Act(
        "start_report",
        UNIT,
        "",
        page="reports/periods/<int:pk>/start/",
        api=("post", "/api/reporting/periods/{period_id}/reports"),
        api_ok=201,
    ),
    Act(
        "save_report",
        UNIT,
        "reports.report.draft_saved",
        page="reports/r/<int:pk>/save/",
        page_data=SECTION,
        api=("put", "/api/reporting/reports/{report_id}/draft"),
        api_data={"sections": {"results": "Hoàn thành"}},
    ),
    Act(
        "submit_report",
        UNIT,
        "reports.report.submitted",
        page="reports/r/<int:pk>/submit/",
        page_data=SECTION,
        api=("post", "/api/reporting/reports/{report_id}/submit"),
        api_data={"doc_number": "1-BC/BTC", "doc_date": "2026-03-16"},
    ),
    # the review (core.decisions: ReportVersion): the office, never the sender
    Act(
        "accept_report",
        OFFICE,
        "reports.report.accepted",
        page="reports/r/<int:pk>/accept/",
        api=("post", "/api/reporting/reports/{report_id}/accept"),
        state="report_submitted",
    ),
    Act(
        "return_report",
        OFFICE,
        "reports.report.returned",
        page="reports/r/<int:pk>/return/",
        page_data={"reason": "Thiếu số liệu"},
        api=("post", "/api/reporting/reports/{report_id}/return"),
        api_data={"reason": "Thiếu"},
        state="report_submitted",
    ),
    # a report's next period's tasks -> items of the next quarter's plan (the unit or the office)
    Act(
        "carry_to_plan",
        ("office_a", "unit_a"),
        "reports.plan.items_carried",
        page="reports/r/<int:pk>/carry/",
        page_get="form",
        page_data={
            "item-TOTAL_FORMS": "1",
            "item-INITIAL_FORMS": "1",
            "item-0-carry": "on",
            "item-0-text": "Sơ kết 6 tháng",
            "item-0-weight": "1",
        },
    ),
    # -- the committee's settings --
    Act(
        "reporting_rules",
        OFFICE,
        "reports.rules.saved",
        page="reports/committees/<int:committee_id>/rules/",
        page_get="form",
        page_data={
            "cutoff_day": "14",
            "due_working_days": "5",
            "due_month_offset": "0",
            "plan_due_day": "30",
            "plan_due_month": "11",
            "plan_approve_day": "25",
            "plan_approve_month": "12",
        },
        unseen=COMMITTEE_ONLY,
    ),
    Act(
        "report_form",
        OFFICE,
        "reports.form.saved",
        page="reports/committees/<int:committee_id>/forms/<str:period_type>/",
        page_get="form",
        page_data={"name": "Báo cáo quý", "use_results": "on", "title_results": "Kết quả"},
        unseen=COMMITTEE_ONLY,
    ),
    # -- indicators --
    Act(
        "create_indicator",
        OFFICE,
        "reports.indicator.saved",
        page="reports/indicators/new/",
        page_get="form",
        page_data={
            "code": "KT9",
            "name": "Kiểm tra",
            "measure": "cuộc",
            "direction": "higher",
            "accumulation": "per_period",
            "sort_order": "1",
        },
        unseen=(),
    ),
    Act(
        "indicator_target",
        OFFICE,
        "reports.indicator.target_set",
        page="reports/indicators/<int:pk>/targets/",
        page_data={"year": "2026", "target": "10"},
    ),
    # -- the annual plan: each unit makes its own; committee Beta's user posting Ban Tổ chức A
    # is sent back to the plans with "Choose your unit and a year." (302), nothing made
    Act(
        "create_plan",
        UNIT,
        "reports.plan.created",
        page="reports/plans/new/",
        page_data={"unit": "{unit}", "year": "2028"},
        answers={"unit_b": 302},
        unseen=(),
    ),
    Act(
        "add_plan_item",
        UNIT,
        "reports.plan.item_added",
        page="reports/plans/<int:pk>/items/",
        page_data={"text": "Đề án", "weight": "1"},
    ),
    Act(
        "remove_plan_item",
        UNIT,
        "reports.plan.item_removed",
        page="reports/plans/<int:pk>/items/<int:item_pk>/remove/",
    ),
    Act("submit_plan", UNIT, "reports.plan.submitted", page="reports/plans/<int:pk>/submit/"),
    Act(
        "decide_plan",
        OFFICE,
        "reports.plan.approved",
        page="reports/plans/<int:pk>/decide/",
        page_data={"approve": "on"},
        state="plan_submitted",
    ),
]

#: other methods on act routes: a settings page takes no PUT
EXTRA_ROWS: dict[str, list[Row]] = {
    route: [Row("put", "302  405    405    405    405    405")]
    for route in (
        "reports/committees/<int:committee_id>/rules/",
        "reports/committees/<int:committee_id>/forms/<str:period_type>/",
    )
}

#: API path parameters -> the ids' names
API_NAMES = {"period_id": "period", "report_id": "report"}

counts = app_counts("reports", "recommendations", "tasks")
