"""Files -> text: .txt in any encoding offices still use, .html, .docx.

Every failure is an `ExtractionError` with a one-line Vietnamese + English
message; nothing here lets an OSError or a decoder error through.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from giaoban.extraction import legacy
from giaoban.extraction.errors import ExtractionError

ENCODINGS = ("utf-8", "utf-16", "cp1258", "tcvn3", "vni")
_ALIASES = {
    "utf8": "utf-8",
    "utf-8-sig": "utf-8",
    "utf16": "utf-16",
    "windows-1258": "cp1258",
    "cp-1258": "cp1258",
    "1258": "cp1258",
    "tcvn": "tcvn3",
    "tcvn-3": "tcvn3",
    "abc": "tcvn3",
    "vni-windows": "vni",
    "vni-win": "vni",
    "utf-16le": "utf-16-le",
    "utf-16be": "utf-16-be",
}
_BINARY_SHARE = 0.01  # more control bytes than this: not a text file


def read_path(path: Path, *, encoding: str | None = None) -> str:
    """Read a .txt/.html/.docx file into text (not yet normalized)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExtractionError(f"Không tìm thấy tệp: {path} / file not found: {path}") from None
    except IsADirectoryError:
        raise ExtractionError(
            f"Đây là thư mục, không phải tệp: {path} / is a directory, not a file: {path}"
        ) from None
    except OSError as exc:
        raise ExtractionError(
            f"Không đọc được tệp {path}: {exc.strerror} / cannot read {path}: {exc.strerror}"
        ) from None
    suffix = path.suffix.lower()
    if suffix == ".docx" or (data[:2] == b"PK" and suffix not in (".txt", ".html", ".htm")):
        return read_docx(data, name=str(path))
    text = decode(data, encoding=encoding, name=str(path))
    if suffix in (".html", ".htm", ".xhtml") or _looks_html(text):
        return html_to_text(text)
    return text


def decode(data: bytes, *, encoding: str | None = None, name: str = "input") -> str:
    """Bytes -> str: BOM, UTF-8, UTF-16, Windows-1258, TCVN3 or VNI."""
    if not data.strip():
        raise ExtractionError(f"Tệp rỗng: {name} / empty file: {name}")
    if encoding:
        return _decode_forced(data, encoding, name)
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise _undecodable(name) from None
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is None:
            raise _binary(name)
        return text
    if _control_share(data) > _BINARY_SHARE:
        raise _binary(name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _best_single_byte(data)
    return legacy.repair(text)


def _decode_forced(data: bytes, encoding: str, name: str) -> str:
    enc = _ALIASES.get(encoding.lower(), encoding.lower())
    if enc == "tcvn3":
        return legacy.decode_tcvn3(data)
    if enc == "vni":
        return legacy.decode_vni(data)
    try:
        codecs.lookup(enc)
    except LookupError:
        raise ExtractionError(
            f"Bảng mã không được hỗ trợ: {encoding} (dùng {', '.join(ENCODINGS)}) / "
            f"unsupported encoding: {encoding} (use {', '.join(ENCODINGS)})"
        ) from None
    try:
        return data.decode("utf-8-sig" if enc == "utf-8" else enc)
    except UnicodeDecodeError:
        raise _undecodable(name, encoding) from None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = max(len(sample) // 2, 1)
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros / half > 0.3 and len(data) % 2 == 0:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _control_share(text.encode("utf-8", "replace")) <= _BINARY_SHARE:
                return text
    return None


def _control_share(data: bytes) -> float:
    sample = data[:65536]
    bad = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
    return bad / max(len(sample), 1)


def _best_single_byte(data: bytes) -> str:
    candidates = [legacy.decode_tcvn3(data), legacy.decode_vni(data)]
    try:
        # Windows-1258 stores tone marks as combining characters: compose them.
        candidates.insert(0, unicodedata.normalize("NFC", data.decode("cp1258")))
    except UnicodeDecodeError:
        pass
    return max(candidates, key=legacy.vietnamese_score)


def _binary(name: str) -> ExtractionError:
    return ExtractionError(
        f"Tệp nhị phân, không phải văn bản: {name} / binary file, not text: {name}"
    )


def _undecodable(name: str, encoding: str | None = None) -> ExtractionError:
    how = f" bằng {encoding}" if encoding else ""
    how_en = f" as {encoding}" if encoding else ""
    return ExtractionError(f"Không giải mã được tệp {name}{how} / cannot decode {name}{how_en}")


# --- HTML ---------------------------------------------------------------------
_HTML_SNIFF = re.compile(r"(?is)^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>])")
_CHROME_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "form",
    "button",
    "select",
    "nav",
    "header",
    "footer",
    "aside",
    "menu",
)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article "
    "blockquote figcaption figure time dd dt pre address".split()
)
# Footer lines worth keeping: they tell the province or the publisher.
_FOOTER_KEEP = re.compile(
    r"(?i)©|bản quyền|cổng\s+(?:ttđt|thông\s+tin)|^báo\s|cơ\s+quan\s+chủ\s+quản"
)


def _looks_html(text: str) -> bool:
    return bool(_HTML_SNIFF.match(text[:2000]))


def html_to_text(markup: str) -> str:
    """Visible article text of an HTML page, one block per line."""
    import lxml.html  # type: ignore[import-untyped]  # no stubs are published
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]{0,2000}>", " ", markup)
    kept: list[str] = []
    for el in list(root.iter(*_CHROME_TAGS)):
        if el.tag in ("header", "footer") and any(
            a.tag in ("article", "main") for a in el.iterancestors()
        ):
            continue  # an article's own header holds its headline and date
        if el.tag in ("footer", "header", "aside", "nav"):
            for line in _block_text(el).split("\n"):
                if _FOOTER_KEEP.search(line.strip()):
                    kept.append(line.strip())
        parent = el.getparent()
        if parent is not None:
            el.drop_tree()
    body = root.find("body")
    text = _block_text(body if body is not None else root)
    return text + ("\n" + "\n".join(kept) if kept else "")


def _block_text(el: object) -> str:
    from lxml import etree

    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if not isinstance(node.tag, str):  # comments, processing instructions
            if node.tail:
                parts.append(node.tail)
            return
        block = node.tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(el)
    text = "".join(parts)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


# --- DOCX ---------------------------------------------------------------------
def read_docx(data: bytes, *, name: str = "input") -> str:
    """Paragraphs and table cells of a .docx, in document order."""
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ExtractionError(
            f"Tệp .docx hỏng hoặc không đúng định dạng: {name} / "
            f"broken or invalid .docx file: {name} ({exc})"
        ) from None
    except Exception as exc:  # python-docx raises assorted errors on malformed parts
        raise ExtractionError(
            f"Không đọc được tệp .docx: {name} / "
            f"cannot read .docx file: {name} ({type(exc).__name__})"
        ) from None
    text_tag, breaks, tab = qn("w:t"), {qn("w:br"), qn("w:cr")}, qn("w:tab")

    def paragraph(p: Any) -> str:
        out = []
        for el in p.iter(text_tag, tab, *breaks):
            out.append(el.text or "" if el.tag == text_tag else " " if el.tag == tab else "\n")
        return "".join(out)

    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(paragraph(child))
        elif child.tag == qn("w:tbl"):
            for p in child.iter(qn("w:p")):
                lines.append(paragraph(p))
    return legacy.repair("\n".join(lines))
