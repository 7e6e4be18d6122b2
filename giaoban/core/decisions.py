"""Decisions on requests: one model shape and one rule for every app.

A *decision* is one person's answer to another person's request: the office confirms or returns a
unit's completion claim and approves or rejects an extension request; the next apps add report
acceptance, notice approval and the answer to a recommendation. Each such request is a model that
inherits ``DecisionRecord`` (fields ``decision``, ``decided_by``, ``decided_at``,
``decision_reason``), names the field holding its requester and keeps at most one pending request
per object with ``one_pending``::

    class CompletionClaim(DecisionRecord):
        requester_field = "claimed_by"
        assignment = models.ForeignKey(...)
        claimed_by = models.ForeignKey(settings.AUTH_USER_MODEL, ...)

        class Meta:
            constraints = [one_pending("assignment", name="tasks_claim_one_pending", message=...)]

The service that decides locks the row, checks the user's right to decide (the app's action
table), then calls ``decide``, which enforces the one rule — **nobody decides on their own
request**, whatever roles they hold (a clerk holding both an office role and a unit role cannot
confirm their own claim) — records who decided, when and why, and saves. Pages ask
``may_decide(user, obj)`` to show or hide the decision buttons; ``self_decided()`` lists the rows
that break the rule (``unsigned_decisions()`` those missing who or when), for data checks (the demo, imports, restored backups).

A request that is answered rather than approved or rejected (a unit's recommendation) mixes in
``RequestRule`` alone, names its requester, the unit it speaks for (``requester_unit_field``:
nobody of that unit decides on it) and its decider field, and calls ``ensure_not_own_request``
in its service.

Every concrete subclass of ``DecisionRecord`` must have a case in
``giaoban/core/tests/test_decisions.py`` (every other ``RequestRule`` model its own test there):
the test fails on a request type without one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giaoban.accounts.models import Membership


class Decision(models.TextChoices):
    PENDING = "pending", gettext_lazy("Awaiting decision")
    APPROVED = "approved", gettext_lazy("Approved")
    REJECTED = "rejected", gettext_lazy("Rejected")


class RequestRule:
    """Who made a request, so that they do not decide on it (mixed into every request model).

    ``requester_field`` names the ForeignKey to the user who asked; ``co_requester_fields`` the
    lookups of others who count as its authors; ``requester_unit_field`` the unit in whose name
    the request is made, when it is a unit's (a unit's recommendation): nobody holding any role
    in that unit decides on it either, whatever other roles they hold. ``decider_field`` names
    the ForeignKey to the user who decided (answered).
    """

    #: name of the ForeignKey to the user who made the request (set by every subclass)
    requester_field: str = ""
    #: lookups of other people who count as the request's authors ("notice__created_by": the
    #: drafter of the notice whose approval is asked): they may not decide on it either
    co_requester_fields: tuple[str, ...] = ()
    #: name of the ForeignKey to the unit the request is made for ("" when it is a person's)
    requester_unit_field: str = ""
    #: name of the ForeignKey to the user who decided
    decider_field: str = "decided_by"

    @property
    def requester_id(self) -> int | None:
        return getattr(self, f"{self.requester_field}_id")

    @property
    def requester_unit_id(self) -> int | None:
        if not self.requester_unit_field:
            return None
        return getattr(self, f"{self.requester_unit_field}_id")

    def requester_ids(self) -> set[int]:
        """The requester and the co-requesters: the people who may not decide on this."""
        ids = {self.requester_id}
        for lookup in self.co_requester_fields:
            *path, last = lookup.split("__")
            obj: Any = self
            for part in path:
                obj = getattr(obj, part)
            ids.add(getattr(obj, f"{last}_id"))
        return {i for i in ids if i is not None}

    @classmethod
    def own_request_q(cls) -> Q:
        """Rows decided by their requester, a co-requester or someone of the requesting unit
        (for the data checks)."""
        decider = cls.decider_field
        q = Q(**{decider: F(cls.requester_field)})
        for lookup in cls.co_requester_fields:
            q |= Q(**{decider: F(lookup)})
        if cls.requester_unit_field:
            q |= Q(**{f"{decider}__memberships__unit": F(cls.requester_unit_field)})
        return q

    @classmethod
    def decided_q(cls) -> Q:
        """The rows that carry a decision."""
        return Q(**{f"{cls.decider_field}__isnull": False})


class DecisionRecord(RequestRule, models.Model):
    """A request awaiting, or carrying, one person's decision."""

    decision = models.CharField(
        gettext_lazy("decision"), max_length=16, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=gettext_lazy("decided by"),
    )
    decided_at = models.DateTimeField(gettext_lazy("decided at"), null=True, blank=True)
    decision_reason = models.CharField(gettext_lazy("reason"), max_length=2000, blank=True)

    class Meta:
        abstract = True

    @classmethod
    def decided_q(cls) -> Q:
        return ~Q(decision=Decision.PENDING)

    @property
    def is_pending(self) -> bool:
        return self.decision == Decision.PENDING


def one_pending(field: str, *, name: str, message: Any) -> models.UniqueConstraint:
    """At most one pending request per ``field`` (the object the request is about)."""
    return models.UniqueConstraint(
        fields=[field],
        condition=Q(decision="pending"),
        name=name,
        violation_error_message=message,
    )


def is_own_request(user: Any, obj: RequestRule) -> bool:
    """Whether ``user`` made the request ``obj``: in person, as a co-author, or as someone of the
    unit it is made for."""
    user_id = getattr(user, "pk", None)
    if user_id is None:
        return False
    if user_id in obj.requester_ids():
        return True
    unit_id = obj.requester_unit_id
    return (
        unit_id is not None and Membership.objects.filter(user_id=user_id, unit_id=unit_id).exists()
    )


def ensure_not_own_request(user: Any, obj: RequestRule) -> None:
    """The one rule: raise PermissionDenied when ``user`` made the request ``obj`` (or belongs to
    the unit that made it)."""
    if is_own_request(user, obj):
        raise PermissionDenied(_("Nobody decides on their own request: another person must."))


def may_decide(user: Any, obj: DecisionRecord | None) -> bool:
    """Whether ``user`` may be offered a decision on ``obj`` as far as this rule goes (pending and
    not theirs); the app's action table still says whether their role may decide at all."""
    return obj is not None and obj.is_pending and not is_own_request(user, obj)


def decide(
    obj: DecisionRecord,
    *,
    user: Any,
    approve: bool,
    reason: str = "",
    fields: tuple[str, ...] = (),
) -> DecisionRecord:
    """Record ``user``'s decision on the pending request ``obj`` and save it.

    Call it inside the service's transaction, after locking the row and checking the user's right
    to decide. Raises PermissionDenied on the user's own request and ValidationError when the
    request is no longer pending. ``fields`` names other fields the caller changed on ``obj``.
    """
    ensure_not_own_request(user, obj)
    if not obj.is_pending:
        raise ValidationError(_("This request has already been decided."))
    obj.decision = Decision.APPROVED if approve else Decision.REJECTED
    obj.decided_by = user
    obj.decided_at = timezone.now()
    obj.decision_reason = reason.strip()
    obj.full_clean()
    obj.save(update_fields=["decision", "decided_by", "decided_at", "decision_reason", *fields])
    return obj


def decision_models() -> Iterator[type[DecisionRecord]]:
    """Every installed concrete model holding decisions."""
    for model in apps.get_models():
        if issubclass(model, DecisionRecord):
            yield model


def request_models() -> Iterator[type[Any]]:
    """Every installed concrete model under the rule: the decision records and the other
    requests answered by someone (``recommendations.Recommendation``)."""
    for model in apps.get_models():
        if issubclass(model, RequestRule):
            yield model


def self_decided() -> dict[str, int]:
    """Decided rows, per model label, whose decider made the request or belongs to the unit that
    made it (there must be none)."""
    out: dict[str, int] = {}
    for model in request_models():
        decided = model._default_manager.filter(model.decided_q())
        bad = decided.filter(model.own_request_q()).values("pk").distinct().count()
        if bad:
            out[model._meta.label] = bad
    return out


def unsigned_decisions() -> dict[str, int]:
    """Decided rows, per model label, that do not say when they were decided, or by whom while
    that person's account still exists (there must be none)."""
    out: dict[str, int] = {}
    for model in decision_models():
        decided = model._default_manager.exclude(decision=Decision.PENDING)
        bad = decided.filter(Q(decided_at__isnull=True) | Q(decided_by__isnull=True)).count()
        if bad:
            out[model._meta.label] = bad
    return out
