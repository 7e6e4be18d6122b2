"""What the API accepts before any view runs: JSON bodies only, no NUL characters anywhere,
pages within bounds. Used by every router through the API object (giaoban/api/api.py).
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from ninja.parser import Parser

from giaoban.core.limits import MAX_LIMIT, MAX_OFFSET


class UnsupportedMediaType(ValueError):
    """A body that is not declared as JSON (text/plain, form data sent to a JSON operation)."""


class NulCharacter(ValueError):
    """Text with a NUL character: PostgreSQL refuses it, SQLite would store it unseen."""


def _reject_nul(value: Any) -> None:
    if isinstance(value, str):
        if "\x00" in value:
            raise NulCharacter
    elif isinstance(value, dict):
        for key, item in value.items():
            _reject_nul(key)
            _reject_nul(item)
    elif isinstance(value, list):
        for item in value:
            _reject_nul(item)


class StrictParser(Parser):
    """JSON bodies must say so (Content-Type: application/json) and hold no NUL characters;
    nor may query strings and form fields."""

    def parse_body(self, request: HttpRequest) -> Any:
        content_type = (request.content_type or "").lower()
        if content_type != "application/json" and not content_type.endswith("+json"):
            raise UnsupportedMediaType(content_type)
        data = json.loads(request.body)
        _reject_nul(data)
        return data

    def parse_querydict(self, data, list_fields, request):
        for key, values in data.lists():
            _reject_nul(key)
            _reject_nul(values)
        return super().parse_querydict(data, list_fields, request)


class BoundedLimitOffset(LimitOffsetPagination):
    """Limit/offset paging with both bounded: an offset past 2^63 would overflow the database
    integer (a server error on both databases); past the end is simply an empty page."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=MAX_LIMIT, description="items per page")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="items to skip")
