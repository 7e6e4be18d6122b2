"""The one line each notification reads as, in the reader's language (params kept as data).

One table: each kind (or kind and variant) maps to its message; the params a message may use
are listed once in ``FIELDS``. A kind missing from the table reads as its text
(``test_every_kind_has_a_message`` keeps the table complete).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giaoban.notifications.models import Kind

#: the params a message may use, with their defaults (``deadline`` is formatted dd/mm/yyyy)
FIELDS = ("doc", "text", "unit", "deadline", "days", "title", "reason", "number")

#: kind (or "kind:variant") -> message; the variant comes from ``_variant``
MESSAGES: dict[str, Any] = {
    Kind.ASSIGNMENT_GIVEN: gettext_lazy(
        "%(unit)s is given a task (%(doc)s), due %(deadline)s: %(text)s"
    ),
    Kind.CLAIM_TO_CONFIRM: gettext_lazy("%(unit)s reports done, to confirm: %(doc)s — %(text)s"),
    Kind.EXTENSION_TO_DECIDE: gettext_lazy("%(unit)s asks for more time on %(doc)s — %(text)s"),
    Kind.CLAIM_RETURNED: gettext_lazy(
        "The office returned the completion claim of %(doc)s: %(reason)s"
    ),
    f"{Kind.EXTENSION_DECIDED}:approved": gettext_lazy(
        "Extension approved for %(doc)s: new deadline %(deadline)s"
    ),
    f"{Kind.EXTENSION_DECIDED}:rejected": gettext_lazy(
        "Extension rejected for %(doc)s: %(reason)s"
    ),
    Kind.DUE_SOON: gettext_lazy(
        "%(unit)s: due %(deadline)s (in %(days)s working days) — %(doc)s: %(text)s"
    ),
    Kind.DUE_TODAY: gettext_lazy("%(unit)s: due today %(deadline)s — %(doc)s: %(text)s"),
    Kind.OVERDUE: gettext_lazy(
        "%(unit)s: %(days)s days overdue (due %(deadline)s) — %(doc)s: %(text)s"
    ),
    Kind.ESCALATION: gettext_lazy(
        "Your unit %(unit)s is %(days)s days overdue (due %(deadline)s) — %(doc)s: %(text)s"
    ),
    Kind.CLAIM_UNCONFIRMED: gettext_lazy(
        "%(unit)s reported done %(days)s days ago, still unconfirmed: %(doc)s"
    ),
    Kind.REPORT_RETURNED: gettext_lazy("Report returned to %(unit)s: %(title)s — %(reason)s"),
    Kind.REPORT_MISSING: gettext_lazy(
        "%(unit)s has not sent the report %(title)s (due %(deadline)s)"
    ),
    Kind.RECOMMENDATION_TO_ANSWER: gettext_lazy("Recommendation from %(unit)s to answer: %(text)s"),
    Kind.RECOMMENDATION_UNANSWERED: gettext_lazy(
        "Recommendation from %(unit)s unanswered since %(deadline)s: %(text)s"
    ),
    Kind.NOTICE_TO_APPROVE: gettext_lazy("Notice to approve: %(title)s"),
    Kind.LETTER: gettext_lazy("Reminder letter %(number)s sent to %(unit)s"),
}


def _variant(kind: str, params: dict[str, Any]) -> str:
    if kind == Kind.EXTENSION_DECIDED:
        return f"{kind}:{'approved' if params.get('approved') else 'rejected'}"
    return str(kind)


def _d(value: Any) -> str:
    if not value:
        return _("no deadline")
    try:
        return date.fromisoformat(str(value)).strftime("%d/%m/%Y")
    except ValueError:
        return str(value)


def message(kind: str, params: dict[str, Any]) -> str:
    template = MESSAGES.get(_variant(kind, params))
    if template is None:
        return str(params.get("text", kind))
    p = {name: params.get(name, "") for name in FIELDS}
    p["deadline"] = _d(params.get("deadline"))
    return str(template) % p
