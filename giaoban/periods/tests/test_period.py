"""Table-driven tests of Period: days, labels, codes, parsing, neighbours."""

from __future__ import annotations

import pickle
import unicodedata
from datetime import date

import pytest
import time_machine

from giaoban.periods import Period, PeriodType, find_all

M, Q, H, N, Y = (
    PeriodType.MONTH,
    PeriodType.QUARTER,
    PeriodType.HALF,
    PeriodType.NINE_MONTHS,
    PeriodType.YEAR,
)

# period, first day, last day, Vietnamese label, English label, code
TABLE = [
    (Period(2024, M, 4), date(2024, 4, 1), date(2024, 4, 30), "Tháng 4/2024", "April 2024", "2024-M04"),
    (Period(2024, M, 2), date(2024, 2, 1), date(2024, 2, 29), "Tháng 2/2024", "February 2024", "2024-M02"),
    (Period(2023, M, 2), date(2023, 2, 1), date(2023, 2, 28), "Tháng 2/2023", "February 2023", "2023-M02"),
    (Period(2024, M, 12), date(2024, 12, 1), date(2024, 12, 31), "Tháng 12/2024", "December 2024", "2024-M12"),
    (Period(2023, Q, 1), date(2023, 1, 1), date(2023, 3, 31), "Quý I/2023", "Q1 2023", "2023-Q1"),
    (Period(2023, Q, 2), date(2023, 4, 1), date(2023, 6, 30), "Quý II/2023", "Q2 2023", "2023-Q2"),
    (Period(2023, Q, 3), date(2023, 7, 1), date(2023, 9, 30), "Quý III/2023", "Q3 2023", "2023-Q3"),
    (Period(2023, Q, 4), date(2023, 10, 1), date(2023, 12, 31), "Quý IV/2023", "Q4 2023", "2023-Q4"),
    (Period(2024, H, 1), date(2024, 1, 1), date(2024, 6, 30), "6 tháng đầu năm 2024", "First half of 2024", "2024-H1"),
    (Period(2024, H, 2), date(2024, 7, 1), date(2024, 12, 31), "6 tháng cuối năm 2024", "Second half of 2024", "2024-H2"),
    (Period(2023, N), date(2023, 1, 1), date(2023, 9, 30), "9 tháng năm 2023", "Nine months of 2023", "2023-9M"),
    (Period(2023, Y), date(2023, 1, 1), date(2023, 12, 31), "Năm 2023", "2023", "2023-Y"),
]  # fmt: skip


@pytest.mark.parametrize(("period", "first", "last", "label", "label_en", "code"), TABLE)
def test_table(
    period: Period, first: date, last: date, label: str, label_en: str, code: str
) -> None:
    assert period.first_day == first
    assert period.last_day == last
    assert period.label == label
    assert unicodedata.is_normalized("NFC", period.label)
    assert str(period) == label
    assert period.label_en == label_en
    assert period.code == code
    assert Period.from_code(code) == period
    assert Period.from_code(code.lower()) == period
    assert Period.parse(label) == period
    assert period.contains(first) and period.contains(last)
    assert first in period
    assert date.fromordinal(first.toordinal() - 1) not in period
    assert date.fromordinal(last.toordinal() + 1) not in period


# text as met in documents -> code (year from default_year 2025 where missing)
PARSE = [
    ("quý IV/2023", "2023-Q4"),
    ("Quý IV-2023", "2023-Q4"),
    ("Quý IV - 2023", "2023-Q4"),
    ("Quý IV – 2023", "2023-Q4"),
    ("quý 2/2024", "2024-Q2"),
    ("quý 02/2024", "2024-Q2"),
    ("quý IV năm 2024", "2024-Q4"),
    ("Quý I năm 2025", "2025-Q1"),
    ("QUÝ III/2024", "2024-Q3"),
    ("quý III", "2025-Q3"),
    ("quý ii", "2025-Q2"),
    ("Qúy IV/2023", "2023-Q4"),  # old tone placement
    ("quy IV/2023", "2023-Q4"),  # typed without accents
    (unicodedata.normalize("NFD", "Quý IV/2023"), "2023-Q4"),
    ("6 tháng đầu năm 2024", "2024-H1"),
    ("6 tháng cuối năm 2014", "2014-H2"),
    ("06 tháng cuối năm 2014", "2014-H2"),
    ("sáu tháng đầu năm", "2025-H1"),
    ("Sáu tháng cuối năm 2023", "2023-H2"),
    ("6 tháng năm 2024", "2024-H1"),  # "sơ kết 6 tháng năm 2024": the first half
    ("6 THÁNG ĐẦU NĂM 2024", "2024-H1"),
    ("9 tháng năm 2023", "2023-9M"),
    ("9 tháng đầu năm 2023", "2023-9M"),
    ("chín tháng năm 2023", "2023-9M"),
    ("9 tháng năm", "2025-9M"),
    ("03 tháng cuối năm 2023", "2023-Q4"),
    ("3 tháng đầu năm", "2025-Q1"),
    ("ba tháng đầu năm 2024", "2024-Q1"),
    ("năm 2023", "2023-Y"),
    ("Năm 2023", "2023-Y"),
    ("cả năm 2023", "2023-Y"),
    ("12 tháng năm 2023", "2023-Y"),
    ("tháng 4/2024", "2024-M04"),
    ("tháng 04 năm 2024", "2024-M04"),
    ("Tháng 12-2023", "2023-M12"),
    ("tháng 4", "2025-M04"),
    ("  quý IV/2023.  ", "2023-Q4"),
    ("quý\u00a0IV/2023", "2023-Q4"),
    (unicodedata.normalize("NFD", "6 tháng đầu năm 2024"), "2024-H1"),
]


@pytest.mark.parametrize(("text", "code"), PARSE)
def test_parse(text: str, code: str) -> None:
    assert Period.parse(text, default_year=2025) == Period.from_code(code)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "quý",
        "quý V/2023",
        "quý 5/2024",
        "quý 0/2024",
        "quý IIII/2024",
        "quý IV/23",
        "quý IV/1899",
        "quý IV/3000",
        "tháng 13/2024",
        "tháng 0/2024",
        "tháng 4/2024 và quý II/2024",
        "2023",
        "năm",
        "năm 23",
        "4 tháng đầu năm 2024",
        "6 tháng giữa năm 2024",
        "quý IV năm",
        "Quý IV/2023 abc",
        "ngày 15 tháng 4 năm 2024",
        "Q4 2023",
    ],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        Period.parse(text, default_year=2025)


@pytest.mark.parametrize("text", ["quý III", "tháng 4", "6 tháng đầu năm", "9 tháng năm"])
def test_parse_without_year_needs_default_year(text: str) -> None:
    with pytest.raises(ValueError, match="no default year"):
        Period.parse(text)


def test_parse_rejects_non_text() -> None:
    with pytest.raises(ValueError):
        Period.parse(2023)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "code", ["", "2023", "2023-Q5", "2023-Q0", "2023-M4", "2023-M13", "2023-H3", "2023-9", "23-Q1",
             "2023-Y1", "2023-9M1", "2023 Q1", "1899-Y"]
)  # fmt: skip
def test_from_code_rejects(code: str) -> None:
    with pytest.raises(ValueError):
        Period.from_code(code)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((2023, "week", 1), "unknown period type"),
        ((2023, M, 13), "number 1..12"),
        ((2023, M, 0), "number 1..12"),
        ((2023, M, None), "number 1..12"),
        ((2023, Q, 5), "number 1..4"),
        ((2023, H, 3), "number 1..2"),
        ((2023, Q, True), "number 1..4"),
        ((2023, N, 1), "has no number"),
        ((2023, Y, 2023), "has no number"),
        ((1899, Y, None), "outside"),
        ((3000, Y, None), "outside"),
        (("2023", Y, None), "must be an int"),
        ((2023.0, Y, None), "must be an int"),
    ],
)
def test_validation(args: tuple[object, object, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Period(*args)  # type: ignore[arg-type]


def test_type_given_as_string_is_stored_as_enum() -> None:
    p = Period(2023, "quarter", 4)  # type: ignore[arg-type]
    assert p.type is PeriodType.QUARTER
    assert p == Period.of_quarter(2023, 4)
    assert hash(p) == hash(Period.of_quarter(2023, 4))
    assert {p, Period.of_quarter(2023, 4)} == {p}


def test_frozen() -> None:
    p = Period.of_year(2023)
    with pytest.raises(AttributeError):
        p.year = 2024  # type: ignore[misc]


def test_pickle_and_repr() -> None:
    p = Period.of_half(2024, 2)
    assert pickle.loads(pickle.dumps(p)) == p
    assert repr(p) == "Period.from_code('2024-H2')"
    assert eval(repr(p)) == p


@pytest.mark.parametrize(
    ("code", "previous", "next_", "previous_equal"),
    [
        ("2024-M01", "2023-M12", "2024-M02", "2023-M01"),
        ("2024-M12", "2024-M11", "2025-M01", "2023-M12"),
        ("2024-Q1", "2023-Q4", "2024-Q2", "2023-Q1"),
        ("2023-Q4", "2023-Q3", "2024-Q1", "2022-Q4"),
        ("2024-H1", "2023-H2", "2024-H2", "2023-H1"),
        ("2024-H2", "2024-H1", "2025-H1", "2023-H2"),
        ("2023-9M", "2022-9M", "2024-9M", "2022-9M"),
        ("2023-Y", "2022-Y", "2024-Y", "2022-Y"),
    ],
)
def test_neighbours(code: str, previous: str, next_: str, previous_equal: str) -> None:
    p = Period.from_code(code)
    assert p.previous() == Period.from_code(previous)
    assert p.next() == Period.from_code(next_)
    assert p.previous_equal() == Period.from_code(previous_equal)


@pytest.mark.parametrize(
    ("day", "type_", "code"),
    [
        (date(2024, 4, 30), M, "2024-M04"),
        (date(2024, 3, 31), Q, "2024-Q1"),
        (date(2024, 4, 1), Q, "2024-Q2"),
        (date(2024, 12, 31), Q, "2024-Q4"),
        (date(2024, 6, 30), H, "2024-H1"),
        (date(2024, 7, 1), H, "2024-H2"),
        (date(2024, 9, 30), N, "2024-9M"),
        (date(2024, 1, 1), Y, "2024-Y"),
        (date(2024, 5, 5), "quarter", "2024-Q2"),
    ],
)
def test_for_date(day: date, type_: PeriodType, code: str) -> None:
    assert Period.for_date(day, type_) == Period.from_code(code)


def test_for_date_after_nine_months() -> None:
    with pytest.raises(ValueError, match="first nine months"):
        Period.for_date(date(2024, 10, 1), N)


@time_machine.travel(date(2024, 5, 20), tick=False)
def test_current_uses_today() -> None:
    assert Period.current(Q) == Period.of_quarter(2024, 2)
    assert Period.current(M) == Period.of_month(2024, 5)
    assert Period.current(Y).previous_equal() == Period.of_year(2023)
    assert Period.current(Q, today=date(2023, 12, 31)) == Period.of_quarter(2023, 4)


@time_machine.travel(date(2025, 1, 1), tick=False)
def test_current_on_new_year() -> None:
    assert Period.current(H) == Period.of_half(2025, 1)
    assert Period.current(Q).previous() == Period.of_quarter(2024, 4)


def test_sort_same_start_shorter_first() -> None:
    year = [Period.of_year(2024), Period.of_nine_months(2024), Period.of_half(2024, 1),
            Period.of_quarter(2024, 1), Period.of_month(2024, 1)]  # fmt: skip
    assert sorted(year) == year[::-1]
    assert Period.of_year(2023) < Period.of_month(2024, 1) <= Period.of_month(2024, 1)
    assert Period.of_quarter(2024, 4) > Period.of_half(2024, 2) >= Period.of_half(2024, 2)
    assert Period.of_year(2024) > Period.of_quarter(2024, 1)
    with pytest.raises(TypeError):
        _ = Period.of_year(2024) < date(2024, 1, 1)


# -- find_all -------------------------------------------------------------------------


def test_find_all_in_a_sentence() -> None:
    text = (
        "Báo cáo kết quả công tác quý III/2024, so với cùng kỳ 9 tháng đầu năm 2023; "
        "ngày 15 tháng 4 năm 2024 Thường trực họp; phương hướng quý IV và tháng 12."
    )
    found = find_all(text, default_year=2024)
    assert [(text[a:b], p.code) for (a, b), p in found] == [
        ("quý III/2024", "2024-Q3"),
        ("9 tháng đầu năm 2023", "2023-9M"),
        ("quý IV", "2024-Q4"),
        ("tháng 12", "2024-M12"),
    ]


def test_find_all_without_default_year_skips_yearless_labels() -> None:
    text = "Sơ kết 6 tháng đầu năm 2024 và nhiệm vụ quý III"
    assert [p.code for _, p in find_all(text)] == ["2024-H1"]


def test_find_all_spans_in_nfd_text() -> None:
    text = unicodedata.normalize("NFD", "Kết quả quý IV năm 2023 và Năm 2024")
    found = find_all(text)
    assert [unicodedata.normalize("NFC", text[a:b]) for (a, b), _ in found] == [
        "quý IV năm 2023",
        "Năm 2024",
    ]


def test_find_all_not_inside_words() -> None:
    assert find_all("quý IV/20234 và xquý I/2024 và quý I/2024x") == []
    assert find_all("") == []


def test_docstring_examples() -> None:
    import doctest

    from giaoban.periods import period, workdays

    for module in (period, workdays):
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__


def test_parse_rejects_other_digits() -> None:
    with pytest.raises(ValueError):
        Period.parse("quý IV/２０２３")
    with pytest.raises(ValueError):
        Period.from_code("２０２３-Q4")
