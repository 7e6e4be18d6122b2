"""The desk's overdue list is one line per task (a leader acts per task): its overdue units
counted and the first named, "và N đơn vị khác" for the rest, the task overdue longest first."""

from __future__ import annotations

import re
from datetime import date

import pytest

from giaoban.core.tests.support import TODAY, frozen  # noqa: F401
from giaoban.evidence import desk
from giaoban.evidence.tests.test_desk import give
from giaoban.org.models import Unit, UnitKind

pytestmark = pytest.mark.usefixtures("frozen")


def communes(cast, n):
    return [
        Unit.objects.create(
            kind=UnitKind.COMMUNE_COMMITTEE,
            name=f"Đảng ủy xã {chr(65 + i)}",
            parent=cast.committee_a,
            sort_order=20 + i,
        )
        for i in range(n)
    ]


def _lines(body: str) -> list[str]:
    part = body[
        body.index('data-testid="desk-overdue"') : body.index('data-testid="desk-awaiting"')
    ]
    return [
        " ".join(re.sub(r"<[^>]+>", " ", re.sub(r"</?(?:a|span)\b[^>]*>", "", li)).split())
        for li in re.findall(
            r'<li class="list-group-item small" data-testid="overdue-task">.*?</li>', part, re.S
        )
    ]


def test_one_task_given_to_many_units_shows_once_with_its_units(cast, login):
    units = communes(cast, 6)
    many = give(cast, "80-TB/TU", deadline=date(2026, 2, 2), units=units)
    give(cast, "81-TB/TU", deadline=date(2026, 3, 2), units=[units[0]])
    body = login(cast.leader_a).get("/desk/").content.decode()
    lines = [line for line in _lines(body) if "80-TB/TU" in line or "81-TB/TU" in line]
    assert len(lines) == 2, lines  # once per task, not once per unit
    first, second = lines
    assert first.startswith("80-TB/TU · 02/02/2026 · 6 đơn vị quá hạn")
    assert "Đảng ủy xã A, Đảng ủy xã B, Đảng ủy xã C và 3 đơn vị khác" in first
    assert "Đảng ủy xã D" not in first
    assert second.startswith("81-TB/TU · 02/03/2026 · 1 đơn vị quá hạn")
    assert "khác" not in second
    # the task links to its page, each unit named to its assignment
    assert f'href="/tasks/{many.pk}/"' in body
    first_asg = many.assignments.get(unit=units[0])
    assert f'href="/tasks/assignments/{first_asg.pk}/"' in body
    english = login(cast.leader_a).get("/desk/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "6 units overdue" in english and "and 3 other units" in english


def test_the_list_counts_tasks_not_units(cast):
    units = communes(cast, 4)
    for i in range(desk.LIST_LIMIT + 2):
        give(cast, f"{100 + i}-TB/TU", deadline=date(2026, 1, 1 + i), units=units)
    found = desk.overdue_tasks(cast.leader_a, TODAY)
    own = [o for o in found if o.task.doc_number.endswith("-TB/TU") and o.unit_count == 4]
    assert len(found) == desk.LIST_LIMIT
    assert [o.task.doc_number for o in own][:3] == ["100-TB/TU", "101-TB/TU", "102-TB/TU"]
    assert all(len(o.units) == desk.UNITS_SHOWN and o.more == 1 for o in own)
    assert len({o.task.pk for o in found}) == len(found)
