"""The one source of "today" for the app: the local date in the configured time zone.

Rules never call it themselves: they take ``today`` as an argument, so that they are pure
functions of their inputs and tests pass (or freeze) the day. Views, the API and commands call
``today()`` once per request and pass it down.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone


def today() -> date:
    return timezone.localdate()


def end_of_day(day: date) -> datetime:
    """The first instant after ``day`` in the local time zone: ``at < end_of_day(d)`` means
    "on or before ``d``" for a datetime, and uses an index (no date function on the column)."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
