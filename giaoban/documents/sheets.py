"""Worksheets the office prints: the page setup every exported XLSX shares (openpyxl)."""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.worksheet import Worksheet


def print_a4_landscape(ws: Any, *, title_rows: str) -> None:
    """A4 landscape, fitted to the page width (as many pages down as needed), centred, narrow
    side margins, ``title_rows`` (e.g. "4:5") repeated on every page. Works on write-only
    sheets too (set before the first row is written)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.print_title_rows = title_rows
