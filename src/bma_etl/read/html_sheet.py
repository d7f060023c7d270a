"""Find a spreadsheet's row and column headings in a table saved as a web page.

Stage: read (a helper of :mod:`bma_etl.read.html`). A sheet saved as a web page
(Google Sheets' "Web page" download, a sheet published with its headings) writes
the sheet's own headings into the table as if they were cells: a first row of the
column letters (``A``, ``B``, ``C``... over an empty corner cell) and, opening every
row, a cell holding the sheet's row number (``<th class="row-headers-background">
7</th>``). Read as text, every line then began with a number and a row of letters
stood over the document: no heading of the document was a line of its own and a
plan was quarantined (``no heading สรุปโครงการและงบประมาณ``).

What marks them, whatever program wrote the page (no class name is relied on):

- the table's first row that shows text holds an empty first cell, then two
  column letters or more (``A``... ``Z``, ``AA``...) rising from left to right
  (a hidden column leaves a gap);
- in every row under it that shows text, the first cell holds a whole number
  (Arabic digits), rising from row to row (a hidden row leaves a gap), and spans
  one row and one column.

Only both together are a sheet's headings: a table headed by letters alone, or
numbered in its first column alone (a ``ลำดับที่`` column), is the document's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from bs4 import BeautifulSoup
from bs4.element import Tag

__all__ = ["drop_sheet_headings", "sheet_headings"]

_CELL_TAGS = ("td", "th")
_SECTIONS = ("thead", "tbody", "tfoot")
_LETTERS = re.compile(r"[A-Z]{1,3}")
_ROW_NUMBER = re.compile(r"[1-9][0-9]{0,6}")
#: Fewest column letters that make a row of a sheet's column headings.
_LETTERS_MIN = 2


def _rows(table: Tag) -> Iterator[Tag]:
    """The table's own rows (not a nested table's), in order."""
    for child in table.children:
        if not isinstance(child, Tag):
            continue
        if child.name == "tr":
            yield child
        elif child.name in _SECTIONS:
            yield from (row for row in child.children
                        if isinstance(row, Tag) and row.name == "tr")


def _cells(row: Tag) -> list[Tag]:
    return [cell for cell in row.children if isinstance(cell, Tag) and cell.name in _CELL_TAGS]


def _text(cell: Tag) -> str:
    return " ".join(cell.get_text(" ").split())


def _column(letters: str) -> int:
    """``A`` → 1, ``Z`` → 26, ``AA`` → 27: a sheet's column letters as its number."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _rising(numbers: list[int]) -> bool:
    return all(a < b for a, b in pairwise(numbers))


def _spans_one(cell: Tag) -> bool:
    return all(str(cell.get(attr) or "1").strip() in ("", "1") for attr in ("rowspan", "colspan"))


def sheet_headings(table: Tag) -> list[Tag]:
    """The cells of a sheet's column-letter row and row-number column in ``table``, or [].

    ``table`` is a parsed ``<table>``; its nested tables are not looked in. The
    list holds the whole letter row (a ``<tr>``) and each row's number cell.

    >>> page = BeautifulSoup("<table><tr><th></th><th>A</th><th>B</th></tr>"
    ...     "<tr><th>1</th><td>x</td><td>y</td></tr>"
    ...     "<tr><th>2</th><td></td><td>z</td></tr></table>", "html.parser")
    >>> [_text(tag) or tag.name for tag in sheet_headings(page.table)]
    ['A B', '1', '2']
    >>> page = BeautifulSoup("<table><tr><th>ลำดับ</th><th>ชื่อ</th></tr>"
    ...     "<tr><td>1</td><td>x</td></tr><tr><td>2</td><td>y</td></tr></table>", "html.parser")
    >>> sheet_headings(page.table)
    []
    """
    shown = [(row, _cells(row)) for row in _rows(table)]
    shown = [(row, cells) for row, cells in shown if any(_text(cell) for cell in cells)]
    if len(shown) < 2:
        return []
    (head, letters), body = shown[0], shown[1:]
    if len(letters) < _LETTERS_MIN + 1 or _text(letters[0]) \
            or not all(_LETTERS.fullmatch(_text(cell)) for cell in letters[1:]) \
            or not _rising([_column(_text(cell)) for cell in letters[1:]]):
        return []
    numbers: list[int] = []
    for _, cells in body:
        first = _text(cells[0]) if cells else ""
        if not _ROW_NUMBER.fullmatch(first) or not _spans_one(cells[0]):
            return []
        numbers.append(int(first))
    if not _rising(numbers):
        return []
    return [head] + [cells[0] for _, cells in body]


def drop_sheet_headings(soup: BeautifulSoup | Tag) -> int:
    """Remove every table's sheet headings (:func:`sheet_headings`) from ``soup``.

    The rows that only held a row number (an empty row of the sheet) keep their
    empty cells, which render as no line. Returns how many tables had them.
    """
    found = 0
    for table in soup.find_all("table"):
        if not isinstance(table, Tag):
            continue
        cells = sheet_headings(table)
        for cell in cells:
            cell.decompose()
        found += bool(cells)
    return found
