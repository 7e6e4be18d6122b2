"""Bounds every input must respect before it reaches the database (pages and API alike).

Values outside them are refused with a clear message (a 400/422 answer, a form error),
never passed on: SQLite cannot store integers over 64 bits, PostgreSQL refuses NUL
characters in text, and dates far from today overflow the calendar arithmetic.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import AfterValidator, Field

#: dates an office may mean: before 1900 or after 2999 is a typing mistake
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2999, 12, 31)
#: the largest id or count a 64-bit signed database integer holds
MAX_INT = 2**63 - 1
#: the furthest a list may be paged (past the end is an empty page, not an error)
MAX_OFFSET = 10**9
MAX_LIMIT = 500


def date_in_range(value: date) -> date:
    if not MIN_DATE <= value <= MAX_DATE:
        raise ValueError("date_range")
    return value


#: an API date an office may mean (1900-2999)
ApiDate = Annotated[date, AfterValidator(date_in_range)]
#: an id in an API path or query (read from text)
Id = Annotated[int, Field(ge=1, le=MAX_INT)]
#: numbers and booleans in a JSON body: of their JSON type, never a string or a boolean
#: taken for a number ("percent": true, "committee": "3")
BodyInt = Annotated[int, Field(strict=True, ge=-MAX_INT, le=MAX_INT)]
BodyId = Annotated[int, Field(strict=True, ge=1, le=MAX_INT)]
BodyBool = Annotated[bool, Field(strict=True)]
