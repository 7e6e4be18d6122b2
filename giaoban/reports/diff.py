"""A readable difference between two versions of a report, section by section (difflib)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from giaoban.reports.models import SectionKey


@dataclass(frozen=True)
class Line:
    op: str  # " " same, "-" removed, "+" added
    text: str


@dataclass(frozen=True)
class SectionDiff:
    title: str
    lines: list[Line]

    @property
    def changed(self) -> bool:
        return any(line.op != " " for line in self.lines)


def _lines(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v.get("text", v)) if isinstance(v, dict) else str(v) for v in value]
    if isinstance(value, dict):
        return [f"{k}: {v}" for k, v in sorted(value.items())]
    return str(value or "").splitlines()


def _diff(old: list[str], new: list[str]) -> list[Line]:
    out: list[Line] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(Line(" ", t) for t in old[i1:i2])
            continue
        out.extend(Line("-", t) for t in old[i1:i2])
        out.extend(Line("+", t) for t in new[j1:j2])
    return out


def version_diff(
    old: dict[str, Any] | None, new: dict[str, Any], *, doc_old: str = "", doc_new: str = ""
) -> list[SectionDiff]:
    """Every part of the report, old against new (``old`` None: everything is new)."""
    old = old or {}
    titles = {k.value: str(k.label) for k in SectionKey}
    parts: list[SectionDiff] = []
    keys = list(dict.fromkeys(list(old.get("sections") or {}) + list(new.get("sections") or {})))
    for key in keys:
        parts.append(
            SectionDiff(
                titles.get(key, key),
                _diff(
                    _lines((old.get("sections") or {}).get(key)),
                    _lines((new.get("sections") or {}).get(key)),
                ),
            )
        )
    for key, title in (
        ("next_tasks", titles["next_tasks"]),
        ("recommendations", titles["recommendations"]),
        ("indicators", _("Indicators")),
        ("plan_progress", _("Work plan progress (%)")),
    ):
        parts.append(SectionDiff(title, _diff(_lines(old.get(key)), _lines(new.get(key)))))
    if doc_old or doc_new:
        parts.append(
            SectionDiff(
                _("Signed document"),
                _diff([doc_old] if doc_old else [], [doc_new] if doc_new else []),
            )
        )
    return parts
