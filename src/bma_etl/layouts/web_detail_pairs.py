"""A detail page's fields set side by side: two or more label | value pairs in one row.

Stage: extract (a helper of :mod:`bma_etl.layouts.web_project_detail`, not a layout).
Consumes the page's lines; produces them cut one line per pair (:func:`paired_lines`).
Never raises.

Some pages (and the same page re-typed in a spreadsheet, or printed to PDF) set the
detail table four cells wide, ``รหัสโครงการ ⇥ 11040000-3402 ⇥ ปี ⇥ 2567``: the reader
gives the cells tab-separated, and the first value ran on with the next pair
(``…ซอยลาดพร้าว 101 หน่วยงาน สำนักการระบายน้ำ`` stored as the name). Others put the
label and its value in one cell, one above the other (``<b>label</b><br>value``): a
row of two such cells reads ``รหัสโครงการ`` / ``11040000-3402 ⇥ ปี`` / ``2567``.

A cell that is one of the page's labels whole (:data:`CELL_LABELS`, as printed or in
key form) starts a new pair: the line is cut at the tab before it, the way the legacy
form's head is read (:func:`~bma_etl.layouts.legacy_head_pairs.side_by_side`). A
label left alone on its line (:func:`label_alone`) takes the next line as its value,
when that line holds no label; an empty value cell states nothing (NULL).
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Line
from bma_etl.layouts.legacy_head_pairs import label_cell, side_by_side
from bma_etl.layouts.web_detail_fields import PROJECT_LABELS
from bma_etl.layouts.web_detail_months import MONTH_LINE_RE

__all__ = ["CELL_LABELS", "group_head", "label_alone", "paired_lines"]

#: The fiscal year's label: in its own cell no year need follow it on the line.
_YEAR_LABEL = r"ปี(?:งบประมาณ)?(?:\s*พ\.ศ\.)?"
#: :data:`~.web_detail_fields.PROJECT_LABELS` as whole cells (label regex → column).
CELL_LABELS: dict[str, str] = {
    (_YEAR_LABEL if column == "fiscal_year_be" else label): column
    for label, column in PROJECT_LABELS.items()
}


#: A month's label and its number whole in a cell (``ผลงานเดือนที่ 7``), its value next,
#: or its value spaced in the cell too (``ผลงานเดือนที่ 7 100``: a page setting its months
#: as cards, four a row).
_MONTH_CELL = re.compile(rf"{MONTH_LINE_RE.pattern}[0-9\u0e50-\u0e59]{{1,2}}"
                         r"(?P<value>[ ]+[0-9\u0e50-\u0e59]+(?:\.[0-9\u0e50-\u0e59]+)?[ ]*%?)?"
                         r"[ ]*(?:\t|$)")


def _label_at(text: str) -> tuple[str, int] | None:
    month = _MONTH_CELL.match(text)
    if month is not None:  # ``ผลงานเดือนที่ 1 ⇥ 0 ⇥ ผลงานเดือนที่ 7 ⇥ 52``: a month a line
        if month.group("value") is None and text[month.end() - 1:month.end()] == "\t" \
                and _MONTH_CELL.match(text[month.end():]):
            return "month", month.end() - 1  # a card not reported yet, the next card beside
        return "month", _month_end(month)
    return label_cell(text, CELL_LABELS, alone=True)


def _month_pair(text: str) -> tuple[str, int] | None:
    r"""A month cell and its value cell (or a month cell holding its value) opening ``text``.

    None too for a month grid's head row (``ผลงานเดือนที่ 1 ⇥ ผลงานเดือนที่ 2 ⇥ …``: its
    values on the row below); an empty value cell is a value cell.

    >>> _month_pair("ผลงานเดือนที่ 9\t\tผลงานเดือนที่ 10\t")
    ('month', 16)
    >>> _month_pair("ผลงานเดือนที่ 1\tผลงานเดือนที่ 2") is None
    True
    >>> _month_pair("ผลงานเดือนที่ 1 5\tผลงานเดือนที่ 2 5")
    ('month', 17)
    """
    month = _MONTH_CELL.match(text)
    rest = text[month.end():] if month is not None else ""
    if month is None or (not rest.startswith("\t") and _MONTH_CELL.match(rest)
                         and month.group("value") is None):
        return None
    return "month", _month_end(month)


def _month_end(month: re.Match[str]) -> int:
    """Where a month cell's value starts: past the cell, or at its own value's end."""
    return month.end("value") if month.group("value") is not None else month.end()


def label_alone(text: str) -> str | None:
    """The column of the label ``text`` is, whole and alone on its line, or None.

    >>> label_alone("ปี"), label_alone(" Policy ID "), label_alone("ปี 2567")
    ('fiscal_year_be', 'policy_id', None)
    """
    if "\t" in text.strip():
        return None
    found = label_cell(text.strip(), CELL_LABELS, alone=True)
    return found[0] if found is not None else None


def group_head(text: str) -> bool:
    r"""Whether ``text`` is a cell and an empty one: a group's header over the rows below.

    The reader gives a header cell spanning the rows of a group so (``ระยะเวลา ⇥``
    over ``Start Date ⇥ …`` and ``Finish Date ⇥ …``; :mod:`bma_etl.read.html_render`):
    no value of its own, and no more of the value above it.

    >>> group_head("x\t"), group_head("x\ty"), group_head("x")
    (True, False, False)
    """
    cells = text.strip(" ").split("\t")
    return len(cells) == 2 and bool(cells[0].strip()) and not cells[1].strip()


def paired_lines(lines: list[Line]) -> list[Line]:
    r"""``lines`` with each line of cells cut before every cell that is a label whole.

    ``lines``: a detail page's lines in order. Only a line with a tab (a cell's edge)
    is cut: one that opens with a label (``ชื่อโครงการ ⇥ … ⇥ หน่วยงาน ⇥ …``), or a
    value and a label alone (``11040000-3402 ⇥ ปี``); a row of other cells (a history
    table's column titles ``วันที่ ⇥ เวลา ⇥ … ⇥ เป้าหมาย ⇥ …``) is left whole. Each
    piece keeps its document offsets and its line number.

    >>> [ln.text for ln in paired_lines([Line(1, 0, "Policy ID\t12\tBranch ID\t2210"),
    ...                                  Line(2, 28, "12\tปี"),
    ...                                  Line(3, 35, "ผลงานเดือนที่ 1\t0\tผลงานเดือนที่ 7\t")])]
    ['Policy ID\t12', 'Branch ID\t2210', '12', 'ปี', 'ผลงานเดือนที่ 1\t0', 'ผลงานเดือนที่ 7\t']
    """
    out: list[Line] = []
    for line in lines:
        if "\t" not in line.text.strip():
            out.append(line)
            continue
        first = label_cell(line.text, CELL_LABELS) or _month_pair(line.text)
        if first is None and line.text.strip().count("\t") == 1:
            first = ("", 0)  # ``value ⇥ label``: a value, the next cell's label under it
        out.extend(side_by_side(line, first, _label_at))
    return out
