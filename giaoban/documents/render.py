"""DOCX from a Word template (docxtpl), PDF from DOCX (headless LibreOffice).

Nothing here knows about Django models: the callers pass the dataclasses of
``giaoban.documents.types`` and, when an office has uploaded its own, the
template's bytes.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

from giaoban.documents.types import MinutesDocument, OfficialDocument

WORD_DIR = Path(__file__).resolve().parent / "word"
#: the templates that ship with giaoban, by kind; an office may replace each one
DEFAULT_TEMPLATES = {
    "notice": WORD_DIR / "notice.docx",
    "official": WORD_DIR / "official.docx",
    "minutes": WORD_DIR / "minutes.docx",
}
PDF_TIMEOUT_SECONDS = 120


class DocumentError(Exception):
    """A document could not be produced; ``str(exc)`` is a message for the user."""


class TemplateError(DocumentError):
    """The Word template is not a valid template (not a DOCX, or its tags are broken)."""


class PdfUnavailable(DocumentError):
    """LibreOffice is not installed (or failed): the PDF cannot be made here."""


def default_template(kind: str) -> bytes:
    try:
        return DEFAULT_TEMPLATES[kind].read_bytes()
    except KeyError:
        raise ValueError(f"unknown template kind {kind!r}") from None


def _official_context(doc: OfficialDocument) -> dict[str, Any]:
    ctx = asdict(doc)
    ctx["header"]["number_line"] = doc.header.number_line
    ctx["header"]["place_date"] = doc.header.place_date
    return ctx


def _minutes_context(doc: MinutesDocument) -> dict[str, Any]:
    ctx = asdict(doc)
    ctx["header"]["number_line"] = doc.header.number_line
    ctx["header"]["place_date"] = doc.header.place_date
    return ctx


def context_for(doc: OfficialDocument | MinutesDocument) -> dict[str, Any]:
    """The template context of a document: its fields as nested dicts and lists.

    Besides the dataclass fields, ``header.number_line`` ("Số 123-TB/TU") and
    ``header.place_date`` ("Đồng Nai, ngày 28 tháng 11 năm 2023") are ready-made.
    """
    if isinstance(doc, MinutesDocument):
        return _minutes_context(doc)
    return _official_context(doc)


TABLE_MARK = "[[giaoban-table-%d]]"


def _mark_tables(ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """Each section's table is shown by a marker paragraph ({{ s.table_doc }}) that is replaced
    by a real Word table after rendering (docxtpl's sub-documents need an extra library)."""
    tables: list[dict[str, Any]] = []
    for section in ctx.get("sections", []):
        section["table_doc"] = ""
        if section.get("table"):
            section["table_doc"] = TABLE_MARK % len(tables)
            tables.append(section["table"])
    return tables


def _insert_tables(data: bytes, tables: list[dict[str, Any]]) -> bytes:
    if not tables:
        return data
    from docx import Document
    from docx.shared import Pt

    doc = Document(io.BytesIO(data))
    for paragraph in list(doc.paragraphs):
        text = paragraph.text.strip()
        for i, table in enumerate(tables):
            if text != TABLE_MARK % i:
                continue
            grid = doc.add_table(rows=1, cols=len(table["columns"]))
            grid.style = "Table Grid"
            rows = [(table["columns"], True)] + [(r, False) for r in table["rows"]]
            for n, (values, bold) in enumerate(rows):
                cells = grid.rows[0].cells if n == 0 else grid.add_row().cells
                for cell, value in zip(cells, values):
                    cell.text = str(value)
                    for run in cell.paragraphs[0].runs:
                        run.bold = bold
                        run.font.size = Pt(12)
            paragraph._p.addnext(grid._tbl)
            if table.get("title"):
                paragraph.text = table["title"]
                paragraph.runs[0].bold = True
            else:
                paragraph._p.getparent().remove(paragraph._p)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render_docx(
    doc: OfficialDocument | MinutesDocument, *, kind: str, template: bytes | None = None
) -> bytes:
    """The DOCX of ``doc`` from the template of ``kind`` (or the given template bytes).

    Raises ``TemplateError`` with a clear message when the template is not a
    DOCX or its tags cannot be rendered.
    """
    return render_template(template or default_template(kind), context_for(doc))


def render_template(template: bytes, ctx: dict[str, Any]) -> bytes:
    """Render raw template bytes with a context (for callers with their own shapes)."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError as JinjaError

    try:
        tpl = DocxTemplate(io.BytesIO(template))
        tpl.init_docx()
    except Exception as exc:  # zipfile.BadZipFile, KeyError, lxml errors: not a DOCX
        raise TemplateError(
            "Tệp mẫu không phải là tài liệu Word (.docx) hợp lệ. "
            "/ The template is not a valid Word (.docx) document."
        ) from exc
    ctx = dict(ctx)
    tables = _mark_tables(ctx)
    try:
        tpl.render(ctx, autoescape=True)
    except JinjaError as exc:
        line = getattr(exc, "lineno", None)
        where = f" (dòng/line {line})" if line else ""
        raise TemplateError(
            f"Mẫu văn bản có thẻ sai{where}: {exc}. / The template has a broken tag{where}: {exc}."
        ) from exc
    except Exception as exc:  # docxtpl raises plain errors on malformed XML around tags
        raise TemplateError(
            f"Không dựng được văn bản từ mẫu: {exc}. / The template could not be rendered: {exc}."
        ) from exc
    out = io.BytesIO()
    tpl.save(out)
    return _insert_tables(out.getvalue(), tables)


# -- PDF ------------------------------------------------------------------------------------

_pdf_lock = threading.Lock()


def soffice_path() -> str | None:
    return os.environ.get("GIAOBAN_SOFFICE") or shutil.which("soffice")


def pdf_unavailable_reason() -> str | None:
    """None when PDFs can be made here, else why not (shown next to the PDF link)."""
    if soffice_path() is None:
        return (
            "Máy chủ chưa cài LibreOffice nên chưa tạo được bản PDF (cài gói "
            "libreoffice-writer-nogui). / LibreOffice is not installed on the server, so no PDF "
            "can be made (install libreoffice-writer-nogui)."
        )
    return None


def _profile_dir() -> Path:
    # one LibreOffice profile per process: two instances cannot share one profile
    return Path(tempfile.gettempdir()) / f"giaoban-soffice-{os.getuid()}-{os.getpid()}"


def convert(data: bytes, *, source_suffix: str, target: str) -> bytes:
    """Convert a document with headless LibreOffice (``target``: 'pdf', 'txt:Text' …)."""
    binary = soffice_path()
    if binary is None:
        raise PdfUnavailable(pdf_unavailable_reason())
    with _pdf_lock, tempfile.TemporaryDirectory(prefix="giaoban-doc-") as tmp:
        src = Path(tmp) / f"document{source_suffix}"
        src.write_bytes(data)
        outdir = Path(tmp) / "out"
        cmd = [
            binary,
            f"-env:UserInstallation={_profile_dir().as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(src),
        ]
        try:
            subprocess.run(
                cmd, capture_output=True, timeout=PDF_TIMEOUT_SECONDS, check=False, cwd=tmp
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfUnavailable(
                f"LibreOffice không chuyển được văn bản ({exc}). / LibreOffice failed ({exc})."
            ) from exc
        produced = sorted(outdir.glob("document.*")) if outdir.is_dir() else []
        if not produced:
            raise PdfUnavailable(
                "LibreOffice không tạo được tệp kết quả. / LibreOffice produced no file."
            )
        return produced[0].read_bytes()


def docx_to_pdf(docx: bytes) -> bytes:
    """The PDF of a DOCX; raises ``PdfUnavailable`` (with the reason) when it cannot."""
    pdf = convert(docx, source_suffix=".docx", target="pdf")
    if not pdf.startswith(b"%PDF"):
        raise PdfUnavailable("LibreOffice trả về tệp không phải PDF. / LibreOffice gave no PDF.")
    return pdf
