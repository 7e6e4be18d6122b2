"""Legacy Vietnamese 8-bit encodings: TCVN3 (ABC) and VNI (VNI-Windows).

Both predate Unicode and are still met in office files. The tables below are
the published code charts. TCVN3 gives every lower-case toned vowel one byte
(upper-case toned vowels were drawn by a separate ".VnTimeH" font from the
same bytes); VNI writes a base letter followed by one mark byte.

Decoding works on the Latin-1 view of the bytes (byte 0xB8 -> "¸"), which is
also what such text looks like once pasted into a Unicode document, so the
same functions repair both raw bytes and mojibake strings.
"""

from __future__ import annotations

import re
import unicodedata

# --- TCVN3 (ABC): one byte per letter ------------------------------------
_TCVN3_BYTES: dict[int, str] = {
    0xA1: "Ă",
    0xA2: "Â",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
    0xA7: "Đ",
    0xA8: "ă",
    0xA9: "â",
    0xAA: "ê",
    0xAB: "ô",
    0xAC: "ơ",
    0xAD: "ư",
    0xAE: "đ",
    0xB5: "à",
    0xB6: "ả",
    0xB7: "ã",
    0xB8: "á",
    0xB9: "ạ",
    0xBB: "ằ",
    0xBC: "ẳ",
    0xBD: "ẵ",
    0xBE: "ắ",
    0xC6: "ặ",
    0xC7: "ầ",
    0xC8: "ẩ",
    0xC9: "ẫ",
    0xCA: "ấ",
    0xCB: "ậ",
    0xCC: "è",
    0xCE: "ẻ",
    0xCF: "ẽ",
    0xD0: "é",
    0xD1: "ẹ",
    0xD2: "ề",
    0xD3: "ể",
    0xD4: "ễ",
    0xD5: "ế",
    0xD6: "ệ",
    0xD7: "ì",
    0xD8: "ỉ",
    0xDC: "ĩ",
    0xDD: "í",
    0xDE: "ị",
    0xDF: "ò",
    0xE1: "ỏ",
    0xE2: "õ",
    0xE3: "ó",
    0xE4: "ọ",
    0xE5: "ồ",
    0xE6: "ổ",
    0xE7: "ỗ",
    0xE8: "ố",
    0xE9: "ộ",
    0xEA: "ờ",
    0xEB: "ở",
    0xEC: "ỡ",
    0xED: "ớ",
    0xEE: "ợ",
    0xEF: "ù",
    0xF1: "ủ",
    0xF2: "ũ",
    0xF3: "ú",
    0xF4: "ụ",
    0xF5: "ừ",
    0xF6: "ử",
    0xF7: "ữ",
    0xF8: "ứ",
    0xF9: "ự",
    0xFA: "ỳ",
    0xFB: "ỷ",
    0xFC: "ỹ",
    0xFD: "ý",
    0xFE: "ỵ",
}
_TCVN3_DECODE = {chr(b): u for b, u in _TCVN3_BYTES.items()}
_TCVN3_ENCODE = {u: chr(b) for b, u in _TCVN3_BYTES.items()}
_TCVN3_TABLE = str.maketrans(_TCVN3_DECODE)

# --- VNI: base letter + mark ---------------------------------------------
# Mark bytes (lower-case form; the upper-case form follows an upper-case base).
_VNI_TONES = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_CIRCUMFLEX = {
    "": "â",
    "\u0301": "á",
    "\u0300": "à",
    "\u0309": "å",
    "\u0303": "ã",
    "\u0323": "ä",
}
_VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
# Letters VNI writes as one byte.
_VNI_SINGLE = {
    "đ": "ñ",
    "Đ": "Ñ",
    "ơ": "ô",
    "Ơ": "Ô",
    "ư": "ö",
    "Ư": "Ö",
    "ì": "ì",
    "Ì": "Ì",
    "í": "í",
    "Í": "Í",
    "ỉ": "æ",
    "Ỉ": "Æ",
    "ĩ": "ó",
    "Ĩ": "Ó",
    "ị": "ò",
    "Ị": "Ò",
    "ỵ": "î",
    "Ỵ": "Î",
}


def _build_vni() -> dict[str, str]:
    """Unicode letter -> VNI surface string, for every toned vowel."""
    enc: dict[str, str] = dict(_VNI_SINGLE)
    for base in "aeiouyAEIOUY":
        for mark, m in _VNI_TONES.items():
            enc.setdefault(
                unicodedata.normalize("NFC", base + mark),
                base + (m.upper() if base.isupper() else m),
            )
    for base, marks in (
        ("a", _VNI_CIRCUMFLEX),
        ("e", _VNI_CIRCUMFLEX),
        ("o", _VNI_CIRCUMFLEX),
        ("a", _VNI_BREVE),
    ):
        accent = "\u0302" if marks is _VNI_CIRCUMFLEX else "\u0306"
        for b in (base, base.upper()):
            for tone, m in marks.items():
                letter = unicodedata.normalize("NFC", b + accent + tone)
                enc[letter] = b + (m.upper() if b.isupper() else m)
    for plain, surface in (("ơ", "ô"), ("Ơ", "Ô"), ("ư", "ö"), ("Ư", "Ö")):
        for tone, m in _VNI_TONES.items():
            letter = unicodedata.normalize("NFC", plain + tone)
            enc[letter] = surface + (m.upper() if plain.isupper() else m)
    return enc


_VNI_ENCODE = _build_vni()
_VNI_DECODE: dict[str, str] = {}
for _letter, _surface in _VNI_ENCODE.items():
    _VNI_DECODE[_surface] = _letter
    if len(_surface) == 2:
        # Tolerate a mark whose case differs from its base ("Aù" is still Á).
        _base, _mark = _surface[0], _surface[1]
        other = _mark.lower() if _mark.isupper() else _mark.upper()
        _VNI_DECODE.setdefault(_base + other, _letter)
_VNI_RE = re.compile("|".join(re.escape(s) for s in sorted(_VNI_DECODE, key=len, reverse=True)))

# Characters whose presence in a Unicode string suggests undecoded legacy text.
LEGACY_MARKERS = frozenset(_TCVN3_DECODE) | frozenset(
    c for s in _VNI_DECODE for c in s if ord(c) > 0x7F
)


def _fix_case(text: str) -> str:
    """TCVN3 headings set in a ".VnTimeH" font come back as "THôNG BáO": upper-case
    every line whose ASCII letters are all capitals."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        upper = sum(1 for c in line if "A" <= c <= "Z")
        lower = sum(1 for c in line if "a" <= c <= "z")
        if upper >= 3 and lower * 10 <= upper:
            lines[i] = line.upper()
    return "\n".join(lines)


def decode_tcvn3(data: bytes | str) -> str:
    """TCVN3 bytes (or their Latin-1 mojibake) -> Unicode NFC text."""
    text = data.decode("latin-1") if isinstance(data, bytes) else data
    return unicodedata.normalize("NFC", _fix_case(text.translate(_TCVN3_TABLE)))


def decode_vni(data: bytes | str) -> str:
    """VNI bytes (or their Latin-1 mojibake) -> Unicode NFC text."""
    text = data.decode("latin-1") if isinstance(data, bytes) else data
    return unicodedata.normalize("NFC", _VNI_RE.sub(lambda m: _VNI_DECODE[m.group(0)], text))


def encode_tcvn3(text: str) -> bytes:
    """Unicode -> TCVN3 bytes. Upper-case toned vowels have no code: lowered."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3_ENCODE:
            out.append(_TCVN3_ENCODE[ch])
        elif ch.lower() in _TCVN3_ENCODE and ch.upper() == ch:
            out.append(_TCVN3_ENCODE[ch.lower()])
        else:
            out.append(ch)
    return "".join(out).encode("latin-1")


def encode_vni(text: str) -> bytes:
    """Unicode -> VNI bytes."""
    return "".join(_VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode(
        "latin-1"
    )


# --- Telling encodings apart --------------------------------------------
# Frequent syllables of administrative Vietnamese; a decoding that yields many
# of them is the right one. Plain-ASCII syllables are left out on purpose:
# every candidate decoding keeps those.
_COMMON = frozenset(
    """
của được các những với đã để người không này một năm đồng chí tỉnh ủy công tác
thực hiện nhiệm vụ đảng đạo hội nghị kết quả tổ chức cán bộ đơn vị quý tháng
ngày phát triển tế xã chính trị thường trực bí thư phó chủ tịch trên địa bàn
tiếp tục tăng cường nâng chất lượng truyền giáo dân vận kiểm giám sát văn phòng
đến từ về đó trước nhiều mới tốt lãnh cơ thành phố huyện việc đề xuất kiến giải
pháp tình hình hoạt động quản lý quốc phòng nhân điều kiện kế hoạch trọng tâm
điểm đầu tư dự án khai đánh giá số trong cần phải tập trung thời gian hạn chế
nội dung báo cáo chỉ tiêu đạt nước được cấp bảo đảm triển khai giao học
""".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def vietnamese_score(text: str) -> float:
    """Share of words that are frequent Vietnamese syllables, minus stray marks."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    hits = sum(1 for w in words if w in _COMMON)
    stray = sum(1 for c in text if 0x80 <= ord(c) <= 0xFF)
    return hits / len(words) - stray / max(len(text), 1)


_LEGACY_RE = re.compile("[" + re.escape("".join(sorted(LEGACY_MARKERS))) + "]")
_MODERN_RE = re.compile("[\u1ea0-\u1ef9ăâêôơưđĂÂÊÔƠƯĐ]")
_SAMPLE = 50_000


# Characters of TCVN3/VNI mojibake that Vietnamese Unicode text never uses.
_STRONG_RE = re.compile("[¸µ¶¹»¼½¾ÆÇËÎÏÑÖ×ØÜÞßåæçëîïñö÷øûüþ¨ª¬ÄÅÛä]")


def looks_legacy(text: str) -> bool:
    """True when a Unicode string is probably TCVN3/VNI read as Latin-1."""
    sample = text[:_SAMPLE]
    if _STRONG_RE.search(sample) is None or len(_STRONG_RE.findall(sample)) < 3:
        return False
    return len(_LEGACY_RE.findall(sample)) > len(_MODERN_RE.findall(sample))


def repair(text: str) -> str:
    """Decode a mojibake string with whichever legacy table reads best."""
    if not looks_legacy(text):
        return text
    best = max((decode_tcvn3(text), decode_vni(text)), key=vietnamese_score)
    # Keep the text as it is unless decoding clearly reads better.
    return best if vietnamese_score(best) > vietnamese_score(text) + 0.05 else text
