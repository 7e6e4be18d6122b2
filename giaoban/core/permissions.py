"""What a user may see and change: the user's Scope, and the generic loader and action check.

Each app owns the rest: its scoped querysets (``Model.objects.for_user(scope)``, as NetBox's
``restrict()``) and its action table (``<app>/permissions.py``, registered with
``register_actions`` in the app's ``ready()``); views and the API load through them and
``get_for_user``, templates ask ``{% allowed_actions obj as acts %}``. Core imports no domain app.

Roles (DESIGN.md): ``office`` and ``leader`` see the whole subtree of their
committee; ``unit`` staff see their own unit's assignments and the tasks given
to them; ``admin`` sees everything but has no say over content. Outside the
scope a record does not exist (404); inside it but without the right to act
it is forbidden (403).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
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


# -- loading one object, and the action tables of the apps ------------------------------------

#: a rule of an action table: may the user with this scope do the action on this object?
Rule = Callable[[Scope, Any], bool]


@dataclass(frozen=True)
class ActionTable:
    """What may be done to one model, owned by its app and registered in its AppConfig.ready().

    ``rules`` says *who* may do each action (by role and unit); ``available`` (optional) narrows
    to what the object's state offers now, for pages: a closed assignment offers no act, a
    pending request no decision to the person who made it.
    """

    rules: dict[str, Rule]
    available: Callable[[Any, Any], set[str]] | None = None


_TABLES: dict[type[Model], ActionTable] = {}


def register_actions(model: type[Model], table: ActionTable) -> None:
    _TABLES[model] = table


def _table(obj: Model) -> ActionTable:
    for cls in type(obj).__mro__:
        if cls in _TABLES:
            return _TABLES[cls]
    raise ValueError(f"no action table registered for {type(obj).__name__}")


def get_for_user(user: Any, qs: QuerySet, pk: Any, action: str = "view") -> Model:
    """Load one object through the scope: 404 outside it, 403 without the right to ``action``.

    ``qs`` must already be scoped (``Model.objects.for_user(scope)``, or the app's helper);
    ``action`` is checked by ``check_action``.
    """
    try:
        obj = qs.get(pk=pk)
    except (qs.model.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404
    check_action(user, obj, action)
    return obj


def check_action(user: Any, obj: Model, action: str) -> None:
    """Raise PermissionDenied unless ``user`` may do ``action`` on ``obj``, by the action table of
    ``obj``'s model; ValueError for an action the table does not know."""
    if action == "view":
        return
    rules = _table(obj).rules
    if action not in rules:
        raise ValueError(f"unknown action {action!r}")
    if not rules[action](scope_for(user), obj):
        raise PermissionDenied


def allowed_actions(user: Any, obj: Model) -> frozenset[str]:
    """The actions ``user`` may take on ``obj`` now (pages show exactly these buttons)."""
    table = _table(obj)
    scope = scope_for(user)
    allowed = {action for action, rule in table.rules.items() if rule(scope, obj)}
    if table.available is not None:
        allowed &= table.available(user, obj)
    return frozenset(allowed)
