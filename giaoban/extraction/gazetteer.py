"""Gazetteers: provinces, Party-bloc units, titles of office (group phrases: `groups`).

Everything here is data or a regex built from data, compiled at import.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Final

from giaoban.extraction.groups import UPPER

_DATA = json.loads(
    resources.files("giaoban.extraction")
    .joinpath("data/provinces.json")
    .read_text(encoding="utf-8")
)

CURRENT_PROVINCES: Final[tuple[str, ...]] = tuple(_DATA["current"])
FORMER_PROVINCES: Final[tuple[str, ...]] = tuple(_DATA["former"])
PROVINCES: Final[frozenset[str]] = frozenset(CURRENT_PROVINCES) | frozenset(FORMER_PROVINCES)
CITIES: Final[frozenset[str]] = frozenset(_DATA["cities"])
_ALIASES: dict[str, str] = {p: p for p in PROVINCES} | dict(_DATA["aliases"])
_BY_UPPER: dict[str, str] = {k.upper(): v for k, v in _ALIASES.items()}


def _alternation(names: list[str]) -> str:
    parts = []
    for name in sorted(names, key=len, reverse=True):
        parts.append(
            r"\s*-\s*".join(
                r"\s+".join(re.escape(w) for w in side.split()) for side in name.split(" - ")
            )
        )
    return "|".join(parts)


_NAMES = list(_ALIASES)
# Province names as written in running text (title case) or in an upper-case
# document header ("ĐẢNG BỘ TỈNH ĐỒNG NAI").
PROVINCE_PATTERN: Final[str] = (
    r"(?:" + _alternation(_NAMES) + "|" + _alternation([n.upper() for n in _NAMES]) + r")"
)
PROVINCE_RE: Final = re.compile(rf"(?<!\w)(?:{PROVINCE_PATTERN})(?!\w)")


_CAP_WORD = rf"[{UPPER}][^\W_]*"
# `(?<!\w)(?:TP\.\s?|TP\s)?WORD(?:(?:\s+|\s*-\s*)WORD){0,5}(?!\w)`, with the first
# capital letter first so that the engine skips to it (see patterns.word_alternation).
_CAP_RUN: Final = re.compile(
    rf"[{UPPER}](?<!\w.)(?:(?<=T)P(?:\.\s?|\s)[{UPPER}][^\W_]*|[^\W_]*)"
    rf"(?:(?:\s+|\s*-\s*){_CAP_WORD}){{0,5}}(?!\w)"
)
_TOKEN = re.compile(r"TP\.\s?\w+|[^\s-]+|-")
_FOLDED: dict[str, str] = {" ".join(_TOKEN.findall(k)).casefold(): v for k, v in _ALIASES.items()}
_FIRST_WORDS = frozenset(_TOKEN.findall(k)[0].casefold() for k in _ALIASES)
_MAX_TOKENS = max(len(_TOKEN.findall(k)) for k in _ALIASES)


def find_provinces(text: str) -> list[tuple[int, int, str]]:
    """Province names in `text` (title case or upper case): (start, end, canonical).

    Looks up runs of capitalized words in a dictionary instead of trying a
    100-name alternation at every position.
    """
    out: list[tuple[int, int, str]] = []
    folded_get = _FOLDED.get
    for run in _CAP_RUN.finditer(text):
        s = run.group(0)
        # Most runs are one word ("Sáng", "Ban"), or hold no first word of a name:
        # settled by a dictionary look-up without tokenizing.
        if " " not in s and "-" not in s:
            name = folded_get(s.casefold())
            if name:
                out.append((run.start(), run.end(), name))
            continue
        if "TP" not in s and _FIRST_WORDS.isdisjoint(s.casefold().replace("-", " - ").split()):
            continue
        words = list(_TOKEN.finditer(s))
        folded = [w.group(0).casefold() for w in words]
        i = 0
        while i < len(words):
            if folded[i] not in _FIRST_WORDS:
                i += 1
                continue
            for j in range(min(len(words), i + _MAX_TOKENS), i, -1):
                key = " ".join(folded[i:j])
                if key in _FOLDED:
                    out.append(
                        (
                            run.start() + words[i].start(),
                            run.start() + words[j - 1].end(),
                            _FOLDED[key],
                        )
                    )
                    i = j
                    break
            else:
                i += 1
    return out


_DASH = re.compile(r"\s*-\s*")


def canonical_province(name: str) -> str | None:
    """'Thanh Hóa', 'THANH HÓA', 'TP.HCM' -> canonical name, else None."""
    key = " ".join(_DASH.sub(" - ", name.strip()).split())
    if key in _ALIASES:
        return _ALIASES[key]
    return _BY_UPPER.get(key.upper()) or _BY_UPPER.get(name.strip().upper())


def committee_of(province: str) -> str:
    """The Party committee word of a province: 'Thành ủy' for central cities."""
    return "Thành ủy" if province in CITIES else "Tỉnh ủy"


# --- Party-bloc units ----------------------------------------------------
_BOARDS: dict[str, str] = {
    "tuyên giáo và dân vận": "Ban Tuyên giáo và Dân vận",
    "tuyên giáo & dân vận": "Ban Tuyên giáo và Dân vận",
    "tổ chức": "Ban Tổ chức",
    "tuyên giáo": "Ban Tuyên giáo",
    "dân vận": "Ban Dân vận",
    "nội chính": "Ban Nội chính",
    "kinh tế": "Ban Kinh tế",
    "tc": "Ban Tổ chức",
    "tg": "Ban Tuyên giáo",
    "dv": "Ban Dân vận",
    "nc": "Ban Nội chính",
    "tgdv": "Ban Tuyên giáo và Dân vận",
    "xây dựng đảng": "Ban Xây dựng Đảng",
}
_NAME_WORD = rf"[{UPPER}][^\W\d_]*"
# Words that end a place name: a person's surname or title after it ("Huyện ủy Yên Thế
# Nguyễn Văn A" is a title and a name).
_STOP_WORD = (
    r"(?!(?:Nguyễn|Trần|Lê|Phạm|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Ngô|Dương|Huỳnh|Bí|Phó|Chủ|Trưởng"
    r"|Ủy|Thường|Ban|Văn|Đảng|Huyện|Tỉnh|Thành|Thị|Quận|Sáng|Chiều|Ngày|Đồng|Trong|Tại)(?!\w))"
)
# A commune, ward or district name: "Hòa An", "Tân Phú Đông", "7".
_LOCAL_NAME = rf"(?:{_NAME_WORD}(?:\s+{_STOP_WORD}{_NAME_WORD}){{0,2}}|\d{{1,2}})(?![\w/])"
_KHOI_KIND = (
    r"(?i:(?:các\s+)?cơ\s+quan\s*(?:và|-|,)\s*(?:các\s+)?doanh\s+nghiệp|(?:các\s+)?cơ\s+quan"
    r"|(?:các\s+)?doanh\s+nghiệp|dân\s+chính\s+đảng)"
)
# The committees a board, office or control commission belongs to below the province.
_LOCAL_COMMITTEE = (
    rf"(?:(?i:đảng\s+ủy\s+khối)(?:\s+{_KHOI_KIND})?(?:\s+(?i:tỉnh|thành\s+phố))?"
    rf"|(?i:đảng\s+ủy\s+(?:các\s+cơ\s+quan\s+đảng|ủy\s+ban\s+nhân\s+dân|ubnd)\s+(?:tỉnh|thành\s+phố))"
    rf"|(?i:đảng\s+ủy\s+(?:xã|phường|thị\s+trấn|đặc\s+khu))(?:\s+{_LOCAL_NAME})?"
    rf"|(?i:đảng\s+ủy)(?=\s+(?:xã|phường|thị\s+trấn)?\s*(?:[,.;:]|$))"
    rf"|(?i:đảng\s+ủy)(?!\s+(?i:xã|phường|thị|đặc|khối|các|ủy|ubnd|hđnd|viên)(?!\w))(?!\s+[{UPPER}\d]))"
)
_COMMITTEE = (
    rf"(?:Tỉnh\s+ủy|Thành\s+ủy|Huyện\s+ủy|Thị\s+ủy|Quận\s+ủy|Trung\s+ương|TU|TW|{_LOCAL_COMMITTEE})"
)
_PLACE = r"(?:\s+[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){0,2})"
_P = PROVINCE_PATTERN

UNIT_RE: Final = re.compile(
    rf"""(?<!\w)(?:
      (?P<board>(?i:Ban)\s+(?P<bname>(?i:tuyên\s+giáo\s+(?:và|&)\s+dân\s+vận|tổ\s+chức
            |tuyên\s+giáo|dân\s+vận|nội\s+chính|xây\s+dựng\s+đảng)))
        (?:\s+(?P<bcom>{_COMMITTEE})(?P<bplace>{_PLACE})?)?
    | (?P<babbr>Ban\s+(?P<bab>TC|TG|DV|NC|TGDV)(?:TU|\s+Tỉnh\s+ủy|\s+TU)
        |Ban\s+(?P<bab2>TG&DV|TG\s*&\s*DV)\s+(?:Tỉnh\s+ủy|TU))
    | (?P<ubkt>(?i:(?:cơ\s+quan\s+)?ủy\s+ban\s+kiểm\s+tra)|UBKT)
        (?:\s*(?P<kcom>{_COMMITTEE})(?P<kplace>{_PLACE})?)?
    | (?P<ubktabbr>UBKTTU|UBKT\s+TU)
    | (?P<vp>(?i:văn\s+phòng))\s+(?P<vcom>Tỉnh\s+ủy|Thành\s+ủy|Huyện\s+ủy|Thị\s+ủy|Quận\s+ủy
        |{_LOCAL_COMMITTEE})(?P<vplace>{_PLACE})?
    | (?P<vpabbr>VPTU|VPTW)
    | (?P<baodai>(?i:báo\s+và\s+phát\s+thanh\s*(?:,|-|và)\s*truyền\s+hình))\s+(?:tỉnh\s+)?(?P<bdp>{_P})
    | (?P<bao>Báo)\s+(?:(?i:điện\s+tử)\s+)?(?P<baop>{_P})
    | (?P<dai>(?i:đài\s+(?:phát\s+thanh\s*(?:-|và|,)\s*truyền\s+hình|pt\s*(?:-|&|và)\s*th|ptth)))
        (?:\s+(?i:tỉnh|thành\s+phố))?(?:\s+(?P<daip>{_P}))?
    | (?P<school>(?i:trường\s+chính\s+trị))(?:\s+(?P<slevel>(?i:tỉnh|thành\s+phố)))?
        (?:\s+(?P<sp>{_P})|\s+(?P<sname>[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*){{1,3}}))?
    | (?P<khoi>(?i:đảng\s+ủy\s+khối)\s+(?P<kname>(?i:(?:các\s+)?cơ\s+quan\s*(?:và|-|,)\s*(?:các\s+)?doanh\s+nghiệp
            |(?:các\s+)?cơ\s+quan|(?:các\s+)?doanh\s+nghiệp|dân\s+chính\s+đảng)|CCQ|CQ\s*&\s*DN|CQ|DN))
        (?:\s+(?P<klevel>(?i:tỉnh|thành\s+phố)))?
    | (?P<bare_khoi>Đảng\s+ủy\s+Khối)
    | (?P<named>(?:Huyện|Thị|Quận|Thành)\s+ủy)\s+{_STOP_WORD}(?P<nname>{_LOCAL_NAME})
    | (?P<commune>(?i:đảng\s+ủy\s+(?:xã|phường|thị\s+trấn|đặc\s+khu)))\s+(?P<cname>{_LOCAL_NAME})
    | (?P<gov>(?i:đảng\s+ủy\s+(?:ủy\s+ban\s+nhân\s+dân|ubnd|hội\s+đồng\s+nhân\s+dân|hđnd)
            |ban\s+cán\s+sự\s+đảng\s+(?:ủy\s+ban\s+nhân\s+dân|ubnd)))\s+(?P<glevel>(?i:tỉnh|thành\s+phố))
    | (?P<doan>(?i:đảng\s+đoàn)\s+(?:HĐND|Hội\s+đồng\s+nhân\s+dân|MTTQ|Ủy\s+ban\s+MTTQ(?:\s+Việt\s+Nam)?
            |Ủy\s+ban\s+Mặt\s+trận\s+Tổ\s+quốc(?:\s+Việt\s+Nam)?)(?:\s+(?i:tỉnh|thành\s+phố))?)
    | (?P<dcq>(?i:đảng\s+ủy\s+các\s+cơ\s+quan\s+đảng)(?:\s+(?P<dlevel>(?i:tỉnh|thành\s+phố)))?)
    | (?P<bvsk>(?i:ban\s+bảo\s+vệ,?\s+chăm\s+sóc\s+sức\s+khỏe\s+cán\s+bộ)(?:\s+(?i:tỉnh|thành\s+phố))?)
    )(?!\w)""",
    re.VERBOSE,
)
# `(?<!\w)(?:[Bb]an\s|[Cc]ơ\s+quan\s|...)`: each alternative starts with a literal, so
# the engine skips ahead to the letters that may start a unit's name.
_UNIT_TRIGGER: Final = re.compile(
    "|".join(
        f"{alt[0]}(?<!\\w.){alt[1:]}"
        for alt in (
            r"Ban\s",
            r"ban\s",
            r"Cơ\s+quan\s",
            r"cơ\s+quan\s",
            r"Ủy\s+ban\s",
            r"ủy\s+ban\s",
            r"UBKT",
            r"Văn\s+phòng\s",
            r"văn\s+phòng\s",
            r"VPT",
            r"Báo\s",
            r"báo\s",
            r"Đài\s",
            r"đài\s",
            r"Trường\s",
            r"trường\s",
            r"Đảng\s+ủy\s",
            r"đảng\s+ủy\s",
            r"Đảng\s+đoàn\s",
            r"đảng\s+đoàn\s",
            r"Huyện\s+ủy\s",
            r"Thị\s+ủy\s",
            r"Quận\s+ủy\s",
            r"Thành\s+ủy\s",
        )
    )
)
# A bare board name followed by these is an event committee, not the Party board.
_NOT_A_BOARD_AFTER = re.compile(
    r"\s+(?:[A-ZĐ]|hội\s+nghị|hội\s+thi|cuộc\s+thi|giải|lễ|chương\s+trình|đại\s+hội|sự\s+kiện"
    r"|cấp\s+ủy|các\s+cấp|cấp\s+(?:tỉnh|huyện|xã|cơ\s+sở)|huyện\s+ủy|cơ\s+sở)(?!\w)"
)


def _committee_word(raw: str | None, default: str) -> str | None:
    if not raw:
        return default
    raw = " ".join(raw.split())
    if raw in ("Trung ương", "TW"):
        return None
    low = raw.lower()
    if low.startswith("đảng ủy khối"):
        return _bloc_name(raw[len("đảng ủy khối") :])
    if low.startswith("đảng ủy các cơ quan"):
        return "Đảng ủy các cơ quan Đảng " + low.rsplit("đảng ", 1)[-1]
    if low.startswith(("đảng ủy ủy ban", "đảng ủy ubnd")):
        return "Đảng ủy Ủy ban nhân dân " + ("thành phố" if low.endswith("thành phố") else "tỉnh")
    if low == "đảng ủy":
        return default if default.startswith("Đảng ủy") else "Đảng ủy"  # the page's own
    if low.startswith("đảng ủy"):
        return _local_committee(raw)
    return {"TU": "Tỉnh ủy"}.get(raw, raw)


def _local_committee(raw: str, *, named: bool = False) -> str:
    """ "ĐẢNG ỦY Xã Hòa An" -> "Đảng ủy xã" ("Đảng ủy xã Hòa An" when `named`).

    A board, office or commission of a commune keeps the committee word only, like the
    provincial boards ("Ủy ban Kiểm tra Đảng ủy xã", "Văn phòng Đảng ủy phường")."""
    words = raw.split()[2:]
    level = 2 if words[:1] and words[0].lower() in ("thị", "đặc") else 1
    if words and words[0].lower() in ("xã", "phường", "thị", "đặc"):
        words = [w.lower() for w in words[:level]] + (words[level:] if named else [])
    return " ".join(["Đảng ủy", *words])


def _bloc_name(rest: str) -> str:
    """ "các cơ quan và doanh nghiệp tỉnh" -> "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh"."""
    kind = " ".join(rest.lower().split())
    if not kind:
        return "Đảng ủy Khối"
    level = "thành phố" if kind.endswith("thành phố") else "tỉnh"
    if "doanh nghiệp" in kind and "cơ quan" in kind:
        return f"Đảng ủy Khối các cơ quan và doanh nghiệp {level}"
    if "doanh nghiệp" in kind:
        return f"Đảng ủy Khối Doanh nghiệp {level}"
    if "dân chính" in kind:
        return f"Đảng ủy Khối Dân chính Đảng {level}"
    if "cơ quan" in kind:
        return f"Đảng ủy Khối các cơ quan {level}"
    return "Đảng ủy Khối"


def _place_suffix(committee: str, place: str | None) -> str:
    # "Huyện ủy Hưng Nguyên" keeps its place; a province's own committee does not.
    if place and committee in ("Huyện ủy", "Thị ủy", "Quận ủy"):
        return place.rstrip()
    return ""


@functools.lru_cache(maxsize=8192)
def find_units(
    text: str, *, committee: str = "Tỉnh ủy", province: str | None = None
) -> tuple[tuple[int, int, str], ...]:
    """Party-bloc units named in `text`: (start, end, canonical name).

    Cached: the reader asks about the same sentence from several passes.
    """
    out: list[tuple[int, int, str]] = []
    end = 0
    # Try the long alternation only where a unit name can start: much faster
    # than letting the regex engine try it at every position.
    for t in _UNIT_TRIGGER.finditer(text):
        if t.start() < end:
            continue
        m = UNIT_RE.match(text, t.start())
        if m is None:
            continue
        key = (m.group(0), committee, province)
        known = _CANONICAL_CACHE.get(key)
        if known is None:
            if len(_CANONICAL_CACHE) > 4096:
                _CANONICAL_CACHE.clear()
            known = _CANONICAL_CACHE[key] = (
                _canonical(m, committee, province),
                bool(m.group("board") and not m.group("bcom")),
            )
        name, bare_board = known
        if bare_board and _NOT_A_BOARD_AFTER.match(text, m.end()):
            continue  # "Ban Tổ chức Hội nghị": an event committee, not the Party board
        if name:
            out.append((m.start(), m.end(), name))
            end = m.end()
    return tuple(out)


# (matched text, committee, province) -> (canonical name, is a bare board name)
_CANONICAL_CACHE: dict[tuple[str, str, str | None], tuple[str | None, bool]] = {}


def _canonical(m: re.Match[str], committee: str, province: str | None) -> str | None:
    """The canonical name of a unit match; depends on the matched text only."""
    g = m.group
    if g("board"):
        com = _committee_word(g("bcom"), committee)
        base = _BOARDS[" ".join(g("bname").lower().split())]
        if com is None or base == "Ban Xây dựng Đảng" and not com.startswith("Đảng ủy"):
            return None  # "các ban xây dựng Đảng" is a group; the board is a commune's
        return f"{base} {com}{_place_suffix(com, g('bplace'))}"
    if g("babbr"):
        return f"{_BOARDS[(g('bab') or 'tgdv').lower()]} Tỉnh ủy"
    if g("ubkt"):
        com = _committee_word(g("kcom"), committee)
        if com is None:
            return None
        return f"Ủy ban Kiểm tra {com}{_place_suffix(com, g('kplace'))}"
    if g("ubktabbr"):
        return "Ủy ban Kiểm tra Tỉnh ủy"
    if g("vp"):
        com = " ".join(g("vcom").split())
        return f"Văn phòng {com}{_place_suffix(com, g('vplace'))}"
    if g("vpabbr"):
        return "Văn phòng Tỉnh ủy" if g("vpabbr") == "VPTU" else None
    if g("baodai"):
        return f"Báo và Phát thanh, Truyền hình {canonical_province(g('bdp'))}"
    if g("bao"):
        return f"Báo {canonical_province(g('baop'))}"
    if g("dai"):
        place = canonical_province(g("daip")) if g("daip") else province
        return f"Đài Phát thanh - Truyền hình {place or 'tỉnh'}"
    if g("school"):
        if g("sp"):
            return f"Trường Chính trị {canonical_province(g('sp'))}"
        if g("sname") and not g("slevel"):
            return f"Trường Chính trị {g('sname')}"
        return f"Trường Chính trị {province or 'tỉnh'}"
    if g("khoi"):
        kind = " ".join(g("kname").lower().split())
        kind = {"ccq": "cơ quan", "cq": "cơ quan", "dn": "doanh nghiệp"}.get(kind, kind)
        kind = "cơ quan và doanh nghiệp" if kind.replace(" ", "") == "cq&dn" else kind
        level = " ".join((g("klevel") or "tỉnh").lower().split())
        if "doanh nghiệp" in kind and "cơ quan" in kind:
            return f"Đảng ủy Khối các cơ quan và doanh nghiệp {level}"
        if "doanh nghiệp" in kind:
            return f"Đảng ủy Khối Doanh nghiệp {level}"
        if "dân chính" in kind:
            return f"Đảng ủy Khối Dân chính Đảng {level}"
        return f"Đảng ủy Khối các cơ quan {level}"
    if g("bare_khoi"):
        return "Đảng ủy Khối"
    if g("named"):
        com = " ".join(g("named").split())
        name = " ".join(g("nname").split())
        if com == "Thành ủy" and canonical_province(name):
            return None  # a province's own committee, not a unit of its bloc
        return f"{com} {name}"
    if g("commune"):
        return _local_committee(f"{g('commune')} {g('cname')}", named=True)
    if g("gov"):
        body = " ".join(g("gov").lower().split())
        level = " ".join(g("glevel").lower().split())
        people = "Hội đồng nhân dân" if "hội đồng" in body or "hđnd" in body else "Ủy ban nhân dân"
        head = "Ban cán sự đảng" if body.startswith("ban") else "Đảng ủy"
        return f"{head} {people} {level}"
    if g("doan"):
        return " ".join(g("doan").split())
    if g("dcq"):
        level = " ".join((g("dlevel") or "tỉnh").lower().split())
        return f"Đảng ủy các cơ quan Đảng {level}"
    if g("bvsk"):
        return "Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh"
    return None


# --- Titles of office ----------------------------------------------------
TITLE_HEAD: Final[str] = (
    r"(?i:ủy\s+viên|tỉnh\s+ủy\s+viên|thành\s+ủy\s+viên|huyện\s+ủy\s+viên|quận\s+ủy\s+viên"
    r"|thị\s+ủy\s+viên|đảng\s+ủy\s+viên|phó\s+bí\s+thư|bí\s+thư"
    r"|phó\s+chủ\s+tịch|chủ\s+tịch|phó\s+trưởng\s+ban|trưởng\s+ban|phó\s+trưởng\s+đoàn"
    r"|trưởng\s+đoàn|phó\s+chánh\s+văn\s+phòng|chánh\s+văn\s+phòng|phó\s+chủ\s+nhiệm"
    r"|chủ\s+nhiệm|phó\s+giám\s+đốc|giám\s+đốc|phó\s+tổng\s+biên\s+tập|tổng\s+biên\s+tập"
    r"|phó\s+hiệu\s+trưởng|hiệu\s+trưởng|bộ\s+trưởng|thứ\s+trưởng|đại\s+biểu\s+quốc\s+hội"
    r"|thường\s+trực)|TUV|TƯV|UVTV|UVBTV|UVTW|UVTƯ|UBTV"
)
TITLE_HEAD_RE: Final = re.compile(rf"(?<!\w)(?:{TITLE_HEAD})(?!\w)")

_SYL = rf"[{UPPER}][^\W\d_]*"
NAME_RE: Final = re.compile(rf"(?<!\w){_SYL}(?:[ ]{_SYL}){{1,4}}(?!\w)")
# Words that are capitalized in titles but never part of a person's name.
NOT_NAME_WORDS: Final = frozenset(
    [
        "Tỉnh",
        "Thành",
        "Huyện",
        "Đảng",
        "Ban",
        "Ủy",
        "Bí",
        "Phó",
        "Chủ",
        "Thường",
        "Mặt",
        "Tổ",
        "Kiểm",
        "Tuyên",
        "Báo",
        "Đài",
        "Trường",
        "Khối",
        "Chấp",
        "Bộ",
        "HĐND",
        "UBND",
        "MTTQ",
        "TUV",
        "UVBTV",
        "Hội",
        "Đồng",
        "Chí",
        "Phát",
        "Kết",
        "Đồng",
        "Sáng",
        "Chiều",
        "Ngày",
    ]
)
