"""The text layer of a PDF, for tests: `pdftotext` when installed, else a small reader of
the PDFs LibreOffice writes (Flate streams, fonts with ToUnicode maps, Tj/TJ strings)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib

OBJ_RE = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
STREAM_RE = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def _streams(pdf: bytes) -> dict[int, tuple[bytes, bytes]]:
    out = {}
    for m in OBJ_RE.finditer(pdf):
        num, body = int(m.group(1)), m.group(2)
        s = STREAM_RE.search(body)
        data = b""
        if s:
            data = s.group(1)
            if b"/FlateDecode" in body[: s.start()]:
                try:
                    data = zlib.decompress(data)
                except zlib.error:
                    data = b""
        out[num] = (body, data)
    return out


def _cmap(data: bytes) -> tuple[dict[int, str], int]:
    mapping: dict[int, str] = {}
    width = 1
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            width = max(width, len(src) // 2)
            mapping[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            width = max(width, len(lo) // 2)
            start = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[code] = chr(start + i)
    return mapping, width


def _fonts(objs) -> dict[bytes, tuple[dict[int, str], int]]:
    """Font resource name (/F1) -> its ToUnicode map (the names are unique in LibreOffice PDFs)."""
    font_maps: dict[int, tuple[dict[int, str], int]] = {}
    for num, (body, _) in objs.items():
        m = re.search(rb"/ToUnicode (\d+) 0 R", body)
        if m and int(m.group(1)) in objs:
            font_maps[num] = _cmap(objs[int(m.group(1))][1])
    names: dict[bytes, tuple[dict[int, str], int]] = {}
    for body, _ in objs.values():
        for name, ref in re.findall(rb"/(\w+) (\d+) 0 R", body):
            if int(ref) in font_maps:
                names[name] = font_maps[int(ref)]
    return names


def _decode(raw: bytes, cmap: tuple[dict[int, str], int]) -> str:
    mapping, width = cmap
    return "".join(
        mapping.get(int.from_bytes(raw[i : i + width], "big"), "")
        for i in range(0, len(raw) - width + 1, width)
    )


def _literal(s: bytes) -> bytes:
    s = re.sub(rb"\\([0-7]{1,3})", lambda m: bytes([int(m.group(1), 8)]), s)
    return re.sub(
        rb"\\(.)", lambda m: {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(m.group(1), m.group(1)), s
    )


TOKEN_RE = re.compile(
    rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\(((?:\\.|[^\\)])*)\)|(-?\d+(?:\.\d+)?)\s*(?=[<(\]])|(T\*|Td|TD|Tm|ET|')"
)


def pdf_text(pdf: bytes) -> str:
    if shutil.which("pdftotext"):
        run = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        )
        return run.stdout.decode("utf-8")
    objs = _streams(pdf)
    fonts = _fonts(objs)
    out: list[str] = []
    for body, data in objs.values():
        if b"BT" not in data or b"Tj" not in data and b"TJ" not in data:
            continue
        cmap: tuple[dict[int, str], int] = ({}, 1)
        for m in TOKEN_RE.finditer(data):
            font, hexs, lit, num, op = m.groups()
            if font is not None:
                cmap = fonts.get(font, ({}, 1))
            elif hexs is not None:
                out.append(_decode(bytes.fromhex(hexs.decode()), cmap))
            elif lit is not None:
                out.append(
                    _decode(_literal(lit), cmap) if cmap[0] else _literal(lit).decode("latin-1")
                )
            elif num is not None and float(num) < -200:
                out.append(" ")
            elif op is not None:
                out.append("\n" if op != b"Td" else " ")
    return "".join(out)
