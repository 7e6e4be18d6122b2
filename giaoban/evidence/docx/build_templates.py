"""Build the Word templates of this app (run once; offices then edit the .docx files freely).

    .venv/bin/python giaoban/evidence/docx/build_templates.py

It writes ``evidence/docx/rating_evidence.docx`` and ``notifications/docx/reminder_letter.docx``.

Layout after Hướng dẫn 36-HD/VPTW (thể thức văn bản của Đảng): Times New Roman 14, the issuing
body at top left with its number, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date at top right.
The Jinja tags are docxtpl's ({{ … }}, {%tr … %} for table rows).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
LETTERS = HERE.parent.parent / "notifications" / "docx"


def _doc() -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    return doc


def _p(cell_or_doc, text, *, bold=False, italic=False, size=None, align=None, underline=False):
    p = cell_or_doc.add_paragraph()
    run = p.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    if size:
        run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    return p


def _header(doc, number_line: str, subject: str) -> None:
    t = doc.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = t.rows[0].cells
    left.paragraphs[0].text = ""
    _p(left, "{{ committee_upper }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    _p(left, "{{ issuer_upper }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _p(left, "*", align=WD_ALIGN_PARAGRAPH.CENTER)
    _p(left, number_line, align=WD_ALIGN_PARAGRAPH.CENTER)
    if subject:
        _p(left, subject, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    right.paragraphs[0].text = ""
    _p(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _p(right, "")
    _p(
        right,
        "{{ place }}, ngày {{ day }} tháng {{ month }} năm {{ year }}",
        italic=True,
        align=WD_ALIGN_PARAGRAPH.RIGHT,
    )


def _rows_table(doc, headers, cells) -> None:
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    for i, h in enumerate(headers):
        table.rows[0].cells[i].text = h
        for r in table.rows[0].cells[i].paragraphs[0].runs:
            r.bold = True
            r.font.size = Pt(12)
    table.rows[1].cells[0].text = "{%tr for r in rows %}"
    for i, c in enumerate(cells):
        table.rows[2].cells[i].text = c
        for r in table.rows[2].cells[i].paragraphs[0].runs:
            r.font.size = Pt(12)
    table.rows[3].cells[0].text = "{%tr endfor %}"


def reminder_letter() -> None:
    doc = _doc()
    _header(doc, "Số {{ number }}", "V/v đôn đốc thực hiện nhiệm vụ")
    _p(doc, "")
    _p(doc, "Kính gửi: {{ recipient }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    _p(doc, "")
    body = _p(
        doc,
        "Thực hiện chỉ đạo của Thường trực {{ committee }}, {{ issuer }} đề nghị {{ recipient }} "
        "khẩn trương thực hiện và báo cáo kết quả các nhiệm vụ dưới đây (tình hình đến ngày "
        "{{ as_of }}):",
    )
    body.paragraph_format.first_line_indent = Cm(1)
    _p(doc, "")
    _rows_table(
        doc,
        ["STT", "Nội dung nhiệm vụ", "Văn bản giao", "Đơn vị", "Thời hạn", "Tình trạng"],
        [
            "{{ r.stt }}",
            "{{ r.text }}",
            "{{ r.source }}",
            "{{ r.unit }}",
            "{{ r.deadline }}",
            "{{ r.state }}",
        ],
    )
    _p(doc, "")
    end = _p(
        doc,
        "Đề nghị {{ recipient }} báo cáo kết quả thực hiện về {{ issuer }} trước ngày {{ reply_by }} "
        "để tổng hợp, báo cáo Thường trực {{ committee }}./.",
    )
    end.paragraph_format.first_line_indent = Cm(1)
    _p(doc, "")
    t = doc.add_table(rows=1, cols=2)
    left, right = t.rows[0].cells
    left.paragraphs[0].text = ""
    _p(left, "Nơi nhận:", bold=True, italic=True, size=12)
    _p(left, "- Như trên,", size=11)
    _p(left, "- Thường trực {{ committee }} (để b/c),", size=11)
    _p(left, "- Lưu Văn phòng.", size=11)
    right.paragraphs[0].text = ""
    _p(right, "{{ signer_title }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _p(right, "")
    _p(right, "")
    _p(right, "{{ signer_name }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    doc.save(LETTERS / "reminder_letter.docx")


def rating_evidence() -> None:
    doc = _doc()
    _header(doc, "", "")
    _p(doc, "")
    _p(
        doc,
        "MINH CHỨNG PHỤC VỤ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _p(doc, "{{ unit }} — {{ period }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _p(
        doc,
        "(Số liệu đến ngày {{ as_of }}{{ status_note }})",
        italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _p(doc, "")
    _rows_table(doc, ["Nội dung", "Số liệu"], ["{{ r.label }}", "{{ r.value }}"])
    _p(doc, "")
    _p(doc, "Mức xếp loại theo Quy định 366-QĐ/TW (để tham khảo):", bold=True)
    _rows_table(doc, ["Mức", "Điều kiện"], ["{{ r.label }}", "{{ r.value }}"])
    # the second table loops over "levels": docxtpl reads the tags in order
    doc.tables[-1].rows[1].cells[0].text = "{%tr for r in levels %}"
    _p(doc, "")
    _p(
        doc,
        "Văn phòng tổng hợp minh chứng; việc đánh giá, xếp loại do cấp có thẩm quyền quyết định.",
        italic=True,
        size=12,
    )
    doc.save(HERE / "rating_evidence.docx")


if __name__ == "__main__":
    reminder_letter()
    rating_evidence()
    print("templates written to", HERE)
