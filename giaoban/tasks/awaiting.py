"""What awaits the office: completion claims and extension requests in its reach, oldest first,
filtered; and the bulk confirmation of selected claims (one service call per claim, each in
its own savepoint, so one claim withdrawn meanwhile does not undo the others)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Least
from django.utils.translation import gettext as _

from giaoban.core.permissions import scope_for
from giaoban.core.text import fold
from giaoban.tasks import services
from giaoban.tasks.models import Assignment, CompletionClaim, Decision, ExtensionRequest
from giaoban.tasks.permissions import assignments_for

KIND_CLAIM = "claim"
KIND_EXTENSION = "extension"


@dataclass(frozen=True)
class AwaitingFilters:
    kind: str = ""  # "", "claim" or "extension"
    unit_id: int | None = None
    q: str = ""
    source: str = ""


def pending_requests() -> list[Prefetch]:
    """Prefetches giving an assignment its ``pending_claims`` and ``pending_extensions``."""
    return [
        Prefetch(
            "claims",
            CompletionClaim.objects.filter(decision=Decision.PENDING).select_related("claimed_by"),
            to_attr="pending_claims",
        ),
        Prefetch(
            "extensions",
            ExtensionRequest.objects.filter(decision=Decision.PENDING).select_related(
                "requested_by"
            ),
            to_attr="pending_extensions",
        ),
    ]


def awaiting(user: Any, filters: AwaitingFilters = AwaitingFilters()) -> QuerySet:
    """Assignments of the user's office reach with a pending claim or extension request,
    the oldest request first; each carries ``pending_claims`` / ``pending_extensions``.

    Served by the partial index tasks_asg_awaiting_idx (claimed, or an extension pending).
    """
    scope = scope_for(user)
    qs = assignments_for(user).filter(unit_id__in=scope.office_unit_ids)
    if filters.kind == KIND_CLAIM:
        qs = qs.filter(state="claimed")
    elif filters.kind == KIND_EXTENSION:
        qs = qs.filter(extension_pending=True)
    else:
        qs = qs.filter(Q(state="claimed") | Q(extension_pending=True))
    if filters.unit_id:
        qs = qs.filter(unit_id=filters.unit_id)
    if filters.source:
        qs = qs.filter(task__doc_number__icontains=filters.source)
    for word in fold(filters.q).split():
        qs = qs.filter(task__search_folded__contains=word)
    claim_at = Subquery(
        CompletionClaim.objects.filter(assignment=OuterRef("pk"), decision=Decision.PENDING)
        .order_by("claimed_at")
        .values("claimed_at")[:1]
    )
    ext_at = Subquery(
        ExtensionRequest.objects.filter(assignment=OuterRef("pk"), decision=Decision.PENDING)
        .order_by("requested_at")
        .values("requested_at")[:1]
    )
    # the older of the two requests; Least() of a NULL is NULL in SQLite, hence the Coalesce
    return (
        qs.select_related("task", "unit")
        .annotate(claim_at=claim_at, ext_at=ext_at)
        .annotate(
            waiting_since=Least(
                Coalesce(F("claim_at"), F("ext_at")), Coalesce(F("ext_at"), F("claim_at"))
            )
        )
        .prefetch_related(*pending_requests())
        .order_by(F("waiting_since").asc(nulls_last=True), "id")
    )


def awaiting_count(user: Any) -> int:
    scope = scope_for(user)
    if not scope.office_unit_ids:
        return 0
    return (
        assignments_for(user)
        .filter(unit_id__in=scope.office_unit_ids)
        .filter(Q(state="claimed") | Q(extension_pending=True))
        .count()
    )


@dataclass
class BulkResult:
    confirmed: list[Assignment] = field(default_factory=list)
    refused: list[tuple[Assignment, str]] = field(default_factory=list)


def confirm_many(*, assignments: Iterable[Assignment], user: Any) -> BulkResult:
    """Confirm each selected claim with the same service as one by one (audited each)."""
    result = BulkResult()
    for assignment in assignments:
        try:
            with transaction.atomic():
                services.confirm_completion(assignment=assignment, user=user)
        except (ValidationError, PermissionDenied) as exc:
            message = (
                " ".join(exc.messages)
                if isinstance(exc, ValidationError)
                else _("You do not have permission to do this.")
            )
            result.refused.append((assignment, message))
        else:
            result.confirmed.append(assignment)
    return result
