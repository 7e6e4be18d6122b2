"""Any text gives a Record or an ExtractionError, in time linear in its length."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from giaoban.extraction import ExtractionError, extract
from giaoban.extraction.normalize import normalize, split_page

SAMPLES = Path(__file__).parent / "samples"
_DIGITS = re.compile(r"\d+")
# Text built from the pieces the patterns look for, so the fuzzing reaches them.
PIECES = [
    "Sáng",
    "Chiều nay (",
    "28-11",
    "ngày",
    "tháng",
    "năm 2024",
    "quý IV",
    "9 tháng",
    "6 tháng",
    "đầu",
    "cuối",
    "đồng chí",
    "Nguyễn Văn A",
    ",",
    ".",
    ";",
    ":",
    "(1)",
    "(2)",
    "1.",
    "a)",
    "-",
    "Một là,",
    "Hai là,",
    "chủ trì",
    "phối hợp với",
    "đề nghị",
    "yêu cầu",
    "các đơn vị",
    "Ban Tổ chức Tỉnh ủy",
    "Văn phòng",
    "Báo Đồng Nai",
    "Đài PT-TH",
    "kiến nghị",
    "đề xuất",
    "trước ngày",
    "31/12",
    "điểm cầu",
    "trực tuyến",
    "17",
    "Số 90-TB/TU",
    "Nơi nhận:",
    "I.",
    "II.",
    "Phát biểu kết luận",
    "giao ban",
    "\n",
    " ",
    "…",
    "/.",
    "Tỉnh uỷ",
    "  ",
    "tiếp nhận",
    "324",
    "đơn, thư",
    "Thường trực Tỉnh ủy",
    "Bí thư",
    "Hồ Chí Minh",
    "TP.",
]


def _folded(text: str) -> str:
    return " ".join(normalize(text).split()).casefold()


def _check(text: str) -> float:
    """A record whose every part comes from the text, or a one-line error.

    Returns the CPU seconds `extract` took (the checks themselves are not timed; CPU time,
    so that other work on a shared machine does not count).
    """
    started = time.process_time()
    try:
        record = extract(text)
    except ExtractionError as exc:
        elapsed = time.process_time() - started
        message = str(exc)
        assert message and "\n" not in message and " / " in message  # Vietnamese / English
        # Refused only when nothing but page chrome ("Báo Đồng Nai", "Xem thêm") has letters.
        article = split_page(normalize(text)).lines
        assert not any(c.isalpha() for line in article for c in line), "a text was refused"
        return elapsed
    elapsed = time.process_time() - started
    assert json.loads(record.to_json()) == record.to_dict()
    assert set(record.to_dict()) == {
        "source",
        "published",
        "meeting",
        "units",
        "directives",
        "figures",
        "recommendations",
        "document",
    }
    source = _folded(text)
    digits = set(_DIGITS.findall(normalize(text).replace(".", "")))
    meeting = record.meeting
    for d in (record.published, meeting.date, *(x.deadline for x in record.directives)):
        assert d is None or 1900 <= d.year <= 2200
    if meeting.period is not None:
        p = meeting.period
        top = {"quarter": 4, "half": 2, "month": 12}.get(p.type)
        assert (p.number is None) == (top is None)
        assert top is None or p.number is not None and 1 <= p.number <= top
    assert meeting.connection_points is None or (meeting.online and meeting.connection_points > 0)
    for chair in meeting.chairs:
        assert chair.name.casefold() in source and chair.title
    # Directives and recommendations are clauses copied from the text.
    clauses = [d.text for d in record.directives] + [r.text for r in record.recommendations]
    for clause in clauses[:200]:  # a sample: each look-up scans the whole text
        assert len(clause.split()) >= 3
        assert _folded(clause) in source, clause
    for directive in record.directives:
        assert directive.assignees and all(directive.assignees)
    for figure in record.figures:
        assert str(figure.value) in digits and figure.unit and figure.measure
    assert len(set(record.units)) == len(record.units) and all(record.units)
    return elapsed


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_unicode(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=80).map(" ".join))
def test_arbitrary_arrangements_of_known_pieces(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" .,;:-()/\n…0123456789aAđĐủ")), max_size=400))
def test_punctuation_soup(text: str) -> None:
    _check(text)


def test_two_megabytes_in_linear_time() -> None:
    base = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    text = (base * (2_000_000 // len(base) + 1))[:2_000_000]
    started = time.process_time()
    record = extract(text)
    elapsed = time.process_time() - started
    assert elapsed < 20, f"2 MB took {elapsed:.1f} s"
    assert record.directives


def test_pathological_runs_do_not_backtrack() -> None:
    for text in [
        "a" * 200_000,
        ". " * 100_000,
        "đồng chí " * 20_000 + "chủ trì",
        "Tỉnh ủy " * 20_000,
        "(1) " * 50_000,
        "1/1/" * 50_000,
        "Ban " * 50_000 + "x",
        "quý " * 50_000,
        "Sáng " * 50_000,
        "- " * 100_000,
        "Nguyễn " * 50_000,
        "ngày 1 tháng " * 20_000,
        "kiến nghị " * 20_000,
        ("các đơn vị, " * 20_000) + "cần",
        "quý IV năm 2024 " * 30_000,
        "Các đơn vị kiến nghị Thường trực " * 10_000,
        "\n".join(["x y z"] * 100_000),
        "Thứ nhất, a; thứ hai, b; " * 20_000,
        "1. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với " * 5_000,
        "điểm cầu Tỉnh ủy " * 20_000,
    ]:
        assert _check(text) < 10, text[:30]


def test_empty_and_non_text_are_errors() -> None:
    for bad in ["", "   \n\t ", "…… 12:30 ——", "\x00\x01\x02"]:
        try:
            extract(bad)
        except ExtractionError:
            continue
        raise AssertionError(f"{bad!r} gave a record")
    try:
        extract(b"bytes")  # type: ignore[arg-type]
    except ExtractionError:
        pass
    else:
        raise AssertionError("bytes gave a record")


def test_a_request_answered_with_no_content_is_not_a_recommendation() -> None:
    # Found by the arrangements above: "Đề xuất … Một là: Thường trực … đồng ý" gave "Một là".
    for text in ["Đề nghị Một là: Thường trực Tỉnh ủy đồng ý", "Kiến nghị về X: giao Ban A"]:
        _check(text)
        assert all(len(r.text.split()) >= 3 for r in extract(text).recommendations)
