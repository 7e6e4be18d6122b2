"""Reporting periods, report cut-off/due dates and Vietnamese working days.

Pure Python: nothing here imports Django, so the rules can be tested
without a database and reused by the extractor and the command line.
"""

from giaoban.periods.period import MAX_YEAR, MIN_YEAR, Period, PeriodType, find_all
from giaoban.periods.rules import ReportRules
from giaoban.periods.workdays import WorkCalendar, default_calendar, vietnam_holidays

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "Period",
    "PeriodType",
    "ReportRules",
    "WorkCalendar",
    "default_calendar",
    "find_all",
    "vietnam_holidays",
]
