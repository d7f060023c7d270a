"""A spreadsheet saved as tab-separated text with its text cells in quotes.

Stage: read. LibreOffice Calc's and Excel's "Text (tab-delimited)" export writes
each text cell in double quotes (``"ชื่อโครงการ :"⇥"โครงการ…"``), numbers bare,
a quote inside a cell doubled (``""``), a cell holding a line break over two
lines, and every row padded with empty cells to the sheet's width. Read as
printed, no label matched (each starts with ``"``) and the file was quarantined.
:func:`unquoted_cells` gives the text the way the project's text files print a
table: the cells' texts set apart by tabs, a row's trailing empty cells left off.
The standard library's :mod:`csv` reads the cells.
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
        return None
    try:
        cells = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t", quotechar='"',
                                doublequote=True, strict=True))
    except csv.Error:
        return None
    out = []
    for row in cells:
        while row and not row[-1].strip():
            row.pop()
        out.append("\t".join(cell.replace("\r\n", "\n") for cell in row))
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")
