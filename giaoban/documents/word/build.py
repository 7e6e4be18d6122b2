"""Build the Word templates that ship with giaoban (run after changing the layout):

    .venv/bin/python -m giaoban.documents.word.build

The layout follows Hướng dẫn 36-HD/VPTW (2018) on Party documents: A4, margins
top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the issuing body on
the left and "ĐẢNG CỘNG SẢN VIỆT NAM" on the right of the header, the number
under the issuer, the place and date in italics under the Party's name; the
kind of document in capitals with its subject under it; the signing block on
the right and "Nơi nhận" on the left. The tags are docxtpl's (Jinja): an office
that writes its own template keeps the same names (see giaoban/documents/README.md).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def _new_document():
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    # the body starts empty (python-docx's blank document has no paragraph to remove)
    return doc


def _para(
    container,
    text: str = "",
    *,
    align=JUSTIFY,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float = 14,
    indent: bool = False,
    after: float = 0,
):
    p = container.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_after = Pt(after)
    if indent:
        p.paragraph_format.first_line_indent = Mm(12.7)
    if text:
        run = p.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        run.font.size = Pt(size)
        run.font.name = FONT
    return p


def _tag(container, tag: str):
    """A paragraph holding only a docxtpl paragraph tag ({%p … %}): removed when rendered."""
    return _para(container, tag, align=LEFT)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is not None:
        tbl_pr.remove(borders)
    table.style = None


def _header(doc, *, excerpt: bool) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(75), Mm(90)
    left.paragraphs[0].text = ""
    _tag(left, "{%p if header.issuer_parent %}")
    _para(left, "{{ header.issuer_parent }}", align=CENTER)
    _tag(left, "{%p endif %}")
    _para(left, "{{ header.issuer }}", align=CENTER, bold=True)
    _para(left, "*", align=CENTER)
    _para(left, "{{ header.number_line }}", align=CENTER)
    if excerpt:
        _tag(left, "{%p if header.excerpt %}")
        _para(left, "{{ header.excerpt }}", align=CENTER, italic=True, size=12)
        _tag(left, "{%p endif %}")
    left._tc.remove(left.paragraphs[0]._p)
    p = right.paragraphs[0]
    p.alignment = CENTER
    run = p.add_run("ĐẢNG CỘNG SẢN VIỆT NAM")
    run.bold, run.underline = True, True
    run.font.size = Pt(15)
    _para(right, "", align=CENTER)
    _para(right, "{{ header.place_date }}", align=CENTER, italic=True)


def _body(doc) -> None:
    _tag(doc, "{%p for para in opening %}")
    _para(doc, "{{ para }}", indent=True, after=6)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p for s in sections %}")
    _tag(doc, "{%p if s.heading %}")
    _para(doc, "{{ s.heading }}", bold=True, indent=True, after=6)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for para in s.paragraphs %}")
    _para(doc, "{{ para }}", indent=True, after=6)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p for it in s['items'] %}")
    _para(doc, "{{ it.label }} {{ it.text }}", indent=True, after=6)
    _tag(doc, "{%p for line in it.lines %}")
    _para(doc, "{{ line }}", indent=True, after=6)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if s.table %}")
    _para(doc, "{{ s.table_doc }}", align=LEFT)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p for para in closing %}")
    _para(doc, "{{ para }}", indent=True, after=6)
    _tag(doc, "{%p endfor %}")


def _signing(doc) -> None:
    _para(doc, "")
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(85), Mm(80)
    p = left.paragraphs[0]
    run = p.add_run("Nơi nhận:")
    run.bold, run.italic, run.underline = True, True, True
    run.font.size = Pt(12)
    _tag(left, "{%p for r in recipients %}")
    _para(left, "{{ r }}", align=LEFT, size=12)
    _tag(left, "{%p endfor %}")
    right.paragraphs[0].text = ""
    _tag(right, "{%p for line in signature.formula %}")
    _para(right, "{{ line }}", align=CENTER, bold=True)
    _tag(right, "{%p endfor %}")
    for _ in range(4):
        _para(right, "", align=CENTER)
    _para(right, "{{ signature.name }}", align=CENTER, bold=True)
    right._tc.remove(right.paragraphs[0]._p)


def build_official(path: Path, *, excerpt: bool) -> None:
    doc = _new_document()
    _header(doc, excerpt=excerpt)
    _para(doc, "")
    _tag(doc, "{%p if kind_title %}")
    _para(doc, "{{ kind_title }}", align=CENTER, bold=True, size=16)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if title %}")
    _para(doc, "{{ title }}", align=CENTER, bold=True)
    _para(doc, "-----", align=CENTER, after=6)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for a in addressees %}")
    _para(doc, "{% if loop.first %}Kính gửi: {% endif %}{{ a }}", align=CENTER, after=6)
    _tag(doc, "{%p endfor %}")
    _body(doc)
    _signing(doc)
    doc.save(path)


def build_minutes(path: Path) -> None:
    doc = _new_document()
    _header(doc, excerpt=False)
    _para(doc, "")
    _para(doc, "BIÊN BẢN", align=CENTER, bold=True, size=16)
    _para(doc, "{{ title }}", align=CENTER, bold=True)
    _para(doc, "-----", align=CENTER, after=6)
    _tag(doc, "{%p for para in opening %}")
    _para(doc, "{{ para }}", indent=True, after=6)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if chairs %}")
    _para(doc, "Chủ trì:", bold=True, indent=True)
    _tag(doc, "{%p for c in chairs %}")
    _para(doc, "- Đồng chí {{ c.name }}{% if c.title %}, {{ c.title }}{% endif %}", indent=True)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if participants %}")
    _para(doc, "Thành phần tham dự:", bold=True, indent=True)
    _tag(doc, "{%p for c in participants %}")
    _para(
        doc,
        "- {{ c.name }}{% if c.title %}, {{ c.title }}{% endif %}"
        "{% if c.part %} ({{ c.part }}){% endif %}",
        indent=True,
    )
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if absent %}")
    _para(doc, "Vắng mặt:", bold=True, indent=True)
    _tag(doc, "{%p for c in absent %}")
    _para(doc, "- {{ c.name }}{% if c.part %} ({{ c.part }}){% endif %}", indent=True)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if connection_points %}")
    _para(doc, "Các điểm cầu:", bold=True, indent=True)
    _tag(doc, "{%p for c in connection_points %}")
    _para(doc, "- {{ c }}", indent=True)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p if agenda %}")
    _para(doc, "Nội dung hội nghị:", bold=True, indent=True)
    _tag(doc, "{%p for a in agenda %}")
    _para(doc, "{{ loop.index }}. {{ a }}", indent=True)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _para(doc, "Diễn biến hội nghị:", bold=True, indent=True)
    _tag(doc, "{%p for para in body %}")
    _para(doc, "{{ para }}", indent=True, after=6)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p for para in closing %}")
    _para(doc, "{{ para }}", indent=True, after=6)
    _tag(doc, "{%p endfor %}")
    _para(doc, "")
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    for cell, role, person in zip(
        table.rows[0].cells, ("THƯ KÝ", "CHỦ TRÌ"), ("secretary", "chair")
    ):
        cell.paragraphs[0].text = ""
        _para(cell, role, align=CENTER, bold=True)
        _tag(cell, "{%p if " + person + ".title %}")
        _para(cell, "{{ " + person + ".title|upper }}", align=CENTER, bold=True)
        _tag(cell, "{%p endif %}")
        for _ in range(4):
            _para(cell, "", align=CENTER)
        _para(cell, "{{ " + person + ".name }}", align=CENTER, bold=True)
        cell._tc.remove(cell.paragraphs[0]._p)
    doc.save(path)


def main() -> None:
    build_official(HERE / "notice.docx", excerpt=False)
    build_official(HERE / "official.docx", excerpt=True)
    build_minutes(HERE / "minutes.docx")
    print(f"templates written to {HERE}")


if __name__ == "__main__":
    main()
