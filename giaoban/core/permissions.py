"""What a user may see and change: the one scope helper every view, API
endpoint and export loads data through.

Roles (DESIGN.md): ``office`` and ``leader`` see the whole subtree of their
committee; ``unit`` staff see their own unit's assignments and the tasks given
to them; ``admin`` sees everything but has no say over content. Outside the
scope a record does not exist (404); inside it but without the right to act
it is forbidden (403).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.http import Http404

from giaoban.accounts.models import Membership, Role
from giaoban.org.models import Unit, subtree_ids

_CACHE_ATTR = "_giaoban_scope"


@dataclass(frozen=True)
class Scope:
    user_id: int | None
    is_admin: bool = False
    #: committees whose office this user works in (may create and confirm tasks there)
    office_committee_ids: frozenset[int] = frozenset()
    #: every unit under those committees (office reach)
    office_unit_ids: frozenset[int] = frozenset()
    #: every unit a leader may read
    leader_unit_ids: frozenset[int] = frozenset()
    #: units whose own staff this user is
    own_unit_ids: frozenset[int] = frozenset()
    roles: frozenset[str] = field(default_factory=frozenset)
    #: the committees whose whole subtree this user reads (office and leader reach)
    reach_root_ids: frozenset[int] = frozenset()

    @property
    def readable_unit_ids(self) -> frozenset[int]:
        return self.office_unit_ids | self.leader_unit_ids | self.own_unit_ids

    @property
    def is_office(self) -> bool:
        return bool(self.office_unit_ids)

    @property
    def is_leader(self) -> bool:
        return bool(self.leader_unit_ids)

    @property
    def is_unit(self) -> bool:
        return bool(self.own_unit_ids)

    @property
    def is_overseer(self) -> bool:
        """Sees a whole committee (office, leader or admin): gets the office dashboard."""
        return self.is_admin or self.is_office or self.is_leader

    # -- predicates on one assignment's unit -------------------------------
    def can_read_unit(self, unit_id: int) -> bool:
        return self.is_admin or unit_id in self.readable_unit_ids

    def can_act_for_unit(self, unit_id: int) -> bool:
        """Unit-side acts: progress, claim, extension request."""
        return unit_id in self.own_unit_ids

    def can_decide_for_unit(self, unit_id: int) -> bool:
        """Office-side acts: confirm/return, approve/reject, cancel."""
        return unit_id in self.office_unit_ids


def _reach_root(unit: Unit) -> Unit:
    """The committee an office/leader membership reaches: the unit if it hosts a
    cycle, else the nearest hosting ancestor (the Office sits under its committee)."""
    node: Unit | None = unit
    while node is not None:
        if node.is_host:
            return node
        node = node.parent
    return unit


def scope_for(user: Any) -> Scope:
    """The user's scope, computed once per user object (memberships + one CTE per role)."""
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    if user is None or not user.is_authenticated:
        scope = Scope(user_id=None)
    else:
        memberships = list(
            Membership.objects.filter(user=user).select_related("unit__parent__parent__parent")
        )
        roles = frozenset(m.role for m in memberships)
        is_admin = bool(user.is_superuser) or Role.ADMIN in roles
        office_roots = {_reach_root(m.unit).pk for m in memberships if m.role == Role.OFFICE}
        leader_roots = {_reach_root(m.unit).pk for m in memberships if m.role == Role.LEADER}
        office_ids = subtree_ids(office_roots) if office_roots else set()
        leader_ids = subtree_ids(leader_roots) if leader_roots else set()
        scope = Scope(
            user_id=user.pk,
            is_admin=is_admin,
            office_committee_ids=frozenset(office_roots),
            reach_root_ids=frozenset(office_roots | leader_roots),
            office_unit_ids=frozenset(office_ids),
            leader_unit_ids=frozenset(leader_ids),
            own_unit_ids=frozenset(m.unit_id for m in memberships if m.role == Role.UNIT),
            roles=roles,
        )
    try:
        setattr(user, _CACHE_ATTR, scope)
    except AttributeError:
        pass
    return scope


def forget_scope(user: Any) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


# -- queryset filters, one per model ----------------------------------------


def units_for(user: Any, qs: QuerySet | None = None) -> QuerySet:
    scope = scope_for(user)
    qs = Unit.objects.all() if qs is None else qs
    if scope.is_admin:
        return qs
    return qs.filter(pk__in=scope.readable_unit_ids)


def assignments_for(user: Any, qs: QuerySet | None = None) -> QuerySet:
    from giaoban.tasks.models import Assignment

    scope = scope_for(user)
    qs = Assignment.objects.all() if qs is None else qs
    if scope.is_admin:
        return qs
    return qs.filter(unit_id__in=scope.readable_unit_ids)


def tasks_for(user: Any, qs: QuerySet | None = None) -> QuerySet:
    """Tasks hosted in the user's reach, or given to one of the user's units."""
    from giaoban.tasks.models import Assignment, Task

    scope = scope_for(user)
    qs = Task.objects.all() if qs is None else qs
    if scope.is_admin:
        return qs
    reach = scope.office_unit_ids | scope.leader_unit_ids
    condition = Q(committee_id__in=reach) if reach else Q(pk__in=[])
    if scope.own_unit_ids:
        mine = Assignment.objects.filter(task=OuterRef("pk"), unit_id__in=scope.own_unit_ids)
        condition |= Exists(mine)
    return qs.filter(condition)


def get_for_user(user: Any, qs: QuerySet, pk: Any, action: str = "view") -> Model:
    """Load one object through the scope: 404 outside it, 403 without the right to ``action``.

    ``qs`` must already be scoped (``assignments_for(user)`` …); ``action`` is
    checked by ``check_action``.
    """
    try:
        obj = qs.get(pk=pk)
    except (qs.model.DoesNotExist, ValueError, TypeError):
        raise Http404
    check_action(user, obj, action)
    return obj


OFFICE_ACTIONS = {
    "confirm",
    "return",
    "approve_extension",
    "reject_extension",
    "cancel",
    "edit_task",
}
UNIT_ACTIONS = {"progress", "claim", "request_extension"}


def check_action(user: Any, obj: Model, action: str) -> None:
    """Raise PermissionDenied unless ``user`` may do ``action`` on ``obj`` (an Assignment or Task)."""
    if action == "view":
        return
    scope = scope_for(user)
    unit_id = getattr(obj, "unit_id", None)
    if action in UNIT_ACTIONS:
        if unit_id is not None and scope.can_act_for_unit(unit_id):
            return
    elif action in OFFICE_ACTIONS:
        if unit_id is not None and scope.can_decide_for_unit(unit_id):
            return
        committee_id = getattr(obj, "committee_id", None)
        if (
            committee_id is not None
            and committee_id in scope.office_committee_ids | scope.office_unit_ids
        ):
            return
    else:
        raise ValueError(f"unknown action {action!r}")
    raise PermissionDenied
