"""The register as an Excel workbook, ready to print, and the same layout read back.

Export: openpyxl's write-only mode (rows go to a temporary file as they come: memory stays
flat for a province's ~90,000 rows); A4 landscape, fit to the page width, header rows
repeated on every printed page, column widths and wrapping set, deadlines as real dates.

Import: see ``read_register`` — the file must have the register's header row; every row is
checked and reported, nothing is saved by this module.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from giaoban.core.text import fold
from giaoban.documents.sheets import print_a4_landscape
from giaoban.tasks.register import ALL_UNITS, COLUMNS, STANDING, TITLE, RegisterRow

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
HEADER_ROW = 4  # rows 4 (titles) and 5 (column numbers) repeat on every printed page
MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024


def _cell(ws, value, *, bold=False, align=WRAP, border=True, fmt=None, size=12):
    """A write-only cell in one of the register's few styles. Each style is registered with the
    workbook once and copied to every cell after (setting font, alignment and border on each
    of a province's 700,000 cells was most of the export's time)."""
    styles = ws.parent.__dict__.setdefault("_register_styles", {})
    key = (bold, id(align), border, fmt, size)
    template = styles.get(key)
    if template is None:
        template = WriteOnlyCell(ws)
        template.font = Font(name=FONT, size=size, bold=bold)
        template.alignment = align
        if border:
            template.border = BORDER
        if fmt:
            template.number_format = fmt
        styles[key] = template
    c = WriteOnlyCell(ws, value=value)
    c._style = copy(template._style)
    return c


def _frame(committee: str, as_of: date) -> bytes:
    """The workbook openpyxl writes around the data: page setup, widths, the title and header
    rows, every style, and one sample data row (row 6) whose cells carry the data styles."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("So theo doi")
    for i, (_key, _title, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    print_a4_landscape(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW + 1}")
    ws.freeze_panes = f"A{HEADER_ROW + 2}"
    last = get_column_letter(len(COLUMNS))
    ws.merged_cells.add(f"A1:{last}1")
    ws.merged_cells.add(f"A2:{last}2")
    ws.append([_cell(ws, TITLE, bold=True, align=CENTER, border=False, size=14)])
    ws.append(
        [
            _cell(
                ws,
                f"{committee} — tính đến ngày {as_of:%d/%m/%Y}",
                align=CENTER,
                border=False,
            )
        ]
    )
    ws.append([])
    ws.append([_cell(ws, title, bold=True, align=CENTER) for _k, title, _w in COLUMNS])
    ws.append([_cell(ws, f"({i})", align=CENTER, size=10) for i in range(1, len(COLUMNS) + 1)])
    ws.append(
        [
            _cell(ws, 1, align=CENTER),
            *(_cell(ws, "x") for _ in range(4)),
            _cell(ws, date(2000, 1, 1), fmt="DD/MM/YYYY", align=CENTER),
            _cell(ws, "x"),
            _cell(ws, "x"),
        ]
    )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


SHEET = "xl/worksheets/sheet1.xml"
FIRST = HEADER_ROW + 2  # the first data row
_SAMPLE_RE = re.compile(rf'<row r="{FIRST}"[^>]*>.*?</row>', re.DOTALL)
_STYLE_RE = re.compile(rf'<c r="([A-Z]+){FIRST}" s="(\d+)"')
_EXCEL_EPOCH = date(1899, 12, 30).toordinal()


def _text(value: str) -> str:
    """A string as the XML text of an inline-string cell (escaped; characters XML cannot
    hold dropped, as openpyxl refuses them)."""
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if value != value.strip():
        return f'<is><t xml:space="preserve">{value}</t></is>'
    return f"<is><t>{value}</t></is>"


#: characters of 12 pt Times New Roman on one line of a column (Excel's width unit is about one)
_PER_LINE = {
    chr(ord("A") + i): max(4, int(width * 1.05) - 1) for i, (_k, _t, width) in enumerate(COLUMNS)
}
LINE_PT = 15.75  # the height of one line of 12 pt text
WRAPPED = ("B", "C", "D", "E", "G", "H")


def _lines(value: str, per_line: int) -> int:
    """How many lines ``value`` takes wrapped in a column of ``per_line`` characters (words
    are not cut, so a line holds a little less than ``per_line`` on average)."""
    return sum(1 + (len(part) * 11 // 10) // per_line for part in value.split("\n"))


def _data_rows(rows: Iterable[RegisterRow], styles: dict[str, str]) -> Iterator[str]:
    """The data rows of the sheet as XML, in batches: each cell refers to a style openpyxl
    registered (``styles``: column -> style id of the sample row), so the cells are those of
    the sample, with a thousand rows costing what openpyxl spends on a few.

    Each row gets the height its longest wrapped cell needs: spreadsheet programs that print
    the file as it is (LibreOffice converting to PDF) do not grow rows to their text, and the
    printed register would show the texts over one another."""
    center, wrap, day = styles["A"], styles["B"], styles["F"]
    per_line = _PER_LINE
    batch: list[str] = []
    for n, r in enumerate(rows, start=FIRST):
        texts = (
            r.source,
            r.text,
            "\n".join(r.lead),
            "\n".join(r.coordinating),
            r.result,
            r.note,
        )
        lines = max(_lines(v, per_line[col]) if v else 1 for col, v in zip(WRAPPED, texts))
        cells = [
            f'<row r="{n}" ht="{lines * LINE_PT + 2:.2f}">'
            f'<c r="A{n}" s="{center}" t="n"><v>{r.stt}</v></c>'
        ]
        for col, value in zip(WRAPPED[:4], texts[:4]):
            if value:
                cells.append(f'<c r="{col}{n}" s="{wrap}" t="inlineStr">{_text(value)}</c>')
            else:
                cells.append(f'<c r="{col}{n}" s="{wrap}"/>')
        if r.deadline:
            serial = r.deadline.toordinal() - _EXCEL_EPOCH
            cells.append(f'<c r="F{n}" s="{day}" t="n"><v>{serial}</v></c>')
        else:
            cells.append(f'<c r="F{n}" s="{center}" t="inlineStr">{_text(STANDING)}</c>')
        for col, value in zip(WRAPPED[4:], texts[4:]):
            if value:
                cells.append(f'<c r="{col}{n}" s="{wrap}" t="inlineStr">{_text(value)}</c>')
            else:
                cells.append(f'<c r="{col}{n}" s="{wrap}"/>')
        cells.append("</row>")
        batch.append("".join(cells))
        if len(batch) >= 1000:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def write_register(
    rows: Iterable[RegisterRow], *, committee: str, as_of: date, out: IO[bytes] | None = None
) -> IO[bytes]:
    """Write the workbook to ``out`` (a temporary file by default) and return it, rewound.

    openpyxl writes the frame (page setup, widths, the title and header rows, the styles) with
    one sample data row; the data rows, a province's 90,000 with 720,000 cells, are written in
    the sample row's place as the sample's cells with their own values, straight into the
    zipped sheet as the rows come (openpyxl's per-cell objects were most of the export's time).
    """
    frame = zipfile.ZipFile(io.BytesIO(_frame(committee, as_of)))
    sheet = frame.read(SHEET).decode("utf-8")
    sample = _SAMPLE_RE.search(sheet)
    assert sample is not None, "openpyxl wrote no sample row"
    styles = dict(_STYLE_RE.findall(sample.group(0)))
    out = out or tempfile.TemporaryFile()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in frame.infolist():
            if info.filename != SHEET:
                zf.writestr(info, frame.read(info.filename))
                continue
            with zf.open(SHEET, "w", force_zip64=True) as fh:
                fh.write(sheet[: sample.start()].encode("utf-8"))
                for part in _data_rows(rows, styles):
                    fh.write(part.encode("utf-8"))
                fh.write(sheet[sample.end() :].encode("utf-8"))
    out.seek(0)
    return out


# -- reading ------------------------------------------------------------------------------------


def NOT_XLSX() -> str:
    return _("The file is not an Excel workbook (.xlsx), or it is damaged.")


class RegisterFileError(Exception):
    """The file as a whole cannot be read as a register (not XLSX, wrong layout, too big)."""


@dataclass
class ImportRow:
    """One data row of the file, as written, with what was read from it and its errors."""

    line: int
    source: str = ""
    doc_number: str = ""
    doc_date: date | None = None
    item_number: str = ""
    text: str = ""
    lead: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    deadline: date | None = None
    deadline_text: str = ""
    errors: list[str] = field(default_factory=list)
    #: filled by the import service: "new", "exists" (skipped on import)
    outcome: str = ""
    #: filled by the import service: the units the row was matched to, and how many units
    #: "all units" gives it to besides them
    matched_lead: list[str] = field(default_factory=list)
    matched_coordinating: list[str] = field(default_factory=list)
    matched_all: int = 0


ITEM_RE = re.compile(r"m[uụ]c\s*([0-9]+[a-z]?(?:\.[0-9]+)*)", re.IGNORECASE)
DATE_TEXT_RE = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")


def _expected_headers() -> list[str]:
    return [fold(title) for _k, title, _w in COLUMNS]


def _find_header(ws: Worksheet) -> int:
    wanted = _expected_headers()
    for row in ws.iter_rows(min_row=1, max_row=15, max_col=len(COLUMNS)):
        texts = [fold(str(c.value or "")) for c in row]
        if texts[:1] == [wanted[0]] and texts == wanted[: len(texts)]:
            return row[0].row
    raise RegisterFileError(
        _(
            "The file does not have the register layout: it needs a header row with the columns %(cols)s."
        )
        % {"cols": "; ".join(title for _k, title, _w in COLUMNS)}
    )


def _split_units(value: object) -> list[str]:
    text = str(value or "").strip()
    if not text:
        return []
    return [p.strip(" -•\t") for p in re.split(r"[\n;]+", text) if p.strip(" -•\t")]


def _deadline(value: object, row: ImportRow) -> None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return
    if isinstance(value, datetime):
        row.deadline = value.date()
        return
    if isinstance(value, date):
        row.deadline = value
        return
    text = str(value).strip()
    row.deadline_text = text
    if fold(text) == fold(STANDING):
        return
    m = DATE_TEXT_RE.match(text)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        try:
            row.deadline = date(y, mo, d)
            return
        except ValueError:
            pass
    row.errors.append(
        _("Bad deadline “%(text)s”: write a date as dd/mm/yyyy, or “%(standing)s”.")
        % {"text": text, "standing": STANDING}
    )


def read_register(upload: IO[bytes], *, size: int | None = None) -> list[ImportRow]:
    """Read the data rows of a register workbook; row-level problems go into ``row.errors``."""
    from giaoban.core.references import parse_reference

    if size is not None and size > MAX_BYTES:
        raise RegisterFileError(
            _("The file is too large (%(kb)s KB): at most %(mb)s MB.")
            % {"kb": size // 1024, "mb": MAX_BYTES // (1024 * 1024)}
        )
    try:
        # a first, cheap look at the sheet's size (read-only mode reads the dimension only)
        quick = load_workbook(upload, read_only=True, data_only=False)
        total = quick.worksheets[0].max_row or 0
        quick.close()
        if total > MAX_ROWS + 20:
            raise RegisterFileError(
                _(
                    "The file has %(n)s rows: at most %(max)s rows per import; split it into several files."
                )
                % {"n": total, "max": MAX_ROWS}
            )
        upload.seek(0)
        wb = load_workbook(upload, data_only=False)
    except RegisterFileError:
        raise
    except (InvalidFileException, KeyError, OSError, ValueError, TypeError) as exc:
        raise RegisterFileError(NOT_XLSX()) from exc
    except Exception as exc:  # zipfile.BadZipFile and XML errors of a damaged file
        raise RegisterFileError(NOT_XLSX()) from exc
    ws = wb.worksheets[0]
    header = _find_header(ws)
    first = header + 1
    numbering = [str(c.value or "").strip() for c in ws[first][:2]]
    if numbering in (["(1)", "(2)"], ["1", "2"]):
        first += 1
    if ws.max_row - first + 1 > MAX_ROWS:
        raise RegisterFileError(
            _(
                "The file has %(n)s rows: at most %(max)s rows per import; split it into several files."
            )
            % {"n": ws.max_row - first + 1, "max": MAX_ROWS}
        )
    merged_rows: set[int] = set()
    for rng in ws.merged_cells.ranges:
        if rng.max_row >= first:
            merged_rows.update(range(max(rng.min_row, first), rng.max_row + 1))
    out: list[ImportRow] = []
    for cells in ws.iter_rows(min_row=first, max_col=len(COLUMNS)):
        values = [c.value for c in cells]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        line = cells[0].row
        row = ImportRow(line=line)
        out.append(row)
        formulas = [
            c.coordinate for c in cells if isinstance(c.value, str) and c.value.startswith("=")
        ]
        if formulas:
            row.errors.append(
                _("Cells with formulas are not accepted: %(cells)s (paste the values instead).")
                % {"cells": ", ".join(formulas)}
            )
            continue
        if line in merged_rows:
            row.errors.append(_("The row has merged cells: unmerge them and import again."))
            continue
        _stt, source, text, lead, coord, deadline = values[:6]
        row.source = str(source or "").strip()
        reference = parse_reference(row.source) if row.source else None
        if reference is None:
            row.errors.append(
                _("Missing document number and date (e.g. “90-TB/TU ngày 15/01/2026, mục 2”).")
            )
        else:
            row.doc_number = reference.number
            row.doc_date = reference.date
            if reference.date is None:
                row.errors.append(
                    _("Missing or bad date of document %(number)s (write “ngày dd/mm/yyyy”).")
                    % {"number": reference.number}
                )
            m = ITEM_RE.search(row.source)
            row.item_number = m.group(1) if m else ""
        row.text = str(text or "").strip()
        if not row.text:
            row.errors.append(_("Missing the content of the task."))
        row.lead = _split_units(lead)
        row.coordinating = _split_units(coord)
        if not row.lead and not row.coordinating:
            row.errors.append(_("Missing the lead unit (or write “%(all)s”).") % {"all": ALL_UNITS})
        _deadline(deadline, row)
    return out
