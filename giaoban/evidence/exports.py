"""Exports of the ranking and of the rating evidence: XLSX (openpyxl), DOCX (docxtpl on an
editable Word template) and PDF (LibreOffice, converting the XLSX or DOCX)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from giaoban.documents.sheets import print_a4_landscape

FONT = "Times New Roman"
THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


class PdfUnavailable(Exception):
    pass


def table_xlsx(
    title: str, subtitle: str, headers: list[str], rows: list[list], widths: list[int]
) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Bang"
    last = get_column_letter(len(headers))
    ws.append([title])
    ws.merge_cells(f"A1:{last}1")
    ws.append([subtitle])
    ws.merge_cells(f"A2:{last}2")
    ws.append([])
    ws.append(headers)
    for r in rows:
        ws.append(r)
    for cell in (ws["A1"], ws["A2"]):
        cell.alignment = Alignment(horizontal="center")
        cell.font = Font(name=FONT, bold=cell.row == 1, size=14 if cell.row == 1 else 12)
    for row in ws.iter_rows(min_row=4):
        for c in row:
            c.border = BORDER
            c.font = Font(name=FONT, bold=c.row == 4, size=12)
            c.alignment = Alignment(
                wrap_text=True, vertical="top", horizontal="center" if c.row == 4 else None
            )
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    print_a4_landscape(ws, title_rows="4:4")
    with tempfile.TemporaryFile() as fh:
        wb.save(fh)
        fh.seek(0)
        return fh.read()


def to_pdf(data: bytes, suffix: str, timeout: int = 120) -> bytes:
    """Convert an office document to PDF with LibreOffice (soffice), in a private profile so
    conversions can run side by side."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise PdfUnavailable("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"document{suffix}"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"
        cmd = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(src),
        ]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)
        except (subprocess.SubprocessError, OSError) as exc:
            raise PdfUnavailable(f"LibreOffice could not convert the document: {exc}") from exc
        out = Path(tmp) / "document.pdf"
        if not out.exists():
            raise PdfUnavailable("LibreOffice produced no PDF")
        return out.read_bytes()


def table_docx(title: str, subtitle: str, headers: list[str], rows: list[list]) -> bytes:
    """The same table as a landscape A4 Word document (LibreOffice Writer makes the PDF)."""
    import io

    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(12)
    for text, bold in ((title, True), (subtitle, False)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.bold = bold
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, h in zip(table.rows[0].cells, headers, strict=True):
        cell.text = h
        for r in cell.paragraphs[0].runs:
            r.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
