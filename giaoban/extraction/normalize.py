"""Text normalization and removal of web page chrome.

Everything the extractor reads goes through `normalize()` (characters) and
then `split_page()` (lines): the first makes one spelling of each word, the
second separates the article from what the web page wrapped around it while
keeping that wrapping for the few facts it tells (the province in a footer,
the publication date in a header).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from giaoban.extraction import legacy

# Old tone placement ("hoà", "khoẻ", "uỷ") -> new ("hòa", "khỏe", "ủy"), on a
# syllable-final "oa", "oe", "uy"; never after "q" ("quý", "quỳ" keep theirs).
_TONE_TO_PLAIN = {
    "à": ("\u0300", "a"),
    "á": ("\u0301", "a"),
    "ả": ("\u0309", "a"),
    "ã": ("\u0303", "a"),
    "ạ": ("\u0323", "a"),
    "è": ("\u0300", "e"),
    "é": ("\u0301", "e"),
    "ẻ": ("\u0309", "e"),
    "ẽ": ("\u0303", "e"),
    "ẹ": ("\u0323", "e"),
    "ỳ": ("\u0300", "y"),
    "ý": ("\u0301", "y"),
    "ỷ": ("\u0309", "y"),
    "ỹ": ("\u0303", "y"),
    "ỵ": ("\u0323", "y"),
}
# One character class per position (much faster to scan than an alternation); the
# pairing "o" + a/e, "u" + y is checked in `_new_tone`.
_OLD_TONE = re.compile(r"[oOuU][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?!\w)")


def _new_tone(m: re.Match[str]) -> str:
    start = m.start()
    vowel, toned = m.group(0)[0], m.group(0)[1]
    if start and m.string[start - 1] in "qQ" or (vowel in "uU") != (toned in "ỳýỷỹỵỲÝỶỸỴ"):
        return m.group(0)
    mark, plain = _TONE_TO_PLAIN[toned.lower()]
    if toned.isupper():
        plain = plain.upper()
    return unicodedata.normalize("NFC", vowel + mark) + plain


# One table for the single characters: line separators -> "\n", invisible ones
# dropped, odd spaces and control characters -> " ", dashes -> "-".
_CHAR_TABLE: dict[int, str | None] = {
    **{c: "\n" for c in (0x2028, 0x2029, 0x85)},
    **{c: None for c in (0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)},
    **{
        c: " "
        for c in (0x09, 0x0B, 0x0C, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)
    },
    **{
        c: " "
        for c in (*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0))
    },
    **{c: "-" for c in (*range(0x2010, 0x2016), 0x2212, 0xFE58, 0xFE63, 0xFF0D)},
}
_ODD_CHAR = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CHAR_TABLE)) + "]")
_MULTI_SPACE = re.compile(r" {2,}")


def _odd_char(m: re.Match[str]) -> str:
    return _CHAR_TABLE[ord(m.group(0))] or ""


def normalize(text: str) -> str:
    """NFC, legacy encodings repaired, new tone placement, plain spaces and dashes."""
    text = unicodedata.normalize("NFC", text)
    text = legacy.repair(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Odd characters are rare: found by one character-class scan, replaced one by one.
    if _ODD_CHAR.search(text):
        text = _ODD_CHAR.sub(_odd_char, text)
    text = _OLD_TONE.sub(_new_tone, text)
    if "  " in text:
        text = _MULTI_SPACE.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


# --- Page chrome ---------------------------------------------------------
# A line that is only chrome: dropped, but kept aside for what it tells.
_CHROME_LINE = re.compile(
    r"(?i)^(?:"
    r"\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?"  # player timer "0:00 / 0:00"
    r"|xem thêm|đọc thêm|tin xem nhiều|tin liên quan|tin cùng chuyên mục|tin khác"
    r"|tin mới(?: nhất)?|bài viết liên quan|bài liên quan|có thể bạn quan tâm"
    r"|chia sẻ|share|bình luận|in bài(?: viết)?|gửi bài(?: viết)?|lưu bài|quay lại"
    r"|anh-tin-bai|image advertisement|advertisement|quảng cáo|đăng nhập|đăng ký|đăng xuất"
    r"|thống kê truy cập|thăm dò ý kiến|bình chọn(?: xem kết quả)?|xem kết quả"
    r"|bản đồ hành chính|liên hệ|trang chủ|en|english|vi|tiếng việt|menu|tìm kiếm"
    r"|(?:lượt xem|đang online|hôm nay|trong tuần|trong tháng|tất cả|lượt truy cập)\s*:?\s*[\d.,]*"
    r"|(?:tags?|từ khóa|chuyên mục|nguồn|điện thoại|email|e-mail|fax|địa chỉ|hotline)\s*:.*"
    r"|(?:giấy phép|cơ quan chủ quản|trưởng ban biên tập|tổng biên tập|cơ quan thường trực"
    r"|cơ quan quản trị|chịu trách nhiệm|bản quyền|ghi rõ nguồn).*"
    r"|©.*|\(c\)\s.*|copyright.*|(?:https?://|www\.|fb\.com/|facebook\.com/)\S*"
    r"|[•·*|>»\-]+"
    r")$"
)
# Once one of these appears after the article, the rest of the page is chrome.
_END_OF_ARTICLE = re.compile(
    r"(?i)^(?:tin xem nhiều|tin liên quan|tin cùng chuyên mục|bài viết liên quan"
    r"|bài liên quan|thống kê truy cập|bản đồ hành chính|thăm dò ý kiến|có thể bạn quan tâm"
    r"|tin khác|©.*|copyright.*|cơ quan chủ quản.*)$"
)
# A masthead: "Báo Đồng Nai điện tử", "Cổng Thông tin điện tử tỉnh Nghệ An".
_MASTHEAD = re.compile(
    r"(?i)^(?:báo|tạp chí|cổng thông tin điện tử|cổng ttđt|trang thông tin điện tử|đài)"
    r"\b.{0,60}?(?:điện tử|online|\.vn|\.com\.vn)?$"
)
_CRAWLER_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*")
_PROSE_WORDS = 20
_ITEM_START = re.compile(r"^(?:[a-zđ][.)]\s|[ivx]{1,4}[.)]\s)")
_SENTENCE_MARKS = (".", "!", "?", "…", ":", ";", '"', "”", ")")


@dataclass(frozen=True)
class Page:
    """The article's lines, the chrome around it, and a crawler date if any."""

    lines: tuple[str, ...]
    chrome: tuple[str, ...]
    crawler_date: str | None


def _is_prose(line: str) -> bool:
    return len(line.split()) >= _PROSE_WORDS or line.endswith((".", "…", ":", ";"))


def split_page(text: str) -> Page:
    """Separate article lines from page chrome (text must be normalized)."""
    crawler: str | None = None
    m = _CRAWLER_DATE.match(text)
    if m:
        crawler = m.group(1)
        text = text[m.end() :]
    raw = [line for line in text.split("\n") if line]
    keep: list[str] = []
    chrome: list[str] = []
    seen_prose = False
    for i, line in enumerate(raw):
        if seen_prose and _END_OF_ARTICLE.match(line):
            chrome.extend(raw[i:])
            break
        if _CHROME_LINE.match(line) or (
            not seen_prose and len(line) < 80 and _MASTHEAD.match(line) and not line.endswith(".")
        ):
            chrome.append(line)
            continue
        if _is_prose(line):
            seen_prose = True
        keep.append(line)
    # A photo caption is printed twice in a row: drop both copies.
    lines: list[str] = []
    i = 0
    while i < len(keep):
        line = keep[i]
        if i + 1 < len(keep) and keep[i + 1] == line and len(line.split()) < 40:
            chrome.append(line)
            i += 2
            while i < len(keep) and keep[i] == line:
                i += 1
            continue
        lines.append(line)
        i += 1
    return Page(tuple(_join_soft_breaks(lines)), tuple(chrome), crawler)


def _join_soft_breaks(lines: list[str]) -> list[str]:
    """Hard-wrapped text back into paragraphs.

    A line that does not end a sentence is continued by the next line when that
    one starts in lower case, or when the line ends with a comma.
    """
    out: list[str] = []
    for line in lines:
        if out:
            prev = out[-1]
            soft = (
                not prev.endswith(_SENTENCE_MARKS)
                and (line[:1].islower() or prev.endswith(",") and line[:1].isalpha())
                and not _ITEM_START.match(line)
            )
            if soft:
                out[-1] = f"{prev} {line}"
                continue
        out.append(line)
    return out
