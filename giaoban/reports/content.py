"""Reading what a unit typed into its report: one validation for the page, the autosave and the API.

``clean_content`` takes the raw input (strings as a browser sends them) and
returns the content to store plus the parsed indicator values and plan
progress, or raises one ``ValidationError`` with a message per field. It
never stores anything: the service saves all of it or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from giaoban.reports.models import (
    NEXT_TASKS_MAX,
    SECTION_MAX,
    TEXT_SECTIONS,
    Indicator,
    PlanItem,
    SectionKey,
)
from giaoban.reports.numbers import vn_number

REC_MAX_ITEMS = 20
REC_TEXT_MAX = 4000
NEXT_TASK_MAX_CHARS = 1000


@dataclass
class RawContent:
    sections: dict[str, str]
    next_tasks: list[str]
    recommendations: list[dict[str, Any]]
    indicators: dict[str, str]
    plan_progress: dict[str, str]


@dataclass
class CleanContent:
    content: dict[str, Any]
    values: dict[int, Decimal]  # indicator id -> value
    progress: dict[int, int]  # plan item id -> percent


def parse_number(text: str) -> Decimal | None:
    """'1.234,5' (Vietnamese), '1234.5' or '1 234' -> Decimal; '' -> None; else ValueError."""
    s = (text or "").strip().replace(" ", "").replace("\u00a0", "")
    if not s:
        return None
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif s.count(".") > 1:
        s = s.replace(".", "")
    try:
        value = Decimal(s)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def check_indicator(ind: Indicator, text: str) -> tuple[Decimal | None, str | None]:
    """The value typed for one indicator, or the message saying what is wrong with it."""
    try:
        value = parse_number(text)
    except ValueError:
        return None, _("%(code)s: '%(value)s' is not a number.") % {
            "code": ind.code,
            "value": text[:40],
        }
    if value is None:
        return None, None
    low, high = ind.min_value, ind.max_value
    if (low is not None and value < low) or (high is not None and value > high):
        args = {"code": ind.code, "value": text, "min": vn_number(low), "max": vn_number(high)}
        if low is None:
            return None, _(
                "%(code)s: %(value)s is above the largest value allowed, %(max)s."
            ) % args
        if high is None:
            return None, _(
                "%(code)s: %(value)s is below the smallest value allowed, %(min)s."
            ) % args
        return None, _("%(code)s: %(value)s is outside the allowed range %(min)s – %(max)s.") % args
    if abs(value) >= Decimal("1e12"):
        return None, _("%(code)s: the number is too large.") % {"code": ind.code}
    return value.quantize(Decimal("0.01")), None


def clean_content(
    raw: RawContent,
    *,
    section_keys: list[str],
    indicators: list[Indicator],
    plan_items: list[PlanItem],
    existing_recs: list[dict[str, Any]] | None = None,
) -> CleanContent:
    errors: dict[str, list[str]] = {}
    sections: dict[str, str] = {}
    for key in section_keys:
        if key not in TEXT_SECTIONS:
            continue
        text = (raw.sections.get(key) or "").replace("\r\n", "\n")
        if len(text) > SECTION_MAX:
            errors[f"section_{key}"] = [
                _("The text is too long: %(n)s characters, at most %(max)s.")
                % {"n": len(text), "max": SECTION_MAX}
            ]
        sections[key] = text
    next_tasks = [t.strip() for t in raw.next_tasks if t and t.strip()]
    if SectionKey.NEXT_TASKS in section_keys:
        if len(next_tasks) > NEXT_TASKS_MAX:
            errors["next_tasks"] = [
                _("At most %(max)s tasks for the next period.") % {"max": NEXT_TASKS_MAX}
            ]
        elif any(len(t) > NEXT_TASK_MAX_CHARS for t in next_tasks):
            errors["next_tasks"] = [
                _("Each task is at most %(max)s characters.") % {"max": NEXT_TASK_MAX_CHARS}
            ]
    else:
        next_tasks = []
    recs: list[dict[str, Any]] = []
    if SectionKey.RECOMMENDATIONS in section_keys:
        known = {r.get("rec_id") for r in (existing_recs or []) if r.get("rec_id")}
        for item in raw.recommendations:
            text = str(item.get("text") or "").strip()
            if not text:
                continue
            if len(text) > REC_TEXT_MAX:
                errors["recommendations"] = [
                    _("Each recommendation is at most %(max)s characters.") % {"max": REC_TEXT_MAX}
                ]
            rec_id = item.get("rec_id")
            recs.append(
                {
                    "text": text,
                    "addressed_to": str(item.get("addressed_to") or "").strip()[:200],
                    "rec_id": rec_id if rec_id in known else None,
                }
            )
        if len(recs) > REC_MAX_ITEMS:
            errors["recommendations"] = [
                _("At most %(max)s recommendations in one report.") % {"max": REC_MAX_ITEMS}
            ]
    values: dict[int, Decimal] = {}
    shown: dict[str, str] = {}
    for ind in indicators:
        text = (raw.indicators.get(ind.code) or "").strip()
        shown[ind.code] = text
        value, error = check_indicator(ind, text)
        if error:
            errors[f"indicator_{ind.code}"] = [error]
        elif value is not None:
            values[ind.pk] = value
    progress: dict[int, int] = {}
    by_id = {str(item.pk): item for item in plan_items}
    for key, text in raw.plan_progress.items():
        text = (text or "").strip()
        if not text or str(key) not in by_id:
            continue
        try:
            percent = int(text)
        except ValueError:
            percent = -1
        if not 0 <= percent <= 100:
            errors[f"plan_{key}"] = [_("Progress must be a whole number from 0 to 100.")]
            continue
        progress[by_id[str(key)].pk] = percent
    if errors:
        raise ValidationError(errors)
    content = {
        "sections": sections,
        "next_tasks": next_tasks,
        "recommendations": recs,
        "indicators": {k: v for k, v in shown.items() if v},
        "plan_progress": {str(k): v for k, v in progress.items()},
    }
    return CleanContent(content=content, values=values, progress=progress)


def raw_from_post(
    data: Any, *, section_keys: list[str], indicators: list[Indicator] | None = None
) -> RawContent:
    """The raw input of the report form (a QueryDict). Without ``indicators``, every
    ``indicator_<code>`` field sent is read (the service checks them against the form)."""
    texts = data.getlist("rec_text")
    addressed = data.getlist("rec_addressed_to")
    ids = data.getlist("rec_id")
    recs = []
    for i, text in enumerate(texts):
        rec_id = ids[i] if i < len(ids) else ""
        recs.append(
            {
                "text": text,
                "addressed_to": addressed[i] if i < len(addressed) else "",
                "rec_id": int(rec_id) if rec_id.isdigit() else None,
            }
        )
    return RawContent(
        sections={k: data.get(f"section_{k}", "") for k in section_keys},
        next_tasks=data.getlist("next_task"),
        recommendations=recs,
        indicators={ind.code: data.get(f"indicator_{ind.code}", "") for ind in indicators}
        if indicators is not None
        else {k[len("indicator_") :]: v for k, v in data.items() if k.startswith("indicator_")},
        plan_progress={
            k[len("plan_") :]: v
            for k, v in data.items()
            if k.startswith("plan_") and k[5:].isdigit()
        },
    )


#: a wrong figure is kept in the draft as typed, up to this length
TYPED_FIGURE_MAX = 100


def clean_draft(
    raw: RawContent,
    *,
    previous: dict[str, Any],
    section_keys: list[str],
    indicators: list[Indicator],
    plan_items: list[PlanItem],
) -> tuple[CleanContent, dict[str, list[str]]]:
    """A draft keeps every valid field of what was typed: a wrong field does not hold back the
    others. Wrong figures stay in the draft as typed (flagged on the page, refused when the
    report is sent, never counted); a wrong text or list keeps what was saved before. Returns
    the content to store and the messages of the wrong fields ({} when all is right)."""
    args = {"section_keys": section_keys, "indicators": indicators, "plan_items": plan_items}
    existing = previous.get("recommendations", [])
    try:
        return clean_content(raw, existing_recs=existing, **args), {}
    except ValidationError as exc:
        errors = exc.message_dict
    before_sections = previous.get("sections") or {}
    before_progress = previous.get("plan_progress") or {}
    fixed = RawContent(
        sections={
            k: (before_sections.get(k, "") if f"section_{k}" in errors else v)
            for k, v in raw.sections.items()
        },
        next_tasks=list(previous.get("next_tasks") or [])
        if "next_tasks" in errors
        else raw.next_tasks,
        recommendations=list(existing) if "recommendations" in errors else raw.recommendations,
        indicators={
            k: ("" if f"indicator_{k}" in errors else v) for k, v in raw.indicators.items()
        },
        plan_progress={
            k: (str(before_progress.get(str(k), "")) if f"plan_{k}" in errors else v)
            for k, v in raw.plan_progress.items()
        },
    )
    cleaned = clean_content(fixed, existing_recs=existing, **args)
    kept = cleaned.content["indicators"]
    for ind in indicators:
        if f"indicator_{ind.code}" in errors:
            kept[ind.code] = (raw.indicators.get(ind.code) or "").strip()[:TYPED_FIGURE_MAX]
    return cleaned, errors


def draft_errors(content: dict[str, Any], indicators: list[Indicator]) -> dict[str, str]:
    """The wrong figures a saved draft holds ({"indicator_<code>": message}), to flag them."""
    typed = content.get("indicators") or {}
    found = {}
    for ind in indicators:
        _value, error = check_indicator(ind, str(typed.get(ind.code) or "").strip())
        if error:
            found[f"indicator_{ind.code}"] = error
    return found


def raw_from_content(content: dict[str, Any]) -> RawContent:
    """A stored draft as raw input again (to check it whole when it is sent)."""
    return RawContent(
        sections=dict(content.get("sections") or {}),
        next_tasks=list(content.get("next_tasks") or []),
        recommendations=[dict(r) for r in content.get("recommendations") or []],
        indicators={k: str(v) for k, v in (content.get("indicators") or {}).items()},
        plan_progress={str(k): str(v) for k, v in (content.get("plan_progress") or {}).items()},
    )
