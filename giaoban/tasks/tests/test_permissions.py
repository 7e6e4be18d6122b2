"""tasks/permissions.py: the choices offered when giving a task (one query for the form and the
API), the action table, and what the pages offer (allowed_actions)."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied

from giaoban.core.permissions import allowed_actions, check_action
from giaoban.org.models import Unit
from giaoban.tasks import services
from giaoban.tasks.permissions import OFFICE_ACTIONS, UNIT_ACTIONS, task_choices


def _payload(cast, **kw):
    data = {
        "committee": cast.committee_a.pk,
        "doc_number": "95-TB/TU",
        "doc_date": "2026-03-02",
        "item_number": "2",
        "text": "Sơ kết công tác kiểm tra, giám sát quý I",
        "deadline": "2026-06-30",
        "lead_units": [cast.board_a.pk],
    }
    data.update(kw)
    return data


def _post(client, cast, **kw):
    client.force_login(cast.office_a)
    return client.post(
        "/api/tasks",
        json.dumps(_payload(cast, **kw)),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_api_names_no_unit_of_another_committee(cast, client):
    """A foreign unit id and an id that does not exist get the same answer, with ids only."""
    missing = Unit.objects.order_by("-pk").first().pk + 1000
    foreign = _post(client, cast, lead_units=[cast.board_b.pk])
    nonexistent = _post(client, cast, lead_units=[missing])
    assert foreign.status_code == nonexistent.status_code == 400
    assert foreign.json()["errors"] == {"units": [f"Unknown unit: {cast.board_b.pk}."]}
    assert nonexistent.json()["errors"] == {"units": [f"Unknown unit: {missing}."]}
    for name in (cast.board_b.name, "Beta"):
        assert name not in foreign.content.decode()


def test_api_refuses_a_leader_of_another_committee_like_an_unknown_one(cast, client):
    from giaoban.accounts.models import Membership, Role, User

    leader_b = User.objects.create_user("leader_b", full_name="Bí thư Tỉnh ủy Beta")
    Membership.objects.create(user=leader_b, unit=cast.committee_b, role=Role.LEADER)
    foreign = _post(client, cast, directed_by=leader_b.pk)
    nonexistent = _post(client, cast, directed_by=leader_b.pk + 1000)
    assert (
        foreign.json()["errors"]
        == nonexistent.json()["errors"]
        == {"directed_by": ["Unknown leader."]}
    )
    assert "Beta" not in foreign.content.decode()


def test_form_and_api_offer_the_same_choices(cast, login):
    choices = task_choices(cast.office_a)
    page = login(cast.office_a).get("/tasks/new/")
    form = page.context["form"]
    assert list(form.fields["lead_units"].queryset) == list(choices.units)
    assert list(form.fields["committee"].queryset) == list(choices.committees)
    assert list(form.fields["directed_by"].queryset) == list(choices.leaders)
    assert cast.board_b not in choices.units and cast.closed_a not in choices.units
    assert set(choices.units) == {
        cast.office_unit_a,
        cast.board_a,
        cast.board_a2,
        cast.commune_a,
    }
    assert list(choices.leaders) == [cast.leader_a]
    assert not task_choices(cast.unit_a).units.exists()


def test_action_table(cast):
    a = cast.asg_a
    for action in UNIT_ACTIONS:
        check_action(cast.unit_a, a, action)
        for other in (cast.office_a, cast.unit_a2, cast.unit_b, cast.leader_a, cast.admin):
            with pytest.raises(PermissionDenied):
                check_action(other, a, action)
    for action in OFFICE_ACTIONS:
        check_action(cast.office_a, a, action)
        check_action(cast.office_a, cast.task_a, action)
        for other in (cast.unit_a, cast.office_b, cast.leader_a, cast.admin):
            with pytest.raises(PermissionDenied):
                check_action(other, a, action)
    with pytest.raises(ValueError):
        check_action(cast.office_a, a, "fly")


def test_allowed_actions_follow_role_and_state(cast):
    a = cast.asg_a
    assert allowed_actions(cast.unit_a, a) == frozenset(UNIT_ACTIONS)
    assert allowed_actions(cast.office_a, a) == {"cancel"}  # nothing awaits a decision
    assert allowed_actions(cast.leader_a, a) == frozenset()
    services.claim_completion(
        assignment=a, user=cast.unit_a, completed_on=cast.task_a.doc_date, evidence_number="1-BC"
    )
    a.refresh_from_db()
    assert allowed_actions(cast.office_a, a) == {"cancel", "confirm", "return"}
    services.confirm_completion(assignment=a, user=cast.office_a)
    a.refresh_from_db()
    assert allowed_actions(cast.office_a, a) == frozenset()
    assert allowed_actions(cast.unit_a, a) == frozenset()
