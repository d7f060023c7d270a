"""A legacy form's head fields set side by side: two ``label : value`` pairs on one line.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_progress_form`, not a
layout). Consumes one logical line of the form's head (sections 1.1, 1.2, 1.6);
produces the line cut into one line per pair (:func:`side_by_side`). Never raises.

Some forms set their head as a two-column grid: ``รหัสโครงการ : 09020000-5521`` and
``ปีงบประมาณ พ.ศ. : 2566`` on one line, in one table row (the reader gives the cells
tab-separated) or spaced apart in a text file. A label the form knows, with its
separator, after a gap (a tab, or two spaces or more) starts a new field: the value
before it ends at the gap.

Others set it as a table with no separator at all: a label cell, then its value
cell (``รหัสโครงการ... ⇥ 50240000-7713 ⇥ ปีงบประมาณ พ.ศ. ⇥ 2567``), in a ruled grid
(fpdf2, Chromium, LibreOffice) or a Word table. A cell that is a label the form
knows, whole, is that label (:func:`label_cell`); its value is the next cell, and an
empty value cell (a tab right after the label's, or the label alone on its line)
states nothing: NULL.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bma_etl.layouts.base import Line
from bma_etl.matchkey import matches_key
from bma_etl.matchlabel import past_leader

__all__ = ["label_cell", "side_by_side"]

#: A gap between two pairs of one line: a tab (a cell's edge) or a run of spaces.
_GAP_RE = re.compile(r"[ \u00a0]*\t[\t \u00a0]*|[ \u00a0]{2,}")


#: What stands around a label in a cell of its own: its dots, a stray colon, spaces.
_CELL_JUNK = ".…:; \u00a0"
#: The spaces after a cell's tab, before its text.
_CELL_SPACES_RE = re.compile(r"[ \u00a0]*")


def label_cell(text: str, labels: dict[str, str], alone: bool = False
               ) -> tuple[str, int] | None:
    r"""``(name, offset of the value)`` of the label ``text`` opens with in a cell of its own.

    ``text``: a line of a form's head as the reader gives a table row, cells
    tab-separated. Its first cell (up to the first tab), without its dots, is one of
    ``labels`` (label regex → name) whole, as printed or in key form; the value is
    the next cell, from just after the tab (a tab right there: the cell is empty).
    ``alone``: a line that is such a label and nothing else counts too, its value
    at the line's end (what a line after it goes on with, or nothing). None otherwise.

    >>> label_cell("รหัสโครงการ...\t0902-1\tปี\t2566", {"รหัสโครงการ": "c", "ปี": "y"})
    ('c', 15)
    >>> label_cell("รหัสโครงการ 0902-1", {"รหัสโครงการ": "c"}) is None
    True
    """
    cut = text.find("\t")
    if cut < 0 and not alone:
        return None
    cell = text[:cut] if cut >= 0 else text
    bare = cell.strip(_CELL_JUNK)
    if not bare or len(bare) > 60 or not bare[0].isalpha():
        return None
    dotted = cell.strip(" \u00a0:;")  # a label's own dots kept (``พ.ศ.``)
    for pattern, name in labels.items():
        if re.fullmatch(f"(?:{pattern})[.…]*", dotted) or matches_key(pattern, bare, full=True):
            if cut < 0:
                return name, len(text)
            spaces = _CELL_SPACES_RE.match(text, cut + 1)
            return name, past_leader(text, spaces.end() if spaces else cut + 1)
    return None


def _sliced(line: Line, a: int, b: int) -> Line:
    """``line.text[a:b]`` as a line of its own, its document offsets kept."""
    if not line.pieces:
        return Line(line.no, line.start + a, line.text[a:b])
    pieces = []
    for at, doc_at, length in line.pieces:
        lo, hi = max(a, at), min(b, at + length)
        if lo < hi:
            pieces.append((lo - a, doc_at + lo - at, hi - lo))
    start = pieces[0][1] if pieces else line.at(a)
    return Line(line.no, start, line.text[a:b], tuple(pieces) if len(pieces) > 1 else ())


def side_by_side(line: Line, first: tuple[str, int] | None,
                 label_at: Callable[[str], tuple[str, int] | None]) -> list[Line]:
    """``line`` cut before each further label its value holds, one line per pair.

    ``first``: the line's own label, ``(column, offset of its value)`` (None: no
    label, the line is returned whole). ``label_at(text)``: the same for the label
    ``text`` opens with, its separator (``:``) included, or None. A cut is made at a gap
    (:data:`_GAP_RE`) after a value's first character, before text that opens with
    such a label; at a tab (a cell's edge) also with no value before it (an empty
    value cell, ``รหัสโครงการ ⇥ ⇥ ปีงบประมาณ ⇥ 2567``). The line is returned whole
    when there is no cut.

    >>> labels = {"ปี :": ("y", 4), "รหัส :": ("c", 6)}
    >>> def label_at(text): return labels.get(text[:text.find(":") + 1])
    >>> [ln.text for ln in side_by_side(Line(1, 0, "รหัส : 0902-1    ปี : 2566"), ("c", 6),
    ...                                 label_at)]
    ['รหัส : 0902-1', 'ปี : 2566']
    """
    if first is None:
        return [line]
    out: list[Line] = []
    begin, value_at = 0, first[1]
    while True:
        cut = None
        for gap in _GAP_RE.finditer(line.text, value_at):
            empty = not line.text[value_at:gap.start()].strip()
            if empty and "\t" not in gap.group():
                continue  # no value yet: the gap is the label's own
            found = label_at(line.text[gap.end():])
            if found is not None:
                cut = gap, found
                break
        if cut is None:
            out.append(_sliced(line, begin, len(line.text)))
            return out
        gap, found = cut
        out.append(_sliced(line, begin, gap.start()))
        begin, value_at = gap.end(), gap.end() + found[1]


#: A budget's label carrying brackets before its ``:``: a date, a unit, or both
#: (``งบประมาณที่ใช้ไป (ณ วันที่ 30 ก.ย. 2566) (ล้านบาท) :``, ``งบประมาณที่ได้รับจัดสรร (บาท) :``,
#: ``งบประมาณที่เบิกจ่ายแล้ว (บาท) :``), as printed.
_BRACKETED_BUDGET_RE = re.compile(
    r"^[ \t]*งบประมาณที่(?P<which>ได้รับ(?:จัดสรร)?|ใช้ไป|เบิกจ่าย(?:ไป)?(?:แล้ว)?)"
    r"(?:[ \t]*\([^()\n]{1,30}\)){1,3}[\s.…]*[:;][ \t:]*")


def bracketed_budget(text: str) -> tuple[str, int] | None:
    """``(column, offset of the value)`` of a budget label with brackets ``text`` opens with."""
    m = _BRACKETED_BUDGET_RE.match(text)
    if m is None:
        return None
    return ("budget_allocated_thb" if m["which"].startswith("ได้รับ") else "budget_spent_thb",
            past_leader(text, m.end()))
