"""build_national on a tiny scale: the same code path as the 3-million-row load test data."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, F

from giaoban.accounts.models import Membership, Role, User
from giaoban.core.decisions import self_decided, unsigned_decisions
from giaoban.core.permissions import scope_for
from giaoban.demo import DEMO_PASSWORD, build_national
from giaoban.org.models import Unit, UnitKind
from giaoban.tasks.models import Assignment, CompletionClaim, ExtensionRequest, Task
from giaoban.tasks.permissions import assignments_for
from giaoban.tasks.status import StatusClass, count_by_status

REF = date(2026, 6, 15)


@pytest.fixture
def national(db):
    build_national(provinces=2, min_assignments=5_000, today=REF, progress=lambda msg: None)


def test_counts_and_unit_tree(national):
    committees = list(Unit.objects.filter(kind=UnitKind.COMMITTEE).order_by("code"))
    assert [c.code for c in committees] == ["P01", "P02"]
    assert all(c.parent.kind == UnitKind.NATIONAL for c in committees)
    # 9 bloc units and 90 communes under each committee, nothing deeper
    assert Unit.objects.count() == 1 + 2 * 100
    per_parent = dict(
        Unit.objects.filter(parent__in=committees).values_list("parent").annotate(n=Count("id"))
    )
    assert per_parent == {committees[0].pk: 99, committees[1].pk: 99}
    assert not Unit.objects.filter(name_folded="").exists()
    n = Assignment.objects.count()
    # at least the number asked for, and at most one task's fan-out (99 units) more per province
    assert 5_000 <= n <= 5_000 + 2 * 99
    for committee in committees:
        assert Assignment.objects.filter(task__committee=committee).count() >= 2_500
        # assignments only go to units of the committee hosting the task
        assert (
            not Assignment.objects.filter(task__committee=committee)
            .exclude(unit__parent=committee)
            .exists()
        )
    task = Task.objects.first()
    assert task.doc_year == task.doc_date.year and task.search_folded.startswith(
        task.doc_number.lower()
    )


def test_every_status_class_is_present(national):
    counts = count_by_status(Assignment.objects.all(), REF, today=REF)
    for cls in StatusClass:
        assert counts[cls.value] > 0, cls
    assert counts["extended"] > 0
    # three months earlier: fewer tasks entered, extensions counted from the day they were granted
    past = count_by_status(Assignment.objects.all(), REF - timedelta(days=90), today=REF)
    assert 0 < past["total"] < counts["total"]
    assert 0 < past["extended"] < counts["extended"]
    assert self_decided() == {} and unsigned_decisions() == {}
    assert Assignment.objects.filter(state="claimed").exists()
    assert Assignment.objects.filter(role="coordinating").exists()
    assert sum(counts[c.value] for c in StatusClass) == counts["total"]


def test_claims_and_extensions_match_the_states(national):
    claimed = Assignment.objects.filter(state="claimed")
    assert CompletionClaim.objects.filter(decision="pending").count() == claimed.count()
    assert not claimed.exclude(claims__decision="pending").exists()
    extended = Assignment.objects.filter(extension_count__gt=0)
    approved = ExtensionRequest.objects.filter(decision="approved")
    assert approved.count() == extended.count()
    assert not approved.exclude(new_deadline=F("assignment__deadline")).exists()
    assert ExtensionRequest.objects.filter(decision="pending", assignment__state="open").exists()


def test_users_and_their_scope(national):
    assert User.objects.count() == 1 + 2 * 4
    vp01 = User.objects.get(username="vp01")
    assert vp01.check_password(DEMO_PASSWORD)
    committee = Unit.objects.get(code="P01")
    office = Membership.objects.get(user=vp01)
    assert (office.role, office.unit.kind, office.unit.parent_id) == (
        Role.OFFICE,
        UnitKind.OFFICE,
        committee.pk,
    )
    scope = scope_for(vp01)
    assert scope.office_committee_ids == {committee.pk}
    assert len(scope.office_unit_ids) == 100
    assert (
        assignments_for(vp01).count()
        == Assignment.objects.filter(task__committee=committee).count()
    )
    tt02 = User.objects.get(username="tt02")
    assert Membership.objects.get(user=tt02).role == Role.LEADER
    assert len(scope_for(tt02).leader_unit_ids) == 100
    unit01 = User.objects.get(username="unit01")
    m = Membership.objects.get(user=unit01)
    assert (m.role, m.unit.code) == (Role.UNIT, "P01.02")
    assert User.objects.get(username="admin").is_superuser


def test_refuses_a_non_empty_database(national):
    with pytest.raises(ValueError):
        build_national(provinces=1, min_assignments=10, today=REF, progress=lambda msg: None)


def test_command_prints_the_time_taken(db):
    out = StringIO()
    call_command(
        "demo", "--scale", "national", "--provinces", "1", "--assignments", "300", stdout=out
    )
    assert "demo national: 1 provinces" in out.getvalue() and " s\n" in out.getvalue()
    assert Assignment.objects.count() >= 300
