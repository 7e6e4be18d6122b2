"""`giaoban extract` / `python -m giaoban.extraction`: files in, JSON out, one-line errors."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import docx
import pytest

from giaoban.extraction import legacy
from giaoban.extraction.cli import main

TEXT = (
    "Thường trực Tỉnh ủy giao ban quý III\n"
    "Sáng 05/10/2023, Thường trực Tỉnh ủy Bắc Kạn họp giao ban công tác Khối Đảng đánh giá "
    "công tác 9 tháng. Đồng chí Phương Thị Thanh, Phó Bí thư Thường trực Tỉnh ủy chủ trì.\n"
    "Kết luận hội nghị, đồng chí yêu cầu các đơn vị hoàn thành kế hoạch trước ngày 31/12.\n"
)


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 has letters with a hat or horn, but tones only as combining marks."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + "".join(c for c in parts if c in _TONES))
    return "".join(out).encode("cp1258")


def _check(record: dict[str, object], source: str) -> None:
    assert record["source"] == source
    meeting = record["meeting"]
    assert isinstance(meeting, dict)
    assert meeting["host"] == "Tỉnh ủy Bắc Kạn"
    assert meeting["date"] == "2023-10-05"
    assert meeting["chairs"] == [
        {"name": "Phương Thị Thanh", "title": "Phó Bí thư Thường trực Tỉnh ủy"}
    ]
    assert record["directives"] == [
        {
            "text": "các đơn vị hoàn thành kế hoạch trước ngày 31/12",
            "assignees": ["*"],
            "deadline": "2023-12-31",
        }
    ]


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("utf8.txt", TEXT.encode("utf-8"), None),
        ("utf8bom.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8"), None),
        ("utf16.txt", TEXT.encode("utf-16"), None),  # with BOM
        ("utf16le.txt", TEXT.encode("utf-16-le"), None),  # without BOM
        ("cp1258.txt", to_cp1258(TEXT), None),
        ("tcvn3.txt", legacy.encode_tcvn3(TEXT), None),
        ("vni.txt", legacy.encode_vni(TEXT), None),
        ("forced_vni.txt", legacy.encode_vni(TEXT), "vni"),
        ("forced_tcvn3.txt", legacy.encode_tcvn3(TEXT), "TCVN3"),
        ("forced_cp1258.txt", to_cp1258(TEXT), "windows-1258"),
    ],
)
def test_text_in_every_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, encoding: str | None
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    argv = [str(path)] + (["--encoding", encoding] if encoding else [])
    assert main(argv) == 0
    _check(json.loads(capsys.readouterr().out), name)


def test_html_page_chrome_removed_footer_province_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = TEXT.replace("Tỉnh ủy Bắc Kạn", "Tỉnh ủy").split("\n")
    page = (
        "<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style>"
        "<script>var a = 'Đồng chí đề nghị các đơn vị';</script></head><body>"
        "<header><nav><a href='/'>Trang chủ</a> Tin xem nhiều</nav></header>"
        f"<article><h1>{body[0]}</h1><p>{body[1]}</p><p>{body[2]}</p></article>"
        "<aside>Tin liên quan: Ban Tổ chức Tỉnh ủy yêu cầu các đơn vị nộp báo cáo.</aside>"
        "<footer><p>© Báo Bắc Kạn điện tử</p><p>Thống kê truy cập</p></footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert main([str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    _check(record, "page.html")
    assert record["units"] == []  # the aside's "Ban Tổ chức" was chrome


def test_docx_with_header_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "TỈNH ỦY BẮC KẠN\nSố 12-TB/TU"
    table.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM\nBắc Kạn, ngày 06 tháng 10 năm 2023"
    for line in TEXT.strip().split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "notice.docx"
    document.save(str(path))
    assert main([str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    _check(record, "notice.docx")
    assert record["published"] == "2023-10-06"
    assert record["document"] == {
        "number": "12-TB/TU",
        "kind": "TB",
        "issuer": "TU",
        "style": "party",
        "date": "2023-10-06",
    }


def test_out_dir_gets_one_json_per_input(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.html"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text(f"<html><body><p>{TEXT}</p></body></html>", encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(a), str(b), "--out-dir", str(out), "--published", "2023-10-06"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]
    for name in ("a", "b"):
        record = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert record["published"] == "2023-10-06"
        # The headline's period ("quý III") wins over the lead's "9 tháng".
        assert record["meeting"]["period"] == {"year": 2023, "type": "quarter", "number": 3}


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "Tệp rỗng"),
        ("blank.txt", b"  \n\t\n", "Tệp rỗng"),
        ("binary.txt", bytes(range(256)) * 40, "Tệp nhị phân"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500), "Tệp nhị phân"),
        ("broken.docx", b"PK\x03\x04 not really a zip", ".docx"),
        ("punct.txt", "…… 12:30 ——".encode(), "Văn bản rỗng"),
    ],
)
def test_bad_input_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert main([str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().split("\n")
    assert len(lines) == 1 and message in lines[0] and " / " in lines[0]
    assert "Traceback" not in captured.err


def test_missing_file_and_undecodable_forced_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "nope.txt")]) == 1
    assert "Không tìm thấy tệp" in capsys.readouterr().err
    path = tmp_path / "latin.txt"
    path.write_bytes(to_cp1258("Thường trực"))
    assert main([str(path), "--encoding", "utf-8"]) == 1
    assert "Không giải mã được" in capsys.readouterr().err
    assert main([str(path), "--encoding", "klingon"]) == 1
    assert "Bảng mã không được hỗ trợ" in capsys.readouterr().err


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(TEXT, encoding="utf-8")
    bad.write_bytes(b"")
    out = tmp_path / "out"
    assert main([str(bad), str(good), "--out-dir", str(out)]) == 1
    assert [p.name for p in out.iterdir()] == ["good.json"]


@pytest.mark.parametrize(
    "argv",
    [[], ["a.txt", "b.txt"], ["a.txt", "--published", "28/11/2023"], ["--bogus", "a.txt"]],
)
def test_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    argv = [str(tmp_path / a) if a.endswith(".txt") else a for a in argv]
    assert main(argv) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_python_dash_m_entry_point(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(TEXT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "giaoban.extraction", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    _check(json.loads(done.stdout), "x.txt")
