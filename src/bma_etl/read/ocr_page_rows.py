"""A scanned table's row that a page break cut: the two parts made one row again.

Stage: read (after the OCR'd pages are put in order, :mod:`.page_order`). A word
processor prints a ruled table across pages by cutting a tall row where the page
ends: the row's first lines stand at the foot of page N (its number, the first
lines of each cell), and the rest of the cells that wrapped stand at the top of page
N+1, closed by rules of their own, with the first column empty (``๑ | โครงการจัดทำ
แผนที่ภาษี | ๒๑๒,๕๐๐,๐๐๐.- บาท | ส่วนแผนที่ฯ`` / `` | และทะเบียนทรัพย์สิน… | | ``).
OCR reads each page alone (:func:`~.ocr_layout.page_layout` makes each ruled row
one line of tab-separated cells), so the rest is a line of its own on the next
page, and whoever reads the table's rows from lines glues it to the row's last
cell (the name's rest on the unit). A text layer's cut row is joined by
:mod:`.pdf_breaks` from the rules and the room each cell's last line leaves; an
OCR'd page keeps only its text, and the join is told from the cells:

- page N's last line of text and page N+1's first are rows of one table (as many
  tab-separated cells, three or more), the second's first cell empty;
- each cell the second fills, the first fills too (a cell goes on only where it
  wrapped: its text starts at the row's top), and a cell the first fills is empty
  in the second (a next row whose number OCR lost fills every other cell);
- no cell of the second opens the item after the one the same cell of the first
  holds (``๒. โครงการ…`` under ``๑. โครงการ…``: the routine list's next item).

Each cell's two parts are joined as a cell's wrapped lines are
(:func:`~.pdf_tables.join_pieces`); the joined row stands on page N, and the line
it came from is left out of page N+1, its words (:class:`~.ocr_layout.OcrWord`)
moved with it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.read.pdf_tables import join_pieces

if TYPE_CHECKING:
    from bma_etl.read.ocr_layout import OcrWord
    from bma_etl.read.pdf import PdfPage

#: Least cells of a row that a page break may cut (a number and two columns).
MIN_CELLS = 3
#: A list item's number opening a cell (``2.``, ``๓.``), Arabic or Thai digits.
_ITEM = re.compile(r"\s*([0-9\u0e50-\u0e59]{1,3})[.)]")


def rows_across_pages(pages: list[PdfPage]) -> list[PdfPage]:
    """``pages`` with each OCR'd table row a page break cut made one row again.

    Pages in reading order; only two OCR'd pages in a row are looked at (see the
    module docstring). Returns a new list; the pages themselves are not changed.
    """
    out = list(pages)
    for n in range(1, len(out)):
        if out[n - 1].ocr and out[n].ocr:
            joined = _joined(out[n - 1], out[n])
            if joined is not None:
                out[n - 1], out[n] = joined
    return out


def goes_on(row: list[str], part: list[str]) -> bool:
    """Whether ``part`` (a page's first row, its cells) is the rest of ``row`` (cut by the page).

    >>> goes_on(["๑", "โครงการจัดทำ", "๕๐๐ บาท", "ส่วนแผนที่ฯ"], ["", "แผนที่ภาษี", "", ""])
    True
    >>> goes_on(["๑", "โครงการจัดทำ", "๕๐๐ บาท", "ส่วน"], ["", "โครงการสำรวจ", "๗๐ บาท", "ส่วน"])
    False
    >>> goes_on(["๑", "ด้านบริหาร", "๑. โครงการก", "๑๐ บาท"], ["", "", "๒. โครงการข", "๒๐ บาท"])
    False
    """
    if len(row) != len(part) or len(row) < MIN_CELLS or part[0].strip():
        return False
    pairs = list(zip(row[1:], part[1:], strict=True))
    if not any(b.strip() for _, b in pairs) or any(b.strip() and not a.strip() for a, b in pairs):
        return False
    if not any(a.strip() and not b.strip() for a, b in pairs):
        return False  # every cell goes on: a next row whose number was lost
    return not any(_next_item(a, b) for a, b in pairs)


def _next_item(above: str, below: str) -> bool:
    """Whether ``below`` opens the list item after the one ``above`` opens."""
    mine, theirs = _ITEM.match(above), _ITEM.match(below)
    return mine is not None and theirs is not None and \
        int(to_arabic_digits(theirs[1])) == int(to_arabic_digits(mine[1])) + 1


def _joined(before: PdfPage, after: PdfPage) -> tuple[PdfPage, PdfPage] | None:
    """The two pages with the row cut between them joined on ``before``, or None."""
    above, below = before.text.split("\n"), after.text.split("\n")
    last = next((k for k in range(len(above) - 1, -1, -1) if above[k].strip()), None)
    first = next((k for k, line in enumerate(below) if line.strip()), None)
    if last is None or first is None:
        return None
    row, part = above[last].split("\t"), below[first].split("\t")
    if not goes_on(row, part):
        return None
    row_at = sum(len(line) + 1 for line in above[:last])  # where the line starts on its page
    part_at = sum(len(line) + 1 for line in below[:first])
    new: dict[tuple[int, int], int] = {}  # (page 0/1, offset on it) -> offset on ``before``
    text = ""
    at_row, at_part = row_at, part_at
    for k, (a, b) in enumerate(zip(row, part, strict=True)):
        if k:
            text += "\t"
        a_lead, b_lead = len(a) - len(a.lstrip()), len(b) - len(b.lstrip())
        a_body, b_body = a.strip(), b.strip()
        cell = join_pieces(a_body, b_body) if b_body else a
        if b_body and not cell.endswith(b_body):
            cell = f"{a_body} {b_body}"  # (never seen: join_pieces keeps both whole)
        start = row_at + len(text)
        if b_body:
            for i in range(len(a_body)):
                new[0, at_row + a_lead + i] = start + i
            for i in range(len(b_body)):
                new[1, at_part + b_lead + i] = start + len(cell) - len(b_body) + i
        else:
            for i in range(len(a)):
                new[0, at_row + i] = start + i
        text += cell
        at_row += len(a) + 1
        at_part += len(b) + 1
    grown = len(text) - len(above[last])
    end_row = row_at + len(above[last])
    moved: list[OcrWord] = []
    for w in before.words:
        if w.start >= end_row:
            moved.append(w.at(w.start + grown))
        elif w.start >= row_at:
            moved.append(w.at(new.get((0, w.start), w.start)))
        else:
            moved.append(w)
    end_part = part_at + len(below[first])
    cut = len(below[first]) + (1 if first + 1 < len(below) else 0)
    kept: list[OcrWord] = []
    for w in after.words:
        if part_at <= w.start < end_part:
            if (1, w.start) in new:
                moved.append(w.at(new[1, w.start]))
        elif w.start >= end_part:
            kept.append(w.at(w.start - cut))
        else:
            kept.append(w)
    moved.sort(key=lambda w: w.start)
    above[last] = text
    del below[first]
    return (replace(before, text="\n".join(above), words=tuple(moved)),
            replace(after, text="\n".join(below), words=tuple(kept)))
