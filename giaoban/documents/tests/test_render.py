"""The Word templates: open the DOCX (python-docx) and render the PDF (LibreOffice)."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from docx import Document

from giaoban.documents import (
    Header,
    Item,
    OfficialDocument,
    PdfUnavailable,
    Section,
    Signature,
    TemplateError,
    build_pdf,
    pdf_unavailable_reason,
    place_date_line,
)
from giaoban.documents.render import render_docx, render_template
from giaoban.documents.samples import sample
from giaoban.documents.tests.pdftext import pdf_text

pytestmark = pytest.mark.django_db


def notice(n_items: int = 3) -> OfficialDocument:
    return OfficialDocument(
        header=Header(
            "ĐẢNG BỘ TỈNH ĐỒNG NAI", "TỈNH ỦY", "90-TB/TU", "Đồng Nai", date(2023, 11, 28)
        ),
        kind_title="THÔNG BÁO",
        title="kết luận của Thường trực Tỉnh ủy tại hội nghị giao ban quý IV/2023",
        opening=(
            "Ngày 20/11/2023, Thường trực Tỉnh ủy chủ trì hội nghị giao ban <quý IV> & tổng kết.",
        ),
        sections=(
            Section(
                heading="I. ĐÁNH GIÁ", paragraphs=("Các đơn vị đã hoàn thành cơ bản nhiệm vụ.",)
            ),
            Section(
                heading="II. NHIỆM VỤ",
                items=tuple(
                    Item(f"{i}.", f"Nhiệm vụ thứ {i} của các đơn vị") for i in range(1, n_items + 1)
                ),
            ),
        ),
        signature=Signature(("T/M THƯỜNG TRỰC TỈNH ỦY", "PHÓ BÍ THƯ THƯỜNG TRỰC"), "Hồ Thanh Sơn"),
        recipients=("- Các đồng chí Tỉnh ủy viên,", "- Lưu Văn phòng Tỉnh ủy."),
    )


def texts(data: bytes) -> list[str]:
    doc = Document(io.BytesIO(data))
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                out.extend(p.text for p in cell.paragraphs)
    return out


def test_place_and_date_line_follows_the_guide():
    assert place_date_line("Đồng Nai", date(2023, 11, 28)) == "Đồng Nai, ngày 28 tháng 11 năm 2023"
    assert place_date_line("Đồng Nai", date(2024, 2, 5)) == "Đồng Nai, ngày 05 tháng 02 năm 2024"
    assert place_date_line("Huế", date(2024, 6, 20)) == "Huế, ngày 20 tháng 6 năm 2024"


def test_notice_docx_has_the_layout_of_the_guide():
    data = render_docx(notice(), kind="notice")
    doc = Document(io.BytesIO(data))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    assert round(section.top_margin.mm) == 20 and round(section.bottom_margin.mm) == 20
    assert doc.styles["Normal"].font.name == "Times New Roman"
    header = doc.tables[0].rows[0].cells
    left = [p.text for p in header[0].paragraphs]
    assert left == ["ĐẢNG BỘ TỈNH ĐỒNG NAI", "TỈNH ỦY", "*", "Số 90-TB/TU"]
    right = header[1].paragraphs
    assert right[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM" and right[0].runs[0].bold
    date_line = [p for p in right if p.text.startswith("Đồng Nai")][0]
    assert date_line.text == "Đồng Nai, ngày 28 tháng 11 năm 2023" and date_line.runs[0].italic
    body = [p.text for p in doc.paragraphs if p.text]
    assert body[:2] == [
        "THÔNG BÁO",
        "kết luận của Thường trực Tỉnh ủy tại hội nghị giao ban quý IV/2023",
    ]
    title = [p for p in doc.paragraphs if p.text == "THÔNG BÁO"][0]
    assert title.runs[0].bold
    # escaped text survives as text, items are numbered in order, no template tag is left over
    assert (
        "Ngày 20/11/2023, Thường trực Tỉnh ủy chủ trì hội nghị giao ban <quý IV> & tổng kết."
        in body
    )
    assert [t for t in body if t[:2] in ("1.", "2.", "3.")] == [
        f"{i}. Nhiệm vụ thứ {i} của các đơn vị" for i in (1, 2, 3)
    ]
    assert not [t for t in texts(data) if "{%" in t or "{{" in t]
    signing = [p.text for p in doc.tables[-1].rows[0].cells[1].paragraphs if p.text]
    assert signing == ["T/M THƯỜNG TRỰC TỈNH ỦY", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Hồ Thanh Sơn"]
    recipients = [p.text for p in doc.tables[-1].rows[0].cells[0].paragraphs if p.text]
    assert recipients == ["Nơi nhận:", "- Các đồng chí Tỉnh ủy viên,", "- Lưu Văn phòng Tỉnh ủy."]


def test_a_draft_without_number_shows_a_blank_number():
    doc = notice()
    draft = OfficialDocument(**{**doc.__dict__, "header": Header("", "TỈNH ỦY")})
    left = [
        p.text
        for p in Document(io.BytesIO(render_docx(draft, kind="notice")))
        .tables[0]
        .rows[0]
        .cells[0]
        .paragraphs
    ]
    assert left[0] == "TỈNH ỦY" and left[-1].startswith("Số ") and "TB" not in left[-1]


def test_official_layout_has_excerpt_addressees_and_a_table():
    doc = sample("official")
    data = render_docx(doc, kind="official")
    d = Document(io.BytesIO(data))
    assert "V/v đôn đốc thực hiện nhiệm vụ" in texts(data)
    assert "Kính gửi: Các ban đảng Tỉnh ủy" in [p.text for p in d.paragraphs]
    grid = [t for t in d.tables if len(t.rows) == 2 and t.rows[0].cells[0].text == "Đơn vị"]
    assert grid and grid[0].rows[1].cells[1].text == "3"


def test_minutes_template_renders_people_and_signatures():
    data = render_docx(sample("minutes"), kind="minutes")
    all_text = texts(data)
    assert "BIÊN BẢN" in all_text
    assert "- Đồng chí Hồ Thanh Sơn, Phó Bí thư Thường trực Tỉnh ủy" in all_text
    assert "- Điểm cầu Đảng ủy xã Tân An (25 đại biểu)" in all_text
    assert "THƯ KÝ" in all_text and "CHỦ TRÌ" in all_text and "Nguyễn Văn A" in all_text


def test_a_broken_template_gives_a_clear_error():
    with pytest.raises(TemplateError, match="không phải là tài liệu Word"):
        render_template(b"not a zip at all", {})
    # a real DOCX whose tag is broken
    good = render_docx(notice(), kind="notice")
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "word/document.xml":
                content = content.replace("THÔNG BÁO".encode(), b"{{ broken(")
            dst.writestr(info, content)
    with pytest.raises(TemplateError, match="thẻ sai|could not|broken"):
        render_template(buf.getvalue(), {})


def test_pdf_has_the_number_and_every_item():
    assert pdf_unavailable_reason() is None, "LibreOffice (soffice) must be installed for this test"
    pdf = build_pdf(render_docx(notice(5), kind="notice"))
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Số 90-TB/TU" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    for i in range(1, 6):
        assert f"{i}. Nhiệm vụ thứ {i} của các đơn vị" in text
    assert "Hồ Thanh Sơn" in text


def test_without_libreoffice_the_pdf_says_why(monkeypatch):
    monkeypatch.setattr("giaoban.documents.render.shutil.which", lambda name: None)
    monkeypatch.delenv("GIAOBAN_SOFFICE", raising=False)
    assert "LibreOffice" in pdf_unavailable_reason()
    with pytest.raises(PdfUnavailable, match="libreoffice-writer-nogui"):
        build_pdf(b"PK")
