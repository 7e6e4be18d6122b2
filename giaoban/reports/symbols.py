"""The Party symbol of a unit in its document numbers: "335-BC/ĐU", "12-BC/VPTU", "7-BC/BTGDVTU".

As Party offices write it (Hướng dẫn 36-HD/VPTW, 2018: the symbol of the issuing body is the
initials of its name): a Party committee of a commune, ward or bloc signs "ĐU"; a board or the
office of a provincial committee takes the initials of its own name followed by the committee's
("Ban Tổ chức Tỉnh ủy" → BTCTU, "Văn phòng Thành ủy" → VPTU, "Ủy ban Kiểm tra Tỉnh ủy" → UBKTTU);
a body named after the province drops the place ("Trường Chính trị tỉnh Đồng Nai" → TCT). Initials
lose their accents except Đ, as in the symbols themselves.
"""

from __future__ import annotations

import re
import unicodedata

#: the committee words at the end of a body's name, and their symbol
COMMITTEES = {
    "tỉnh ủy": "TU",
    "thành ủy": "TU",
    "huyện ủy": "HU",
    "quận ủy": "QU",
    "đảng ủy": "ĐU",
    "trung ương": "TW",
}
#: words that have no initial in a symbol
SKIPPED = {"và", "các", "của"}


def _initial(word: str) -> str:
    first = word[0]
    if first in "Đđ":
        return "Đ"
    return unicodedata.normalize("NFD", first)[0].upper()


def _place(committee_name: str) -> str:
    """'Tỉnh ủy Đồng Nai' -> 'Đồng Nai' (the place a committee is named after)."""
    low = committee_name.strip()
    for word in COMMITTEES:
        if low.lower().startswith(word + " "):
            return low[len(word) + 1 :].strip()
    return ""


def unit_symbol(name: str, committee_name: str = "") -> str:
    """The symbol of the body ``name`` (under the committee ``committee_name``, if any)."""
    text = " ".join(name.split())
    low = text.lower()
    if low.startswith("đảng ủy"):
        return "ĐU"
    for word, symbol in COMMITTEES.items():
        if low.startswith(word + " ") or low == word:
            return symbol  # the committee itself: "Tỉnh ủy Đồng Nai" signs TU
    place = _place(committee_name)
    if place:
        text = re.sub(rf"(\s+(tỉnh|thành phố))?\s+{re.escape(place)}$", "", text, flags=re.I)
    suffix = ""
    for word, symbol in COMMITTEES.items():
        if text.lower().endswith(" " + word):
            text, suffix = text[: -len(word) - 1], symbol
            break
    words = [w for w in re.split(r"[\s,;&\-–]+", text) if w and w.lower() not in SKIPPED]
    return "".join(_initial(w) for w in words) + suffix


def report_number(number: int, name: str, committee_name: str = "") -> str:
    """'335-BC/ĐU': the number of a unit's report (BC) as its office writes it."""
    return f"{number}-BC/{unit_symbol(name, committee_name)}"
