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
