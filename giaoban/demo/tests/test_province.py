"""The province demo (``giaoban demo``, ``make run``): built through the services, every status
class present, dates that agree with each other, and nobody deciding on their own request."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import F

from giaoban import demo
from giaoban.accounts.models import Membership, Role
from giaoban.core.decisions import Decision, self_decided, unsigned_decisions
from giaoban.org.models import Unit
from giaoban.tasks.models import Assignment, CompletionClaim, ExtensionRequest, Task
from giaoban.tasks.status import StatusClass, count_by_status

TODAY = date(2026, 11, 20)


@pytest.fixture
def province(db):
    """Built once per test that needs it (a few seconds): keep such tests few."""
    with time_machine.travel("2026-11-20 10:00 +0700", tick=False):
        return demo.build_province(seed=2026, today=TODAY)


def test_province_demo(province):
    """One build, every check: shape, status classes, decisions, dates."""
    _shape(province)
    _every_status_class_is_present()
    _nobody_decided_on_their_own_request()
    _dates_agree()


def _shape(province):
    assert province.startswith("1 province, 100 units, ")
    assert Task.objects.count() == 48
    committee = Unit.objects.get(code="DN")
    # six finished quarters before 20/11/2026: Q2/2025 … Q3/2026 (Q4/2026 is not finished)
    texts = set(Task.objects.values_list("text", flat=True))
    assert any(t.endswith("(Quý II/2025).") for t in texts)
    assert any(t.endswith("(Quý III/2026).") for t in texts)
    assert not any("Quý IV/2026" in t or "Quý I/2025" in t for t in texts)
    assert not Assignment.objects.exclude(unit__parent=committee).exists()


def _every_status_class_is_present():
    counts = count_by_status(Assignment.objects.all(), TODAY, today=TODAY)
    for cls in StatusClass:
        assert counts[cls.value] > 0, cls
    assert counts["extended"] > 0


def _nobody_decided_on_their_own_request():
    assert CompletionClaim.objects.exclude(decision=Decision.PENDING).exists()
    assert ExtensionRequest.objects.exclude(decision=Decision.PENDING).exists()
    assert self_decided() == {}
    assert unsigned_decisions() == {}
    # every claim and request comes from staff of the unit that carries the assignment
    for model, who in ((CompletionClaim, "claimed_by"), (ExtensionRequest, "requested_by")):
        rows = model.objects.values_list(f"{who}_id", "assignment__unit_id")
        staff = set(Membership.objects.filter(role=Role.UNIT).values_list("user_id", "unit_id"))
        assert set(rows) <= staff, model


def _dates_agree():
    assert not Assignment.objects.filter(completed_on__lt=F("task__doc_date")).exists()
    assert not Assignment.objects.filter(completed_on__gt=TODAY).exists()
    assert not Assignment.objects.filter(cancelled_on__gt=TODAY).exists()
    assert not Assignment.objects.filter(
        state="done", confirmed_at__date__lt=F("completed_on")
    ).exists()
    assert not Task.objects.filter(doc_date__gt=TODAY).exists()
    # one pending extension request per flagged assignment, and only there
    flagged = set(Assignment.objects.filter(extension_pending=True).values_list("id", flat=True))
    pending = set(
        ExtensionRequest.objects.filter(decision="pending").values_list("assignment_id", flat=True)
    )
    assert flagged == pending and flagged
    claimed = set(Assignment.objects.filter(state="claimed").values_list("id", flat=True))
    assert claimed == set(
        CompletionClaim.objects.filter(decision="pending").values_list("assignment_id", flat=True)
    )


def test_builders_extension_point_and_command(db, monkeypatch):
    """An app hooks its demo data with one dotted path; it receives the built province, and
    ``giaoban demo`` prints its summary line and the logins."""
    import sys
    import types

    seen = []

    def builder(state):
        seen.append(state)
        state.summary.append("3 meetings")

    module = types.ModuleType("giaoban_demo_probe")
    module.build = builder
    monkeypatch.setitem(sys.modules, "giaoban_demo_probe", module)
    monkeypatch.setattr(demo, "PROVINCE_BUILDERS", ["giaoban_demo_probe.build"])
    out = StringIO()
    with time_machine.travel("2026-11-20 10:00 +0700", tick=False):
        call_command("demo", "--seed", "1", stdout=out)
    text = out.getvalue()
    assert ", 3 meetings in " in text and "demo province: 1 province" in text
    assert "vanphong" in text and "thuongtruc" in text
    # every login of every unit that has users, the newspaper and the school included
    from giaoban.accounts.models import Membership

    lines = text.splitlines()
    for m in Membership.objects.select_related("user", "unit"):
        assert any(
            line.split()[:1] == [m.user.username] and line.endswith(m.unit.name) for line in lines
        ), m
    assert any(line.split()[:1] == ["bao"] for line in lines)
    assert any(line.split()[:1] == ["xa90"] for line in lines)
    (state,) = seen
    assert state.committee.code == "DN" and state.office.username == "vanphong"
    assert state.office_unit == state.bloc[0] and len(state.communes) == 90
    assert set(state.unit_staff) == {u.pk for u in state.bloc + state.communes}
    assert len(state.tasks) == 48 and state.today == TODAY
