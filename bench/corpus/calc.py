"""Print a generated document as a spreadsheet, the way offices keep a form in Calc.

One line of the document is one row of the sheet: a tab or pipe row gives one cell
per column (the report label in A, the update in B, the two flags in C and D), a
``label : value`` line its label in A and its value in B (the colon kept with the
label or with the value), and any other line (a heading, a paragraph) one cell in A
that runs across the row (merged over the sheet's columns, wrapped when long).
Column widths come from the content (the longest cell, capped), the long update
cells wrap inside their column. LibreOffice Calc prints the sheet
(``soffice --convert-to pdf``):

- ``soffice-calc``: page set-up "fit to width" (``fitToWidth=1``, ``fitToHeight=0``):
  the whole width of the sheet shrunk onto the page, a wide sheet's text down to
  5-6 pt, the cell grid printed (grid lines or cell borders) or not.
- ``soffice-calc-pages``: no page set-up: the columns that do not fit the page go
  to later pages ("down, then over"; ``order: over`` in the settings prints
  "over, then down").
"""

from __future__ import annotations

import random
import re
import tempfile
from pathlib import Path

from corpus.doc import GeneratedDoc
from corpus.render import _soffice, blocks

#: How the cell grid is printed: Calc's grid lines, thin cell borders, or nothing.
GRIDS = ("lines", "borders", "none")
_LABEL = re.compile(r"^(?P<label>[^:|\t]{2,60}?)\s+:\s+(?P<value>\S.*)$")


def sheet_rows(doc: GeneratedDoc, colon: str = "label") -> list[list[str]]:
    """The document's lines as rows of cells (see the module's description).

    ``colon``: ``label`` keeps a ``label : value`` line's colon in the label cell
    (``"ชื่อโครงการ/กิจกรรม :"``), ``value`` in the value cell (``": โครงการ..."``).
    Empty lines stay empty rows.

    >>> from corpus.doc import GeneratedDoc
    >>> d = GeneratedDoc("x", "l", "ปี : 2566\\nหัวข้อ\\na\\tb", {})
    >>> sheet_rows(d)
    [['ปี :', '2566'], ['หัวข้อ'], ['a', 'b']]
    """
    rows: list[list[str]] = []
    for kind, cells in blocks(doc.text):
        if kind != "p":
            rows += [list(r) for r in cells]
            continue
        line = cells[0][0].strip()
        match = _LABEL.match(line)
        if match and not line.startswith("**"):
            label, value = match["label"].strip(), match["value"].strip()
            rows.append([f"{label} :", value] if colon == "label" else [label, f": {value}"])
        else:
            rows.append([line] if line else [])
    return rows


def calc_settings(rng: random.Random, *, fit: bool) -> dict[str, str]:
    """Settings of one print: ``fit`` (``yes``: fit to width), ``grid`` (:data:`GRIDS`),
    ``pt`` (10-14, before Calc shrinks it), ``colon`` (see :func:`sheet_rows`),
    ``cap`` (the widest column, characters), ``orientation`` and ``valign`` (the cells'
    vertical alignment: ``bottom``, Calc's default, puts a one-line label beside the
    last line of its wrapped value, or ``top``; ``split``, never drawn: labels at the
    foot, values at the top of a ``label : value`` row; ``rows: one``, never drawn:
    every row one line tall, its text wrapped or not)."""
    return {"fit": "yes" if fit else "no", "grid": rng.choice(GRIDS),
            "pt": str(rng.choice((10, 11, 12, 14))), "colon": rng.choice(("label", "value")),
            "cap": str(rng.choice((60, 120, 250))),
            "orientation": rng.choice(("portrait", "portrait", "landscape")),
            "valign": rng.choice(("bottom", "bottom", "top"))}


def write_sheet(doc: GeneratedDoc, out: Path, font: str, settings: dict[str, str]) -> None:
    """The document as an ``.xlsx`` sheet (openpyxl) with the page set-up of ``settings``
    (:func:`calc_settings`): A4, every cell in ``font`` at ``pt`` points."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    rows = sheet_rows(doc, settings.get("colon", "label"))
    columns = max((len(r) for r in rows), default=1)
    cap = int(settings.get("cap", "90"))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    style = Font(name=font, size=int(settings.get("pt", "12")))
    thin = Side(style="thin")
    boxed = settings.get("grid") == "borders"
    widths = [4] * columns
    for row in rows:
        if len(row) > 1:
            for j, text in enumerate(row):
                widths[j] = min(cap, max(widths[j], len(text) + 2))
    pt = int(settings.get("pt", "12"))
    single = max((len(r[0]) for r in rows if len(r) == 1), default=0)
    if columns <= 2:  # a sheet of labels and values is widened to its longest line (capped)
        widths[-1] += max(0, min(cap, single) - sum(widths))
    for i, row in enumerate(rows, start=1):
        # a wrapped cell's lines, generously (Calc keeps the height saved, and a merged
        # cell's never grows; a width unit is a digit of 11 pt Calibri, a Thai letter wider)
        room = [sum(widths)] if len(row) == 1 else widths
        lines = max((-(-len(text) * pt * 13 // (max(room[j] - 1, 1) * 110))
                     for j, text in enumerate(row)), default=1)
        if settings.get("rows") == "one":  # every row one line tall, as a sheet's default
            lines = 1
        sheet.row_dimensions[i].height = max(1, lines) * pt * 2.0 + 2  # Garuda: 1.9 em
        for j, text in enumerate(row, start=1):
            cell = sheet.cell(row=i, column=j, value=text)
            cell.font = style
            valign = settings.get("valign", "bottom")
            if valign == "split":  # a label at the cell's foot, its value at the top
                valign = "top" if j > 1 and len(row) == 2 else "bottom"
            cell.alignment = Alignment(vertical=valign,
                                       wrap_text=len(text) > widths[j - 1])
            if boxed:
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        if len(row) == 1 and columns > 1 and len(row[0]) > widths[0]:
            sheet.merge_cells(start_row=i, start_column=1, end_row=i, end_column=columns)
    for j, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(j)].width = width
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = settings.get("orientation", "portrait")
    if settings.get("order") == "over":  # "over, then down" (Calc's default: down, then over)
        sheet.page_setup.pageOrder = "overThenDown"
    if settings.get("fit") == "yes":
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
    sheet.print_options.gridLines = settings.get("grid") == "lines"
    book.save(str(out))


def render_calc_batch(jobs: list[tuple[GeneratedDoc, Path, str, dict[str, str]]]
                      ) -> dict[Path, str]:
    """Write each ``(doc, out, font, settings)`` as a sheet and print it to ``out`` with
    LibreOffice Calc (one run for all). Returns the failures."""
    with tempfile.TemporaryDirectory(prefix="bma-calc-") as tmp:
        sources = []
        for doc, out, font, settings in jobs:
            source = Path(tmp) / f"{out.stem}.xlsx"
            write_sheet(doc, source, font, settings)
            sources.append(str(source))
        return _soffice(tmp, sources, [job[1] for job in jobs], "--convert-to", "pdf")
