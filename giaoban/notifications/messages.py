"""The one line each notification reads as, in the reader's language (params kept as data)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from giaoban.notifications.models import Kind


def _d(value: Any) -> str:
    if not value:
        return _("no deadline")
    try:
        return date.fromisoformat(str(value)).strftime("%d/%m/%Y")
    except ValueError:
        return str(value)


def message(kind: str, params: dict[str, Any]) -> str:
    p = {
        "doc": params.get("doc", ""),
        "text": params.get("text", ""),
        "unit": params.get("unit", ""),
        "deadline": _d(params.get("deadline")),
        "days": params.get("days", ""),
        "title": params.get("title", ""),
        "reason": params.get("reason", ""),
        "number": params.get("number", ""),
    }
    if kind == Kind.ASSIGNMENT_GIVEN:
        return _("%(unit)s is given a task (%(doc)s), due %(deadline)s: %(text)s") % p
    if kind == Kind.CLAIM_TO_CONFIRM:
        return _("%(unit)s reports done, to confirm: %(doc)s — %(text)s") % p
    if kind == Kind.EXTENSION_TO_DECIDE:
        return _("%(unit)s asks for more time on %(doc)s — %(text)s") % p
    if kind == Kind.CLAIM_RETURNED:
        return _("The office returned the completion claim of %(doc)s: %(reason)s") % p
    if kind == Kind.EXTENSION_DECIDED:
        if params.get("approved"):
            return _("Extension approved for %(doc)s: new deadline %(deadline)s") % p
        return _("Extension rejected for %(doc)s: %(reason)s") % p
    if kind == Kind.DUE_SOON:
        return _("%(unit)s: due %(deadline)s (in %(days)s working days) — %(doc)s: %(text)s") % p
    if kind == Kind.DUE_TODAY:
        return _("%(unit)s: due today %(deadline)s — %(doc)s: %(text)s") % p
    if kind == Kind.OVERDUE:
        return _("%(unit)s: %(days)s days overdue (due %(deadline)s) — %(doc)s: %(text)s") % p
    if kind == Kind.ESCALATION:
        return (
            _("Your unit %(unit)s is %(days)s days overdue (due %(deadline)s) — %(doc)s: %(text)s")
            % p
        )
    if kind == Kind.CLAIM_UNCONFIRMED:
        return _("%(unit)s reported done %(days)s days ago, still unconfirmed: %(doc)s") % p
    if kind == Kind.REPORT_RETURNED:
        return _("Report returned to %(unit)s: %(title)s — %(reason)s") % p
    if kind == Kind.REPORT_MISSING:
        return _("%(unit)s has not sent the report %(title)s (due %(deadline)s)") % p
    if kind == Kind.RECOMMENDATION_TO_ANSWER:
        return _("Recommendation from %(unit)s to answer: %(text)s") % p
    if kind == Kind.RECOMMENDATION_UNANSWERED:
        return _("Recommendation from %(unit)s unanswered since %(deadline)s: %(text)s") % p
    if kind == Kind.NOTICE_TO_APPROVE:
        return _("Notice to approve: %(title)s") % p
    if kind == Kind.LETTER:
        return _("Reminder letter %(number)s sent to %(unit)s") % p
    return str(params.get("text", kind))
