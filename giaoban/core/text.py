"""Text helpers shared by search and forms (pure Python)."""

from __future__ import annotations

import unicodedata

_SPECIAL = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics, collapse spaces.

    "Ban Tuyên giáo Tỉnh ủy" -> "ban tuyen giao tinh uy". Used to fill the
    search columns and to normalise the user's query the same way, so that
    accent-insensitive search is a plain LIKE in SQLite and PostgreSQL.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def clean_identifier(text: str) -> str:
    """An identifier as stored and compared: NFC, without format characters, spaces collapsed.

    Format characters (Unicode category Cf: zero-width space and joiners, direction marks and
    embeddings, the byte-order mark, soft hyphen) are invisible: "1" and "1\\u200b" look the
    same on a page but would be two items to the uniqueness rule. NFC makes a composed "ủ" and
    "u" + combining marks one spelling. Applied to document numbers, item numbers, unit names
    and codes before validation and storage.
    """
    composed = unicodedata.normalize("NFC", text)
    visible = "".join(ch for ch in composed if unicodedata.category(ch) != "Cf")
    return " ".join(visible.split())
