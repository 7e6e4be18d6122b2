"""The dashboard's own form: the reference date box and the period picker."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from giaoban.core.forms import BootstrapMixin, date_field
from giaoban.periods import MAX_YEAR, MIN_YEAR, Period, PeriodType

#: the periods a dashboard can be narrowed to (a briefing's periods; months are too short)
PERIOD_TYPES = (PeriodType.QUARTER, PeriodType.HALF, PeriodType.NINE_MONTHS, PeriodType.YEAR)


def period_label(period: Period) -> str:
    """The period's name in the interface's language ("Quý I/2026", or "Q1 2026")."""
    return period.label if (get_language() or "vi").startswith("vi") else period.label_en


def periods_around(year: int) -> list[Period]:
    """Every quarter, half, nine months and year of ``year`` and the year before, newest first."""
    out: list[Period] = []
    for y in (y for y in (year, year - 1) if MIN_YEAR <= y <= MAX_YEAR):
        out += [Period.of_quarter(y, q) for q in (4, 3, 2, 1)]
        out += [Period.of_year(y), Period.of_nine_months(y), Period.of_half(y, 2)]
        out += [Period.of_half(y, 1)]
    return out


_LOOSE_CODE = re.compile(r"(\d{4})\s*[-/ ]?\s*(Q[1-4]|H[12]|9M|Y)", re.IGNORECASE)


def read_period(text: str) -> Period | None:
    """The period a person typed in the link: the code ("2025-Q3"), the code without its dash
    ("2025Q3", "2025 q3") or the Vietnamese name ("Quý III/2025", "6 tháng đầu năm 2025")."""
    m = _LOOSE_CODE.fullmatch(text)
    candidates = [text] + ([f"{m[1]}-{m[2]}"] if m else [])
    for code in candidates:
        try:
            return Period.from_code(code)
        except ValueError:
            pass
    try:
        return Period.parse(text)
    except ValueError:
        return None


class DashboardForm(BootstrapMixin, forms.Form):
    as_of = date_field(_("Figures as of"), required=False)
    period = forms.CharField(label=_("Tasks due in"), required=False, max_length=16)

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.year = year

    def period_options(self, chosen: Period | None) -> list[tuple[str, str, bool]]:
        """(code, label, selected) for the select: every task, then the periods."""
        periods = periods_around(self.year)
        if chosen is not None and chosen not in periods:
            periods.insert(0, chosen)
        return [(p.code, period_label(p), chosen is not None and p == chosen) for p in periods]

    def clean_period(self) -> Period | None:
        code = (self.cleaned_data.get("period") or "").strip()
        if not code:
            return None
        period = read_period(code)
        if period is None or period.type not in PERIOD_TYPES:
            raise forms.ValidationError(
                _("Unknown period: %(code)s (choose one in the list)."), params={"code": code}
            )
        return period

    def chosen(self) -> tuple[date | None, Period | None]:
        """The reference date and the period asked for (None for what is missing or invalid)."""
        if not self.is_bound:
            return None, None
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return data.get("as_of"), data.get("period")
