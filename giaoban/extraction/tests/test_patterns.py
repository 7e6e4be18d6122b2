"""The patterns rewritten for speed match exactly what their plain forms match."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from giaoban.extraction import gazetteer as gz
from giaoban.extraction import groups as gr
from giaoban.extraction import lexicon as lx
from giaoban.extraction import patterns as pt
from giaoban.extraction import report_patterns as rp
from giaoban.extraction.normalize import normalize

SAMPLES = Path(__file__).parent / "samples"


def _plain(words: list[str], *, ignore_case: bool = True, boundary: bool = True) -> str:
    alternation = "(?:" + "|".join(words) + ")"
    if ignore_case:
        alternation = "(?i:" + alternation + ")"
    return (r"(?<!\w)" if boundary else "") + alternation


def _cases() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    out = []
    for name, words, kwargs in [
        ("ACTION_VERB", lx._ACTION_VERB_WORDS, {}),
        ("MODAL_CUE", lx._MODAL_CUE_WORDS, {}),
        ("EVALUATION", lx._EVALUATION_WORDS, {}),
        ("FRAME_VERB", lx._FRAME_VERB_WORDS, {}),
        ("FIGURE", lx._FIGURE_VERBS, {"ignore_case": False}),
        (
            "SCHEDULING",
            [r"hội\s+nghị", r"giao\s+ban", r"cuộc\s+họp", r"phiên\s+họp"],
            {"boundary": False},
        ),
    ]:
        fast = getattr(rp if name == "FIGURE" else pt, name)
        head = lx.word_alternation(words, **kwargs)
        assert fast.pattern.startswith(head)
        plain = re.compile(_plain(words, **kwargs) + fast.pattern[len(head) :])
        out.append((name, fast, plain))
    out.append(
        (
            "DEADLINE_CUE",
            pt.DEADLINE_CUE,
            re.compile(
                _plain(
                    [
                        r"trước",
                        r"chậm\s+nhất",
                        r"hạn\s+chót",
                        r"đến",
                        r"hoàn\s+thành",
                        r"hoàn\s+tất",
                        r"xong",
                        r"trong",
                        r"hết",
                        r"cuối",
                        r"vào",
                        r"dứt\s+điểm",
                    ]
                )
                + r"(?!\w)"
            ),
        )
    )
    out.append(
        ("SENTENCE_END", pt.SENTENCE_END, re.compile(r"(?:[.!?]+|…+|\.{3})[\"”’)]*(?:/\.)?\s+"))
    )
    word = rf"[{gr.UPPER}][^\W_]*"
    out.append(
        (
            "_CAP_RUN",
            gz._CAP_RUN,
            re.compile(rf"(?<!\w)(?:TP\.\s?|TP\s)?{word}(?:(?:\s+|\s*-\s*){word}){{0,5}}(?!\w)"),
        )
    )
    out.append(
        (
            "_UNIT_TRIGGER",
            gz._UNIT_TRIGGER,
            re.compile(
                r"(?<!\w)(?:[Bb]an\s|[Cc]ơ\s+quan\s|[Ủủ]y\s+ban\s|UBKT|[Vv]ăn\s+phòng\s|VPT|[Bb]áo\s"
                r"|[Đđ]ài\s|[Tt]rường\s|[Đđ]ảng\s+ủy\s|[Đđ]ảng\s+đoàn\s|Huyện\s+ủy\s|Thị\s+ủy\s"
                r"|Quận\s+ủy\s|Thành\s+ủy\s)"
            ),
        )
    )
    return out


def _texts() -> list[str]:
    texts = [normalize(p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    # Words of the patterns in every case, glued to letters, digits and marks.
    rng = random.Random(7)
    pieces = (
        "đề nghị giao Ban giao ban GIAO BAN tiếp nhận Tiếp nhận 12 văn bản hội nghị sẽ "
        "tổ chức xCần cần. ĐỀ NGHỊ Ý kiến TP. Hồ Chí Minh TP.HCM TP Vinh aBan Ban ban UBKT "
        "Văn phòng trước ngày 30/9 … ?! ”. /. đồng ý về chủ trương và giao Thống nhất, giao "
        "kỷ luật 3 đảng viên, xử lý 4 đơn ghi nhận Đánh giá cao"
    ).split()
    for _ in range(300):
        texts.append(
            rng.choice(["", " ", "x"]).join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        )
    return texts


TEXTS = _texts()


@pytest.mark.parametrize("name,fast,plain", _cases(), ids=lambda v: v if isinstance(v, str) else "")
def test_fast_pattern_matches_like_plain(
    name: str, fast: re.Pattern[str], plain: re.Pattern[str]
) -> None:
    for text in TEXTS:
        assert [m.span() for m in fast.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], (name, text[:80])
        assert bool(fast.match(text)) == bool(plain.match(text)), (name, text[:80])
