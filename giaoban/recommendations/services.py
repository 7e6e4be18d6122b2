"""Every write to the recommendation register: keyword-only, atomic, audited.

State machine: new → forwarded → answered → closed (an answer may also be
given straight from 'new'; a closed recommendation takes nothing more).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.core.audit import log_action, snapshot
from giaoban.core.permissions import scope_for
from giaoban.org.models import Unit, subtree_ids
from giaoban.periods import default_calendar
from giaoban.recommendations import permissions, signals
from giaoban.recommendations.models import ANSWER_MAX, TEXT_MAX, Recommendation, RecState

#: a recommendation is answered within this many working days unless the office says otherwise
DEFAULT_ANSWER_WORKING_DAYS = 15
FIELDS = [
    "state",
    "forwarded_to",
    "forwarded_at",
    "response_deadline",
    "answer",
    "answered_by",
    "answered_on",
    "closed_at",
]


def today() -> date:
    return timezone.localdate()


def default_deadline(raised_on: date) -> date:
    return default_calendar().add_working_days(raised_on, DEFAULT_ANSWER_WORKING_DAYS)


def _clean_text(text: str, limit: int, field: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: _("This field cannot be empty.")})
    if len(text) > limit:
        raise ValidationError(
            {
                field: _("The text is too long: %(n)s characters, at most %(max)s.")
                % {"n": len(text), "max": limit}
            }
        )
    return text


@transaction.atomic
def raise_recommendation(
    *,
    unit: Unit,
    user: Any,
    text: str,
    addressed_to: str = "",
    response_deadline: date | None = None,
    report: Any | None = None,
) -> Recommendation:
    """A unit raises a recommendation to its committee."""
    if not scope_for(user).can_act_for_unit(unit.pk):
        raise PermissionDenied
    committee = unit.host_committee()
    if committee is None:
        raise ValidationError(_("This unit belongs to no committee."))
    raised_on = today()
    if response_deadline is not None and response_deadline < raised_on:
        raise ValidationError(
            {"response_deadline": _("The answer deadline cannot be in the past.")}
        )
    rec = Recommendation(
        committee=committee,
        unit=unit,
        report=report,
        text=_clean_text(text, TEXT_MAX, "text"),
        addressed_to=(addressed_to or "").strip()[:200],
        response_deadline=response_deadline or default_deadline(raised_on),
        created_by=user,
        raised_on=raised_on,
    )
    rec.full_clean()
    rec.save()
    log_action(
        rec,
        "recommendations.raised",
        user=user,
        data=snapshot(rec, ["text", "addressed_to", "response_deadline", "report"]),
        unit=unit,
    )
    signals.recommendation_raised.send(sender=Recommendation, recommendation=rec, user=user)
    return rec


def sync_from_report(*, report: Any, user: Any) -> dict[str, Any]:
    """On submission: each recommendation of the report's section enters the register once.

    Returns the report content with each item's ``rec_id``. A recommendation already
    in the register is updated while still new; past that its text stays as sent."""
    content = dict(report.content)
    items = []
    for item in content.get("recommendations", []):
        item = dict(item)
        rec = (
            Recommendation.objects.filter(pk=item.get("rec_id"), report=report).first()
            if item.get("rec_id")
            else None
        )
        if rec is None:
            rec = raise_recommendation(
                unit=report.unit,
                user=user,
                text=item["text"],
                addressed_to=item.get("addressed_to", ""),
                report=report,
            )
        elif rec.state == RecState.NEW and (
            rec.text != item["text"] or rec.addressed_to != item.get("addressed_to", "")
        ):
            before = snapshot(rec, ["text", "addressed_to"])
            rec.text, rec.addressed_to = item["text"], item.get("addressed_to", "")
            rec.full_clean()
            rec.save(update_fields=["text", "addressed_to"])
            log_action(
                rec,
                "recommendations.edited",
                user=user,
                before=before,
                data=snapshot(rec, ["text", "addressed_to"]),
                unit=report.unit,
            )
        item["rec_id"] = rec.pk
        items.append(item)
    content["recommendations"] = items
    return content


def _load(rec: Recommendation) -> Recommendation:
    return Recommendation.objects.select_for_update().get(pk=rec.pk)


@transaction.atomic
def forward(
    *, rec: Recommendation, user: Any, to_unit: Unit, response_deadline: date | None = None
) -> Recommendation:
    rec = _load(rec)
    permissions.check(user, rec, "forward")
    if rec.state not in (RecState.NEW, RecState.FORWARDED):
        raise ValidationError(_("Only a recommendation not yet answered can be forwarded."))
    if to_unit.pk not in subtree_ids([rec.committee_id]) or to_unit.pk == rec.unit_id:
        raise ValidationError(
            {"to_unit": _("Forward it to a board or the office of this committee.")}
        )
    if response_deadline is not None and response_deadline < rec.raised_on:
        raise ValidationError(
            {"response_deadline": _("The answer deadline cannot be before the day raised.")}
        )
    before = snapshot(rec, FIELDS)
    rec.state = RecState.FORWARDED
    rec.forwarded_to = to_unit
    rec.forwarded_at = timezone.now()
    if response_deadline is not None:
        rec.response_deadline = response_deadline
    rec.full_clean()
    rec.save(update_fields=["state", "forwarded_to", "forwarded_at", "response_deadline"])
    log_action(
        rec,
        "recommendations.forwarded",
        user=user,
        before=before,
        data=snapshot(rec, FIELDS),
        unit=rec.unit,
    )
    signals.recommendation_forwarded.send(sender=Recommendation, recommendation=rec, user=user)
    return rec


@transaction.atomic
def answer(*, rec: Recommendation, user: Any, text: str) -> Recommendation:
    rec = _load(rec)
    if rec.state == RecState.CLOSED:
        raise ValidationError(_("This recommendation is closed: it cannot be answered any more."))
    permissions.check(user, rec, "answer")
    before = snapshot(rec, FIELDS)
    rec.answer = _clean_text(text, ANSWER_MAX, "answer")
    rec.state = RecState.ANSWERED
    rec.answered_by = user
    rec.answered_on = today()
    rec.full_clean()
    rec.save(update_fields=["answer", "state", "answered_by", "answered_on"])
    log_action(
        rec,
        "recommendations.answered",
        user=user,
        before=before,
        data=snapshot(rec, FIELDS),
        unit=rec.unit,
    )
    signals.recommendation_answered.send(sender=Recommendation, recommendation=rec, user=user)
    return rec


@transaction.atomic
def close(*, rec: Recommendation, user: Any) -> Recommendation:
    rec = _load(rec)
    permissions.check(user, rec, "close")
    if rec.state != RecState.ANSWERED:
        raise ValidationError(_("Only an answered recommendation can be closed."))
    before = snapshot(rec, FIELDS)
    rec.state = RecState.CLOSED
    rec.closed_at = timezone.now()
    rec.save(update_fields=["state", "closed_at"])
    log_action(
        rec,
        "recommendations.closed",
        user=user,
        before=before,
        data=snapshot(rec, FIELDS),
        unit=rec.unit,
    )
    signals.recommendation_closed.send(sender=Recommendation, recommendation=rec, user=user)
    return rec
