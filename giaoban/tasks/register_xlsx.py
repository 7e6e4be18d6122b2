"""The register as an Excel workbook, ready to print, and the same layout read back.

Export: openpyxl's write-only mode (rows go to a temporary file as they come: memory stays
flat for a province's ~90,000 rows); A4 landscape, fit to the page width, header rows
repeated on every printed page, column widths and wrapping set, deadlines as real dates.

Import: see ``read_register`` — the file must have the register's header row; every row is
checked and reported, nothing is saved by this module.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from giaoban.core.text import fold
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


def write_register(
    rows: Iterable[RegisterRow], *, committee: str, as_of: date, out: IO[bytes] | None = None
) -> IO[bytes]:
    """Write the workbook to ``out`` (a temporary file by default) and return it, rewound."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("So theo doi")
    for i, (_key, _title, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
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
    for r in rows:
        ws.append(
            [
                _cell(ws, r.stt, align=CENTER),
                _cell(ws, r.source),
                _cell(ws, r.text),
                _cell(ws, "\n".join(r.lead)),
                _cell(ws, "\n".join(r.coordinating)),
                _cell(ws, r.deadline, fmt="DD/MM/YYYY", align=CENTER)
                if r.deadline
                else _cell(ws, STANDING, align=CENTER),
                _cell(ws, r.result),
                _cell(ws, r.note),
            ]
        )
    out = out or tempfile.TemporaryFile()
    wb.save(out)
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
