"""Normalization, page chrome, and the legacy TCVN3/VNI decoders (table-driven)."""

from __future__ import annotations

import pytest

from giaoban.extraction import legacy
from giaoban.extraction.normalize import normalize, split_page
from giaoban.extraction.readers import decode

SENTENCE = (
    "Thường trực Tỉnh ủy chủ trì hội nghị giao ban quý IV năm 2024, yêu cầu các đơn "
    "vị khẩn trương thực hiện; đồng chí Đặng Thị Ngọc Thịnh, Nguyễn Quý Khoa, Lê Ứng"
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tỉnh uỷ", "Tỉnh ủy"),
        ("hoà", "hòa"),
        ("thuý", "thúy"),
        ("khoẻ", "khỏe"),
        ("Thuỵ", "Thụy"),
        ("UỶ BAN", "ỦY BAN"),
        ("Hoà Bình", "Hòa Bình"),
        ("xoá", "xóa"),
        # qu+y and gi keep their marks; "oa"/"uy" inside a syllable are not touched.
        ("quý", "quý"),
        ("Quỳ Hợp", "Quỳ Hợp"),
        ("quỹ", "quỹ"),
        ("giữ", "giữ"),
        ("hoàn thành", "hoàn thành"),
        ("khuyến", "khuyến"),
        ("thuở", "thuở"),
        # Decomposed input (NFD) is composed first.
        ("Tỉnh u\u0309y", "Tỉnh ủy"),
        ("Ho\u0300a", "Hòa"),
        # Spaces and dashes.
        ("a\u00a0b\u2009c\u200bd", "a b cd"),
        ("2020 – 2025 — x − y", "2020 - 2025 - x - y"),
        ("  nhiều   khoảng   trắng  ", "nhiều khoảng trắng"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_page_chrome_is_dropped_but_kept_aside() -> None:
    text = "\n".join(
        [
            "Báo Đồng Nai điện tử",
            "En",
            "Tiêu đề bài viết về hội nghị",
            "0:00 / 0:00",
            "0:00",
            "Chiều 28-11, Thường trực Tỉnh ủy chủ trì hội nghị giao ban quý IV năm 2023 với các "
            "ban Đảng của tỉnh và Văn phòng Tỉnh ủy.",
            "Quang cảnh hội nghị.",
            "Quang cảnh hội nghị.",
            "Anh-tin-bai",
            "Đồng chí đề nghị các đơn vị hoàn thành nhiệm vụ.",
            "Xem thêm",
            "Tin xem nhiều",
            "Bài khác không liên quan",
            "© Cổng TTĐT Nghệ An",
            "Thống kê truy cập",
            "Đăng nhập",
        ]
    )
    page = split_page(normalize(text))
    assert page.lines == (
        "Tiêu đề bài viết về hội nghị",
        "Chiều 28-11, Thường trực Tỉnh ủy chủ trì hội nghị giao ban quý IV năm 2023 với các "
        "ban Đảng của tỉnh và Văn phòng Tỉnh ủy.",
        "Đồng chí đề nghị các đơn vị hoàn thành nhiệm vụ.",
    )
    assert "© Cổng TTĐT Nghệ An" in page.chrome and "Báo Đồng Nai điện tử" in page.chrome


def test_crawler_date_line() -> None:
    assert split_page(" date 2025-09-24 Sáng nay").crawler_date == "2025-09-24"
    assert split_page(" date 2024-12 Chiều nay").crawler_date == "2024-12"
    assert split_page("Chiều nay, date 2024").crawler_date is None


ALPHABET = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"


@pytest.mark.parametrize("text", [SENTENCE, ALPHABET, ALPHABET.upper() + " " + SENTENCE.upper()])
def test_vni_round_trip(text: str) -> None:
    assert legacy.decode_vni(legacy.encode_vni(text)) == text


@pytest.mark.parametrize("text", [SENTENCE.lower(), ALPHABET, "ĂÂÊÔƠƯĐ ăâêôơưđ"])
def test_tcvn3_round_trip(text: str) -> None:
    assert legacy.decode_tcvn3(legacy.encode_tcvn3(text)) == text


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        # The published charts, letter by letter.
        (
            "Th\u00adêng trùc TØnh ñy chñ tr× héi nghÞ",  # TCVN3
            "Thường trực Tỉnh ủy chủ trì hội nghị",
        ),
        (
            "Thöôøng tröïc Tænh uûy chuû trì hoäi nghò",  # VNI
            "Thường trực Tỉnh ủy chủ trì hội nghị",
        ),
        ("ÑAÛNG COÄNG SAÛN VIEÄT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),  # VNI upper case
        # A TCVN3 heading in the .VnTimeH font: lower-case codes, ASCII capitals.
        (
            "TH«NG B¸O KÕT LUËN CñA TH¦êNG TRùC TØNH ñY",
            "THÔNG BÁO KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY",
        ),
    ],
)
def test_known_legacy_strings(surface: str, expected: str) -> None:
    assert normalize(surface) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (legacy.encode_tcvn3(SENTENCE.lower()), SENTENCE.lower()),
        (legacy.encode_vni(SENTENCE), SENTENCE),
        ("Thường trực".encode(), "Thường trực"),
        ("Thường trực".encode("utf-16"), "Thường trực"),
    ],
)
def test_bytes_detected(data: bytes, expected: str) -> None:
    assert normalize(decode(data)) == expected


def test_mojibake_pasted_into_unicode_is_repaired_but_real_text_is_not() -> None:
    tcvn3_as_unicode = legacy.encode_tcvn3(SENTENCE.lower()).decode("latin-1")
    assert normalize(tcvn3_as_unicode) == SENTENCE.lower()
    assert normalize(SENTENCE) == SENTENCE
    assert normalize("Café, naïve, © 2024 Báo Đồng Nai") == "Café, naïve, © 2024 Báo Đồng Nai"
