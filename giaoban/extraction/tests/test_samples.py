"""Every sample text gives exactly its expected record.

samples/NAME.txt is a text as offices receive it (news article, conclusion
notice); samples/NAME.expected.json is the record it must give, checked by
hand. Every mistake fixed in the extractor adds a sample here. To add one:

    python -m giaoban.extraction samples/NAME.txt > samples/NAME.expected.json

then read the JSON against the text and corpus/LABELLING.md before committing.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from giaoban.extraction import extract

SAMPLES = Path(__file__).parent / "samples"
NAMES = sorted(p.stem for p in SAMPLES.glob("*.txt"))


def test_there_are_samples_of_both_kinds() -> None:
    assert sum(n.startswith("notice_") for n in NAMES) >= 3
    assert sum(n.startswith(("news_", "seed_")) for n in NAMES) >= 5
    assert all((SAMPLES / f"{n}.expected.json").exists() for n in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_sample(name: str) -> None:
    text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    record = replace(extract(text), source=f"{name}.txt")
    assert record.to_dict() == expected
