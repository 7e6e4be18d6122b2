"""What a user may see of the unit tree: the scoped queryset of units."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from giaoban.core.permissions import scope_for
from giaoban.org.models import Unit


def units_for(user: Any, qs: QuerySet | None = None) -> QuerySet:
    """The units ``user`` may read (the whole tree for an administrator)."""
    qs = Unit.objects.all() if qs is None else qs
    scope = scope_for(user)
    return qs if scope.is_admin else qs.filter(pk__in=scope.readable_unit_ids)
