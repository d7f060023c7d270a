"""Rows written as an Excel workbook (XLSX) with XlsxWriter.

Stage: none (after load); :mod:`bma_etl.exports` feeds it. One sheet: a bold,
frozen header row with a filter, then one row per result row, streamed
(XlsxWriter's ``constant_memory``), so memory does not grow with the rows.

- Text is written as text (a value starting with ``=`` is never a formula), Thai
  intact; numbers and DECIMALs as numbers (a DECIMAL's scale as its number
  format: ``#,##0.00``), DATE and TIMESTAMP as Excel dates (``yyyy-mm-dd``,
  ``yyyy-mm-dd hh:mm:ss``), BOOLEAN as TRUE/FALSE, NULL as an empty cell.
- Columns are as wide as their widest value (Thai vowel and tone marks take no
  width), at most :data:`MAX_WIDTH` characters.
- A result of more rows than one sheet holds (:data:`MAX_ROWS`, the header
  included), or a value longer than a cell holds (:data:`MAX_CELL`), is refused
  with :class:`~bma_etl.errors.UsageError` naming what to do, rather than split
  over sheets or cut: a spreadsheet that silently lacks rows misleads.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from bma_etl.errors import UsageError

#: Rows in one Excel sheet, the header row included (Excel's own limit).
MAX_ROWS = 1_048_576
#: Characters (UTF-16 code units) in one Excel cell.
MAX_CELL = 32_767
#: The widest a column is made, in characters of Excel's default font.
MAX_WIDTH = 60

_DECIMAL = re.compile(r"DECIMAL\((\d+),(\d+)\)")
#: Characters that take no width of their own: Thai vowels above and below, tone
#: marks, and zero-width characters.
_NO_WIDTH = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200b-\u200d\u0300-\u036f]")


def display_width(text: str) -> int:
    r"""Characters ``text`` takes on its widest line, marks that stack not counted.

    >>> display_width("สำนักงานเขต")
    10
    >>> display_width("ab\nabcd")
    4
    """
    return max((len(_NO_WIDTH.sub("", line)) for line in text.splitlines()), default=0)


def number_format(kind: str) -> str | None:
    """The Excel number format for a DuckDB column type, or None for the default.

    >>> number_format("DECIMAL(18,2)"), number_format("DATE"), number_format("INTEGER")
    ('#,##0.00', 'yyyy-mm-dd', None)
    """
    if found := _DECIMAL.fullmatch(kind):
        scale = int(found[2])
        return "#,##0" + ("." + "0" * scale if scale else "")
    if kind == "DATE":
        return "yyyy-mm-dd"
    if kind.startswith("TIMESTAMP"):
        return "yyyy-mm-dd hh:mm:ss"
    if kind == "TIME":
        return "hh:mm:ss"
    return None


def check_rows(count: int, what: str) -> None:
    """Raise :class:`UsageError` when ``count`` rows and a header do not fit one sheet."""
    if count + 1 > MAX_ROWS:
        raise UsageError(
            f"{what} has {count:,} rows; an Excel sheet holds {MAX_ROWS - 1:,} below its "
            "header: write csv or parquet, or select fewer rows (bma-etl sql QUERY --out "
            "FILE.xlsx)", stage="export")


def write_xlsx(path: Path, columns: Sequence[tuple[str, str]],
               batches: Iterable[Sequence[Sequence[Any]]], count: int, sheet: str, what: str,
               tmpdir: Path) -> int:
    """Write ``columns`` (name, DuckDB type) and the rows of ``batches`` to ``path``.

    ``count`` is the number of rows the batches will give (checked first with
    :func:`check_rows`, and again as rows arrive); ``sheet`` names the sheet
    (at most 31 characters), ``what`` the rows in messages; XlsxWriter keeps its
    temporary files in ``tmpdir``. List values must already be joined into text.
    Returns the number of rows written. Raises :class:`UsageError` for too many
    rows or a value longer than :data:`MAX_CELL`.
    """
    import xlsxwriter

    check_rows(count, what)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "tmpdir": str(tmpdir),
                                           "nan_inf_to_errors": True})
    ws = book.add_worksheet(sheet[:31])
    header = book.add_format({"bold": True})
    formats = [book.add_format({"num_format": f}) if (f := number_format(kind)) else None
               for _, kind in columns]
    scales = [int(m[2]) if (m := _DECIMAL.fullmatch(kind)) else None for _, kind in columns]
    # Room for the header's filter button.
    widths = [display_width(name) + 2 for name, _ in columns]
    for col, (name, _) in enumerate(columns):
        ws.write_string(0, col, name, header)
    row = 0
    for batch in batches:
        for values in batch:
            row += 1
            if row >= MAX_ROWS:
                check_rows(row, what)
            for col, value in enumerate(values):
                if value is None:
                    continue
                width = _write_cell(ws, row, col, value, formats[col], scales[col], widths[col])
                if width < 0:
                    raise UsageError(
                        f"{what}: row {row}, column {columns[col][0]} holds "
                        f"{len(str(value)):,} characters; an Excel cell holds at most "
                        f"{MAX_CELL:,}: write csv, parquet or json instead", stage="export")
                widths[col] = max(widths[col], width)
    for col, width in enumerate(widths):
        ws.set_column(col, col, min(width, MAX_WIDTH) + 1)
    ws.freeze_panes(1, 0)
    if columns:
        ws.autofilter(0, 0, row, len(columns) - 1)
    book.close()
    return row


def _write_cell(ws: Any, row: int, col: int, value: Any, fmt: Any, scale: int | None,
                known: int) -> int:
    """Write one value; return how many characters it shows, -1 when too long for a cell.

    A text's width is measured only when it may be wider than ``known`` (the
    column's width so far), since its length bounds its width.
    """
    if isinstance(value, bool):
        ws.write_boolean(row, col, value)
        return 5
    if isinstance(value, int | float | Decimal):
        ws.write_number(row, col, float(value), fmt)
        if scale is not None:
            return len(f"{value:,.{scale}f}")
        return min(len(str(value)), 15)
    if isinstance(value, dt.datetime | dt.date) and value.year < 1900:
        value = value.isoformat()  # before Excel's first date: kept as text
    elif isinstance(value, dt.datetime):
        ws.write_datetime(row, col, value, fmt)
        return 19
    elif isinstance(value, dt.date | dt.time):
        ws.write_datetime(row, col, value, fmt)
        return 10
    text = value if isinstance(value, str) else str(value)
    if ws.write_string(row, col, text) == -2:
        return -1
    return display_width(text) if len(text) > known else 0
