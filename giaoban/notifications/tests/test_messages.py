"""The one table of messages: every kind reads as a sentence with its details, in both languages."""

from __future__ import annotations

import pytest
from django.utils import translation

from giaoban.notifications.messages import MESSAGES, message
from giaoban.notifications.models import Kind

PARAMS = {
    "doc": "101-TB/TU ngày 09/03/2026",
    "text": "Rà soát quy hoạch",
    "unit": "Ban Tổ chức",
    "deadline": "2026-03-20",
    "days": 3,
    "title": "Quý I/2026",
    "reason": "Thiếu phụ lục",
    "number": "5-CV/VPTU",
}


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_has_a_message_in_each_language(kind):
    for lang in ("vi", "en"):
        with translation.override(lang):
            line = message(kind, PARAMS)
        assert "%(" not in line and line != PARAMS["text"], (kind, lang, line)
    with translation.override("vi"):
        vi = message(kind, PARAMS)
    with translation.override("en"):
        en = message(kind, PARAMS)
    assert vi != en, f"{kind} has no Vietnamese message"


def test_variants_and_dates():
    with translation.override("en"):
        ok = message(Kind.EXTENSION_DECIDED, PARAMS | {"approved": True})
        no = message(Kind.EXTENSION_DECIDED, PARAMS | {"approved": False})
        assert ok == "Extension approved for 101-TB/TU ngày 09/03/2026: new deadline 20/03/2026"
        assert no == "Extension rejected for 101-TB/TU ngày 09/03/2026: Thiếu phụ lục"
        assert message(Kind.REPORT_MISSING, {"unit": "X", "title": "Q1"}).endswith(
            "(due no deadline)"
        )
        assert message("unknown_kind", {"text": "plain"}) == "plain"


def test_the_table_has_no_entry_for_an_unknown_kind():
    kinds = {str(k) for k in Kind}
    assert {k.split(":")[0] for k in MESSAGES} == kinds
