"""Closing an assignment settles what still waits on it (services.py: confirm, cancel)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.core.decisions import Decision
from giaoban.tasks.models import Assignment, CompletionClaim, ExtensionRequest


def settle_pending(assignment: Assignment, *, user: Any, on: str) -> list[int]:
    """Reject what is pending on ``assignment`` as it closes (``on`` is "confirm" or "cancel"),
    with the reason recorded, so no request stays pending for ever: its extension requests
    (and, on cancel, its completion claim). Clears ``assignment.extension_pending`` (the
    caller saves it) and returns the ids of the settled extension requests for the audit."""
    reason = (
        _("Assignment completed: no extension needed")
        if on == "confirm"
        else _("Assignment cancelled")
    )
    decided = {"decision": Decision.REJECTED, "decided_by": user, "decided_at": timezone.now()}
    pending = list(
        assignment.extensions.filter(decision=Decision.PENDING).values_list("pk", flat=True)
    )
    ExtensionRequest.objects.filter(pk__in=pending).update(**decided, decision_reason=reason)
    if on == "cancel":
        CompletionClaim.objects.filter(assignment=assignment, decision=Decision.PENDING).update(
            **decided, decision_reason=reason
        )
    assignment.extension_pending = False
    return pending
