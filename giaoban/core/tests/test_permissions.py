"""The scope helper: what each role reaches, 404 outside it, 403 inside it without
the right to act, and one computation per user object."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from giaoban.accounts.models import Membership, Role, User
from giaoban.core.permissions import check_action, forget_scope, get_for_user, scope_for
from giaoban.core.tests.support import frozen  # noqa: F401
from giaoban.org.permissions import units_for
from giaoban.tasks.models import Assignment
from giaoban.tasks.permissions import OFFICE_ACTIONS, UNIT_ACTIONS, assignments_for, tasks_for

pytestmark = pytest.mark.usefixtures("frozen")


def test_scope_of_each_role(cast):
    alpha = {
        u.pk
        for u in (
            cast.committee_a,
            cast.office_unit_a,
            cast.board_a,
            cast.board_a2,
            cast.commune_a,
            cast.closed_a,
        )
    }
    office = scope_for(cast.office_a)
    assert office.office_committee_ids == {cast.committee_a.pk}, "the Office reaches its committee"
    assert (
        office.office_unit_ids == alpha
        and office.is_office
        and office.is_overseer
        and not office.is_unit
    )
    leader = scope_for(cast.leader_a)
    assert leader.leader_unit_ids == alpha and not leader.office_unit_ids and leader.is_overseer
    unit = scope_for(cast.unit_a)
    assert unit.own_unit_ids == {cast.board_a.pk} and unit.readable_unit_ids == {cast.board_a.pk}
    assert not unit.is_overseer
    admin = scope_for(cast.admin)
    assert admin.is_admin and admin.is_overseer and not admin.office_committee_ids
    anon = scope_for(AnonymousUser())
    assert anon.user_id is None and not anon.readable_unit_ids and not anon.is_overseer


def test_scope_is_computed_once_per_user_object(cast, django_assert_num_queries):
    user = User.objects.get(pk=cast.office_a.pk)
    with django_assert_num_queries(2):  # memberships with units; the subtree CTE
        scope_for(user)
    with django_assert_num_queries(0):
        scope_for(user)
    Membership.objects.create(user=user, unit=cast.board_a, role=Role.UNIT)
    assert cast.board_a.pk not in scope_for(user).own_unit_ids
    forget_scope(user)
    assert cast.board_a.pk in scope_for(user).own_unit_ids


def test_querysets_per_role(cast):
    both_a = set(Assignment.objects.filter(task=cast.task_a).values_list("pk", flat=True))
    assert set(assignments_for(cast.office_a).values_list("pk", flat=True)) == both_a
    assert set(assignments_for(cast.leader_a).values_list("pk", flat=True)) == both_a
    assert list(assignments_for(cast.unit_a).values_list("pk", flat=True)) == [cast.asg_a.pk]
    assert list(assignments_for(cast.unit_b).values_list("pk", flat=True)) == [cast.asg_b.pk]
    assert assignments_for(cast.admin).count() == 3
    assert assignments_for(AnonymousUser()).count() == 0
    assert list(tasks_for(cast.unit_a2)) == [cast.task_a], "a coordinating unit sees the task"
    assert list(tasks_for(cast.office_b)) == [cast.task_b]
    assert tasks_for(AnonymousUser()).count() == 0
    assert list(units_for(cast.unit_b)) == [cast.board_b]


def test_get_for_user_404_outside_403_without_the_right(cast):
    qs = assignments_for(cast.unit_b)
    with pytest.raises(Http404):
        get_for_user(cast.unit_b, qs, cast.asg_a.pk)
    for bad in ("abc", None, 10**9):
        with pytest.raises(Http404):
            get_for_user(cast.unit_a, assignments_for(cast.unit_a), bad)
    assert get_for_user(cast.leader_a, assignments_for(cast.leader_a), cast.asg_a.pk) == cast.asg_a
    with pytest.raises(PermissionDenied):
        get_for_user(cast.leader_a, assignments_for(cast.leader_a), cast.asg_a.pk, "confirm")


@pytest.mark.parametrize(
    "who,allowed",
    [
        ("office_a", OFFICE_ACTIONS),
        ("unit_a", UNIT_ACTIONS),
        ("leader_a", set()),
        ("admin", set()),
        ("office_b", set()),
        ("unit_b", set()),
        ("unit_a2", set()),
    ],
)
def test_check_action_on_an_assignment(cast, who, allowed):
    user = getattr(cast, who)
    for action in sorted(OFFICE_ACTIONS | UNIT_ACTIONS):
        if action in allowed:
            check_action(user, cast.asg_a, action)
        else:
            with pytest.raises(PermissionDenied):
                check_action(user, cast.asg_a, action)
    check_action(user, cast.asg_a, "view")  # reading is decided by the queryset, not here


def test_check_action_on_a_task_and_unknown_actions(cast):
    check_action(cast.office_a, cast.task_a, "edit_task")
    with pytest.raises(PermissionDenied):
        check_action(cast.office_b, cast.task_a, "edit_task")
    with pytest.raises(PermissionDenied):
        check_action(cast.unit_a, cast.task_a, "edit_task")
    with pytest.raises(ValueError):
        check_action(cast.office_a, cast.asg_a, "delete_everything")
