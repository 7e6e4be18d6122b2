"""The installation's own unit tree, passed to the extractor as data.

The built-in gazetteer knows the canonical Party-bloc units ("Ban Tổ chức Tỉnh ủy",
"Đảng ủy xã Hòa An", …). An installation also has its own names, short names and aliases
("Ban Tổ chức", "BTC Tỉnh ủy", "Đảng ủy Hòa An"). The web app passes them in, with no
Django model here:

    tree = UnitTree([KnownUnit("Ban Tổ chức Tỉnh ủy", short_names=("BTCTU",)),
                     {"name": "Đảng ủy phường Hòa An", "aliases": ["ĐU phường Hòa An"]}])
    record = extract(text, units=tree)

A unit of the tree found in the text is reported under the tree's `name` (so that the
import flow matches it to the real unit), and a unit the gazetteer finds whose canonical
name is a name, short name or alias in the tree is renamed to the tree's `name` as well.
Matching ignores case, tone placement ("Tỉnh uỷ" = "Tỉnh ủy") and runs of spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from giaoban.extraction.errors import ExtractionError
from giaoban.extraction.normalize import normalize

Span = tuple[int, int, str]


@dataclass(frozen=True)
class KnownUnit:
    """One unit of the installation: its name and the other ways texts write it."""

    name: str
    short_names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: KnownUnit | Mapping[str, Any]) -> KnownUnit:
        if isinstance(data, KnownUnit):
            return data
        try:
            name = str(data["name"]).strip()
            short = tuple(str(s) for s in data.get("short_names") or ())
            aliases = tuple(str(a) for a in data.get("aliases") or ())
        except (KeyError, TypeError, AttributeError):
            raise ExtractionError(
                "Đơn vị cần có tên (name) / a unit needs a name: " + repr(data)[:80]
            ) from None
        if not name:
            raise ExtractionError("Tên đơn vị rỗng / empty unit name")
        return cls(name, short, aliases)


def _key(text: str) -> str:
    """A form as the tree stores it: normalized like the texts, case and spaces folded."""
    return _folded(unicodedata.normalize("NFC", normalize(text)))


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


class UnitTree:
    """Names, short names and aliases of the installation's units, found in text."""

    def __init__(self, units: Iterable[KnownUnit | Mapping[str, Any]]) -> None:
        self.units = tuple(KnownUnit.from_data(u) for u in units)
        self._by_key: dict[str, str] = {}
        for unit in self.units:
            for form in (unit.name, *unit.short_names, *unit.aliases):
                if form.strip():
                    self._by_key.setdefault(_key(form), unit.name)
        forms = sorted(self._by_key, key=len, reverse=True)
        alternation = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in forms)
        self._pattern = (
            re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE) if forms else None
        )
        self._cache: dict[str, tuple[Span, ...]] = {}

    def __len__(self) -> int:
        return len(self.units)

    def find(self, text: str) -> tuple[Span, ...]:
        """The tree's units named in `text` (normalized): (start, end, the tree's name)."""
        if self._pattern is None:
            return ()
        found = self._cache.get(text)
        if found is None:
            if len(self._cache) > 4096:
                self._cache.clear()
            found = self._cache[text] = tuple(
                (m.start(), m.end(), self._by_key.get(_folded(m.group(0)), m.group(0)))
                for m in self._pattern.finditer(text)
            )
        return found

    def rename(self, canonical: str) -> str:
        """The tree's name for a canonical unit name it knows, else the name unchanged."""
        return self._by_key.get(_folded(canonical), canonical)

    def merge(self, text: str, found: tuple[Span, ...]) -> tuple[Span, ...]:
        """Gazetteer spans renamed to the tree's names, with the tree's own spans added
        (a tree span wins where the two overlap)."""
        own = self.find(text)
        kept = [
            (a, b, self.rename(name))
            for a, b, name in found
            if not any(a < y and x < b for x, y, _ in own)
        ]
        return tuple(sorted(kept + list(own)))


def unit_tree(
    units: UnitTree | Iterable[KnownUnit | Mapping[str, Any]] | None,
) -> UnitTree | None:
    """The `units=` argument of `extract` as a tree (None: the gazetteer alone)."""
    if units is None or isinstance(units, UnitTree):
        return units
    return UnitTree(units)
