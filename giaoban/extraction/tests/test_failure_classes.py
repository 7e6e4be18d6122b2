"""The failure classes of real texts (corpus/FAILURE-CLASSES.md), one invented example each.

failure_classes.json holds, per example, its class number, the text, and the fields it must
give (as in SCHEMA.md: figures as [unit, value] pairs, directives with text, assignees and
deadline, recommendations with text and from, chairs, period, host, kind, …). Texts and
assignees are compared without case (the scorer folds case too). An example marked
"known_gap" is a class not fixed yet: it is expected to fail, and the test says so when it
starts passing (strict xfail), so the mark is removed with the fix.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from giaoban.extraction import Record, extract

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "failure_classes.json").read_text(encoding="utf-8")
)


def _fold(value: Any) -> Any:
    if isinstance(value, str):
        return value.casefold()
    if isinstance(value, list):
        return [_fold(v) for v in value]
    if isinstance(value, dict):
        return {k: _fold(v) for k, v in value.items()}
    return value


def _actual(record: Record, field: str) -> Any:
    data = record.to_dict()
    if field == "figures":
        return sorted([f["unit"], f["value"]] for f in data["figures"])
    if field in ("directives", "recommendations"):
        keys = ("text", "assignees", "deadline") if field == "directives" else ("text", "from")
        return [{k: item[k] for k in keys} for item in data[field]]
    if field == "published":
        return data["published"]
    return data["meeting"][field]


def _params() -> list[Any]:
    out = []
    for n, case in enumerate(CASES):
        marks = [pytest.mark.xfail(strict=True, reason="class not fixed yet")] * case["known_gap"]
        out.append(pytest.param(case, id=f"class{case['class']:02d}-{n}", marks=marks))
    return out


def test_every_class_has_an_example() -> None:
    assert {c["class"] for c in CASES} == set(range(1, 29))


@pytest.mark.parametrize("case", _params())
def test_failure_class_example(case: dict[str, Any]) -> None:
    record = extract(case["text"], published=case["published"])
    for field, expected in case["expected"].items():
        assert _fold(_actual(record, field)) == _fold(expected), field
