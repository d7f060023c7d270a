"""A spreadsheet saved as tab-separated text with its text cells in quotes.

Stage: read. LibreOffice Calc's and Excel's "Text (tab-delimited)" export writes
each text cell in double quotes (``"ชื่อโครงการ :"⇥"โครงการ…"``), numbers bare,
a quote inside a cell doubled (``""``), a cell holding a line break over two
lines, and every row padded with empty cells to the sheet's width. Read as
printed, no label matched (each starts with ``"``) and the file was quarantined.
:func:`unquoted_cells` gives the text the way the project's text files print a
table: the cells' texts set apart by tabs, a row's trailing empty cells left off,
a row on one line (a cell's line breaks read as :func:`_one_line` reads them).
The standard library's :mod:`csv` reads the cells.

A table copied through a spreadsheet into a text that is not all sheet (an action
plan's prose around its tab tables, a detail page's ``label⇥value`` rows) quotes
only the cells it must: one holding a line break (``"ลำดับ⏎ที่"``), a tab or a quote
(``""``). Read as written, two quoted header cells hid the plan's budget table and a
detail page's objectives kept the quote marks. :func:`unquoted_cells` reads such a
cell where it stands (its quotes taken off, ``""`` read as ``"``), a cell being one
that begins a line or follows a tab, ends a line or comes before a tab, and has a
tab on one side; the text around it is left as written, its row set on one line
the same way.
"""

from __future__ import annotations

import csv
import io
import re

__all__ = ["unquoted_cells"]

#: A cell: in quotes (a doubled quote and line breaks inside), or bare and free of quotes.
_CELL = r'(?:"(?:[^"]|"")*"|[^\t"\r\n]*)'
#: A whole export: rows of tab-separated cells, each row ending at a line break.
_SHEET = re.compile(rf"(?:{_CELL}(?:\t{_CELL})*(?:\r?\n|\Z))*")
#: Share of the non-blank rows that must hold a quoted cell for the text to be an export.
_QUOTED_SHARE = 0.3
#: A row's last cell of more lines is a text of its own, its lines kept (:func:`_one_line`).
MAX_CELL_LINES = 3
#: A quoted cell where it stands: after a line's start or a tab, before a tab or line end.
_QUOTED_CELL = re.compile(r'(?<![^\t\n])"((?:[^"]|"")*)"(?=[\t\r\n]|\Z)')


def unquoted_cells(text: str) -> str | None:
    r"""``text`` with its quoted tab cells read, or None when it is no such export.

    >>> unquoted_cells('"รหัสโครงการ :"\t"50140000-7215"\t\t\n"ปี"\t2567\t\t\n')
    'รหัสโครงการ :\t50140000-7215\nปี\t2567\n'
    >>> unquoted_cells('ชื่อโครงการ : "สวนสาธารณะ" ระยะที่ 2\n') is None
    True
    """
    if '"' not in text:
        return None
    # The share of quoted rows first: it is cheap, and most texts with a quote fail it;
    # the whole text's match against :data:`_SHEET` costs a text file's reading twice over.
    lines = [line for line in text.split("\n") if line.strip()]
    if sum(1 for line in lines if line.startswith('"') or '\t"' in line) < _QUOTED_SHARE * len(
            lines) or not _SHEET.fullmatch(text):
        return _cells_read(text)
    try:
        cells = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t", quotechar='"',
                                doublequote=True, strict=True))
    except csv.Error:
        return None
    out = []
    for row in cells:
        while row and not row[-1].strip():
            row.pop()
        out.append("\t".join(_one_line(cell.replace("\r\n", "\n"), k == len(row) - 1)
                             for k, cell in enumerate(row)))
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def _one_line(cell: str, last: bool = False) -> str:
    r"""A cell's text set in its row: a row is one line of cells.

    A cell another cell follows loses its line breaks: nothing between Thai
    letters, a space between words (:func:`bma_etl.rows.separator`, as a page's
    wrap is read). The row's ``last`` cell may run on below its row as a value
    does: it keeps its lines when it holds more than :data:`MAX_CELL_LINES` (a
    text of its own: a chat message carrying a page); else (a header or a name
    broken to fit its column, a short list) only its breaks before a line that
    starts something of its own (an item, a label) stay, the others go as above
    (:func:`bma_etl.unwrap.wrap_break`).

    >>> _one_line("ลำดับ\nที่"), _one_line("Policy\nID")
    ('ลำดับที่', 'Policy ID')
    >>> _one_line("ส่วนราชการ\nที่รับผิดชอบ", True), _one_line("1. ก\n2. ข", True)
    ('ส่วนราชการที่รับผิดชอบ', '1. ก\n2. ข')
    >>> _one_line("ก\nข\nค\nง", True)
    'ก\nข\nค\nง'
    """
    if "\n" not in cell or (last and cell.count("\n") >= MAX_CELL_LINES):
        return cell
    from bma_etl.rows import separator
    from bma_etl.unwrap import wrap_break

    first, *lines = cell.split("\n")
    for line in lines:
        first += (wrap_break(first, line) if last else separator(first, line)) + line
    return first


def _cell(m: re.Match[str]) -> str:
    """The text of the quoted cell ``m`` matched, or the match as written when it is none.

    A cell is quoted by a spreadsheet because it holds a line break, a tab or a
    quote, and stands beside a tab (another cell of its row); it is set in its row
    by :func:`_one_line`, the last when no cell with text follows it.
    """
    inner, start, end = m.group(1), m.start(), m.end()
    text = m.string
    beside_tab = (start > 0 and text[start - 1] == "\t") or text.startswith("\t", end)
    if not beside_tab or not any(c in inner for c in ("\n", "\t", '""')):
        return m.group()
    line_end = text.find("\n", end)
    last = not text[end:line_end if line_end >= 0 else None].strip()
    return _one_line(inner.replace('""', '"').replace("\r\n", "\n"), last)


def _cells_read(text: str) -> str | None:
    r"""``text`` with the quoted cells it holds among other text read, or None if none.

    >>> _cells_read('ตาราง\n"ลำดับ\nที่"\tชื่อ\n1\tก\nเขา "ว่า"\n')
    'ตาราง\nลำดับที่\tชื่อ\n1\tก\nเขา "ว่า"\n'
    >>> _cells_read('"ข้อความ\nสองบรรทัด"\n') is None
    True
    """
    read = _QUOTED_CELL.sub(_cell, text)
    return read if read != text else None
