"""The acts of the tasks app: one row each drives the permission matrix, the page test and the API
test of the act (giaoban/core/tests/acts.py says how).

Objects in the paths (the fixed cast): task_a of committee Alpha, its assignment to Ban Tổ chức A
(asg_a), and — by ``state`` — asg_a's pending completion claim ("claimed") or extension request
("extension"), or a progress report with a file ("attachment").
"""

from __future__ import annotations

import re
from datetime import date

from giaoban.core.tests.acts import OFFICE, UNIT, Act
from giaoban.core.tests.support import row_counts as counts  # noqa: F401  (the tables written)

CLAIM = {
    "completed_on": "10/03/2026",
    "evidence_number": "335-BC/ĐU",
    "evidence_date": "10/03/2026",
}
API_CLAIM = {"completed_on": "2026-03-10", "evidence_number": "335-BC/ĐU"}

ACTS: list[Act] = [
    Act(
        "create_task",
        OFFICE,
        "tasks.task.created",
        page="tasks/new/",
        page_get="form",
        page_data={
            "committee": "{committee_a}",
            "doc_number": "95-TB/TU",
            "doc_date": "02/03/2026",
            "item_number": "1",
            "text": "Sơ kết quý I",
            "deadline": "30/06/2026",
            "lead_units": "{board_a}",
        },
        api=("post", "/api/tasks"),
        api_ok=201,
        api_data={
            "committee": "{committee_a}",
            "doc_number": "95-TB/TU",
            "doc_date": "2026-03-02",
            "text": "Sơ kết quý I",
            "deadline": "2026-06-30",
            "lead_units": ["{board_a}"],
        },
        unseen=(),
    ),
    # -- the unit's acts on its assignment --
    Act(
        "progress",
        UNIT,
        "tasks.assignment.progress",
        page="tasks/assignments/<int:pk>/progress/",
        page_data={"text": "Đã có dự thảo", "percent": "40"},
        api=("post", "/api/assignments/{assignment_id}/progress"),
        api_ok=201,
        api_data={"text": "Đã có dự thảo"},
    ),
    Act(
        "claim",
        UNIT,
        "tasks.assignment.claimed",
        page="tasks/assignments/<int:pk>/claim/",
        page_data=CLAIM,
        api=("post", "/api/assignments/{assignment_id}/claim"),
        api_ok=201,
        api_data=API_CLAIM,
    ),
    Act(
        "extension",
        UNIT,
        "tasks.assignment.extension_requested",
        page="tasks/assignments/<int:pk>/extension/",
        page_data={"new_deadline": "31/03/2028", "reason": "Chờ hướng dẫn"},
        api=("post", "/api/assignments/{assignment_id}/extensions"),
        api_ok=201,
        api_data={"new_deadline": "2028-03-31", "reason": "Chờ hướng dẫn"},
    ),
    # -- the office's decisions and acts --
    Act(
        "confirm",
        OFFICE,
        "tasks.assignment.confirmed",
        page="tasks/assignments/<int:pk>/confirm/",
        api=("post", "/api/assignments/{assignment_id}/confirm"),
        state="claimed",
    ),
    Act(
        "return",
        OFFICE,
        "tasks.assignment.returned",
        page="tasks/assignments/<int:pk>/return/",
        page_data={"reason": "Thiếu văn bản"},
        api=("post", "/api/assignments/{assignment_id}/return"),
        api_data={"reason": "Thiếu"},
        state="claimed",
    ),
    Act(
        "decide_extension",
        OFFICE,
        "tasks.assignment.extension_approved",
        page="tasks/assignments/<int:pk>/extension/<int:req_pk>/decide/",
        page_data={"approve": "1"},
        api=("post", "/api/assignments/{assignment_id}/extensions/{request_id}/decide"),
        api_data={"approve": True},
        state="extension",
    ),
    Act(
        "cancel",
        OFFICE,
        "tasks.assignment.cancelled",
        page="tasks/assignments/<int:pk>/cancel/",
        page_data={"reason": "Điều chỉnh"},
        api=("post", "/api/assignments/{assignment_id}/cancel"),
        api_data={"reason": "Điều chỉnh"},
    ),
    # -- corrections after entry (tasks/editing.py) --
    Act(
        "edit_task",
        OFFICE,
        "tasks.task.edited",
        page="tasks/<int:pk>/edit/",
        page_get="form",
        page_data={
            "doc_number": "90-TB/TU",
            "doc_date": "01/01/2026",
            "item_number": "1",
            "text": "Nội dung đã sửa",
            "deadline": "31/12/2027",
        },
        api=("patch", "/api/tasks/{task_id}"),
        api_data={"text": "Nội dung đã sửa"},
    ),
    Act(
        "add_units",
        OFFICE,
        "tasks.task.units_added",
        page="tasks/<int:pk>/units/",
        page_data={"lead_units": "{commune_a}"},
        api=("post", "/api/tasks/{task_id}/units"),
        api_ok=201,
        api_data={"lead_units": ["{commune_a}"]},
    ),
    Act(
        "remove_unit",
        OFFICE,
        # asg_a has no progress nor decision yet: the unit is taken off the task
        "tasks.task.unit_removed",
        page="tasks/<int:pk>/units/<int:assignment_pk>/remove/",
        page_data={"reason": ""},
        api=("post", "/api/assignments/{assignment_id}/remove"),
        api_ok=204,
        api_data={"reason": ""},
    ),
    Act(
        "record_completion",
        OFFICE,
        "tasks.assignment.completion_recorded",
        page="tasks/assignments/<int:pk>/record/",
        page_data=CLAIM,
        api=("post", "/api/assignments/{assignment_id}/record"),
        api_data=API_CLAIM,
    ),
    # -- what awaits the office: the first POST shows the claims to confirm (writes nothing yet)
    Act(
        "bulk_confirm",
        OFFICE,
        "",
        page="tasks/awaiting/confirm/",
        page_ok=200,
        page_data={"ids": "{assignment}"},
        state="claimed",
        unseen=(),
    ),
    # the register ("sổ theo dõi") read back from a spreadsheet: without a file, a clear 400
    Act(
        "import_register",
        OFFICE,
        "",
        page="tasks/register/import/",
        page_get="form",
        page_ok=400,
        page_data={"committee": "{committee_a}"},
        unseen=(),
    ),
]

STATES = {"claimed", "extension", "attachment"}


def prepare(cast, state: str, ids: dict) -> None:
    """Bring asg_a to the state an act needs, and add the ids for the paths to ``ids``."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from giaoban.tasks import services
    from giaoban.tasks.models import ExtensionRequest, ProgressUpdate

    ids.update(
        committee_a=cast.committee_a.pk,
        board_a=cast.board_a.pk,
        commune_a=cast.commune_a.pk,
        task=cast.task_a.pk,
        assignment=cast.asg_a.pk,
    )
    if state == "claimed":
        services.claim_completion(
            assignment=cast.asg_a,
            user=cast.unit_a,
            completed_on=date(2026, 3, 10),
            evidence_number="335-BC/ĐU",
            evidence_date=date(2026, 3, 10),
        )
    elif state == "extension":
        services.request_extension(
            assignment=cast.asg_a,
            user=cast.unit_a,
            new_deadline=date(2028, 3, 31),
            reason="Chờ hướng dẫn",
        )
        ids["request"] = ExtensionRequest.objects.get().pk
    elif state == "attachment":
        upload = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 x", content_type="application/pdf")
        services.add_progress(
            assignment=cast.asg_a, user=cast.unit_a, text="Dự thảo", attachment=upload
        )
        ids["item"] = ProgressUpdate.objects.get().pk


def url_value(route: str, name: str, ids: dict) -> int | str | None:
    """The value of ``<name>`` in a tasks route (None: not a tasks route)."""
    if not route.startswith("tasks/"):
        return None
    if name == "pk":
        return ids["assignment"] if route.startswith("tasks/assignments/") else ids["task"]
    return {
        "req_pk": ids.get("request"),
        "kind": "progress",
        "item_pk": ids.get("item"),
        "assignment_pk": ids["assignment"],
    }.get(name)


#: API path parameters -> the ids' names
API_NAMES = {
    "task_id": "task",
    "assignment_id": "assignment",
    "request_id": "request",
}


def page_url(route: str, ids: dict) -> str:
    def value(match: re.Match) -> str:
        found = url_value(route, match.group(1), ids)
        assert found is not None, f"{route}: give the act a state that creates <{match.group(1)}>"
        return str(found)

    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", value, route)


def api_url(path: str, ids: dict) -> str:
    return re.sub(r"{(\w+)}", lambda m: str(ids[API_NAMES[m.group(1)]]), path)
