"""Write the default Word template of the synthesis report (run once; the .docx is committed).

    .venv/bin/python giaoban/reports/docx/make_template.py

An office replaces it with its own (same Jinja tags) by pointing the setting
GIAOBAN_SYNTHESIS_TEMPLATE at the file. Layout after Hướng dẫn 36-HD/VPTW:
Times New Roman 14, the committee's name top left, "ĐẢNG CỘNG SẢN VIỆT NAM"
top right, the place and date under it, the title centred.
"""

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

OUT = Path(__file__).with_name("synthesis.docx")


def _widths(table, cm: list[float]) -> None:
    """Column widths (the text width of A4 with these margins is 16 cm) and 12 pt text in the
    table: Word and LibreOffice otherwise share the width equally, and a unit's name or a
    document number wraps to one word per line."""
    table.autofit = False
    for column, width in zip(table.columns, cm):
        column.width = Cm(width)  # the grid LibreOffice lays the table out by
    for row in table.rows:
        for cell, width in zip(row.cells, cm):
            cell.width = Cm(width)
            for para in cell.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(12)


def main() -> None:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    for section in doc.sections:
        section.left_margin, section.right_margin = Cm(3), Cm(2)
        section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    # Hướng dẫn 36-HD/VPTW: the body above ("ĐẢNG BỘ TỈNH ĐỒNG NAI", left out when unknown),
    # the issuing office in bold ("VĂN PHÒNG TỈNH ỦY"), a star under it
    left.paragraphs[0].text = "{%p if parent_name %}"
    left.add_paragraph().add_run("{{ parent_name }}")
    left.add_paragraph("{%p endif %}")
    p = left.add_paragraph()
    p.add_run("{{ issuer }}").bold = True
    left.add_paragraph("*")
    right.paragraphs[0].add_run("ĐẢNG CỘNG SẢN VIỆT NAM").bold = True
    right.add_paragraph().add_run("{{ place_date }}").italic = True
    for cell in (left, right):
        for para in cell.paragraphs:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("BÁO CÁO TỔNG HỢP").bold = True
    sub = doc.add_paragraph()
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.add_run("{{ title }}").bold = True

    doc.add_paragraph().add_run("I. TÌNH HÌNH GỬI BÁO CÁO").bold = True
    doc.add_paragraph("{{ completeness_text }}")
    t = doc.add_table(rows=4, cols=6)
    t.style = "Table Grid"
    for cell, text in zip(
        t.rows[0].cells, ["TT", "Đơn vị", "Ngày gửi", "Đánh giá", "Trạng thái", "Văn bản"]
    ):
        cell.paragraphs[0].add_run(text).bold = True
    t.rows[1].cells[0].text = "{%tr for r in completeness %}"
    for cell, text in zip(
        t.rows[2].cells,
        [
            "{{ r.n }}",
            "{{ r.unit }}",
            "{{ r.sent }}",
            "{{r r.status }}",
            "{{ r.state }}",
            "{{ r.doc }}",
        ],
    ):
        cell.text = text
    t.rows[3].cells[0].text = "{%tr endfor %}"
    _widths(t, [0.9, 4.3, 2.5, 2.3, 2.2, 3.8])

    doc.add_paragraph().add_run("II. NỘI DUNG BÁO CÁO CỦA CÁC ĐƠN VỊ").bold = True
    doc.add_paragraph("{%p for s in sections %}")
    doc.add_paragraph().add_run("{{ s.number }}. {{ s.title }}").bold = True
    doc.add_paragraph("{%p for u in s.units %}")
    p = doc.add_paragraph()
    p.add_run("{{ u.unit }}: ").italic = True
    p.add_run("{{ u.text }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p if not s.units %}")
    doc.add_paragraph("(Không có đơn vị nào báo cáo nội dung này.)")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")

    doc.add_paragraph().add_run("III. KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO").bold = True
    doc.add_paragraph("{{ task_text }}")
    t = doc.add_table(rows=4, cols=3)
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, ["Tình trạng", "Số lượt", "Tỷ lệ"]):
        cell.paragraphs[0].add_run(text).bold = True
    t.rows[1].cells[0].text = "{%tr for r in task_stats %}"
    for cell, text in zip(t.rows[2].cells, ["{{ r.label }}", "{{ r.count }}", "{{ r.share }}"]):
        cell.text = text
    t.rows[3].cells[0].text = "{%tr endfor %}"
    _widths(t, [9.0, 3.5, 3.5])

    doc.add_paragraph().add_run("IV. THỰC HIỆN CÁC CHỈ TIÊU").bold = True
    doc.add_paragraph("{{ indicator_text }}")
    t = doc.add_table(rows=4, cols=6)
    t.style = "Table Grid"
    for cell, text in zip(
        t.rows[0].cells, ["Mã", "Chỉ tiêu", "Kế hoạch năm", "Thực hiện", "Đạt (%)", "Đánh giá"]
    ):
        cell.paragraphs[0].add_run(text).bold = True
    t.rows[1].cells[0].text = "{%tr for r in indicators %}"
    for cell, text in zip(
        t.rows[2].cells,
        [
            "{{ r.code }}",
            "{{ r.name }}",
            "{{ r.target }}",
            "{{ r.actual }}",
            "{{ r.share }}",
            "{{r r.mark }}",
        ],
    ):
        cell.text = text
    t.rows[3].cells[0].text = "{%tr endfor %}"
    _widths(t, [1.5, 5.5, 2.2, 2.2, 1.8, 2.8])

    doc.add_paragraph().add_run("V. KIẾN NGHỊ, ĐỀ XUẤT CỦA CÁC ĐƠN VỊ").bold = True
    doc.add_paragraph("{%p for r in recommendations %}")
    p = doc.add_paragraph()
    p.add_run("{{ r.n }}. {{ r.unit }}: ").italic = True
    p.add_run("{{ r.text }} ({{ r.state }}{% if r.answer %}; trả lời: {{ r.answer }}{% endif %})")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p if not recommendations %}")
    doc.add_paragraph("Không có kiến nghị.")
    doc.add_paragraph("{%p endif %}")
    end = doc.add_paragraph()
    end.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    end.add_run("VĂN PHÒNG").bold = True
    doc.save(OUT)
    print(OUT)


if __name__ == "__main__":
    main()
