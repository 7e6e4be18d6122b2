"""Who is told: a unit's staff, a unit's head, a committee's office. One query per map."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

from giaoban.accounts.models import Membership, Role
from giaoban.org.models import HOST_KINDS


def unit_staff(unit_ids: Iterable[int]) -> dict[int, list[int]]:
    """unit id -> ids of the active users who work for that unit (role ``unit``)."""
    out: dict[int, list[int]] = defaultdict(list)
    ids = set(unit_ids)
    if not ids:
        return out
    rows = Membership.objects.filter(
        unit_id__in=ids, role=Role.UNIT, user__is_active=True
    ).values_list("unit_id", "user_id")
    for unit_id, user_id in rows:
        out[unit_id].append(user_id)
    return out


def unit_heads(unit_ids: Iterable[int]) -> dict[int, list[int]]:
    """unit id -> ids of the users flagged as the unit's head (any role)."""
    out: dict[int, list[int]] = defaultdict(list)
    ids = set(unit_ids)
    if not ids:
        return out
    rows = Membership.objects.filter(
        unit_id__in=ids, is_head=True, user__is_active=True
    ).values_list("unit_id", "user_id")
    for unit_id, user_id in rows:
        if user_id not in out[unit_id]:
            out[unit_id].append(user_id)
    return out


def office_staff(committee_ids: Iterable[int]) -> dict[int, list[int]]:
    """committee id -> ids of its office staff: office members of the committee itself or of a
    non-hosting unit right below it (the Office), the reach ``core.permissions`` gives them."""
    out: dict[int, list[int]] = defaultdict(list)
    ids = set(committee_ids)
    if not ids:
        return out
    rows = Membership.objects.filter(
        Q(unit_id__in=ids) | (Q(unit__parent_id__in=ids) & ~Q(unit__kind__in=HOST_KINDS)),
        role=Role.OFFICE,
        user__is_active=True,
    ).values_list("unit_id", "unit__parent_id", "user_id")
    for unit_id, parent_id, user_id in rows:
        committee = unit_id if unit_id in ids else parent_id
        if user_id not in out[committee]:
            out[committee].append(user_id)
    return out


def leaders(committee_ids: Iterable[int]) -> dict[int, list[int]]:
    """committee id -> ids of its standing-committee leaders (role ``leader`` on the committee)."""
    out: dict[int, list[int]] = defaultdict(list)
    ids = set(committee_ids)
    if not ids:
        return out
    rows = Membership.objects.filter(
        unit_id__in=ids, role=Role.LEADER, user__is_active=True
    ).values_list("unit_id", "user_id")
    for unit_id, user_id in rows:
        out[unit_id].append(user_id)
    return out


def members(unit_ids: Iterable[int], *, exclude_units: Iterable[int] = ()) -> dict[int, list[int]]:
    """unit id -> ids of everyone working in that unit (office or unit role), leaving out anyone
    who also works in one of ``exclude_units`` (the unit that raised a request never answers it)."""
    out: dict[int, list[int]] = defaultdict(list)
    ids = set(unit_ids)
    if not ids:
        return out
    excluded = set(
        Membership.objects.filter(unit_id__in=set(exclude_units)).values_list("user_id", flat=True)
    )
    rows = Membership.objects.filter(
        unit_id__in=ids, role__in=[Role.UNIT, Role.OFFICE], user__is_active=True
    ).values_list("unit_id", "user_id")
    for unit_id, user_id in rows:
        if user_id not in excluded and user_id not in out[unit_id]:
            out[unit_id].append(user_id)
    return out
