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

from bma_etl.layouts.base import Line
from bma_etl.layouts.legacy_head_pairs import label_cell, side_by_side
from bma_etl.layouts.web_detail_fields import PROJECT_LABELS

__all__ = ["CELL_LABELS", "label_alone", "paired_lines"]

#: The fiscal year's label: in its own cell no year need follow it on the line.
_YEAR_LABEL = r"ปี(?:งบประมาณ)?(?:\s*พ\.ศ\.)?"
#: :data:`~.web_detail_fields.PROJECT_LABELS` as whole cells (label regex → column).
CELL_LABELS: dict[str, str] = {
    (_YEAR_LABEL if column == "fiscal_year_be" else label): column
    for label, column in PROJECT_LABELS.items()
}


def _label_at(text: str) -> tuple[str, int] | None:
    return label_cell(text, CELL_LABELS, alone=True)


def label_alone(text: str) -> str | None:
    """The column of the label ``text`` is, whole and alone on its line, or None.

    >>> label_alone("ปี"), label_alone(" Policy ID "), label_alone("ปี 2567")
    ('fiscal_year_be', 'policy_id', None)
    """
    if "\t" in text.strip():
        return None
    found = label_cell(text.strip(), CELL_LABELS, alone=True)
    return found[0] if found is not None else None


def paired_lines(lines: list[Line]) -> list[Line]:
    r"""``lines`` with each line of cells cut before every cell that is a label whole.

    ``lines``: a detail page's lines in order. Only a line with a tab (a cell's edge)
    is cut: one that opens with a label (``ชื่อโครงการ ⇥ … ⇥ หน่วยงาน ⇥ …``), or a
    value and a label alone (``11040000-3402 ⇥ ปี``); a row of other cells (a history
    table's column titles ``วันที่ ⇥ เวลา ⇥ … ⇥ เป้าหมาย ⇥ …``) is left whole. Each
    piece keeps its document offsets and its line number.

    >>> [ln.text for ln in paired_lines([Line(1, 0, "Policy ID\t12\tBranch ID\t2210"),
    ...                                  Line(2, 28, "12\tปี")])]
    ['Policy ID\t12', 'Branch ID\t2210', '12', 'ปี']
    """
    out: list[Line] = []
    for line in lines:
        if "\t" not in line.text.strip():
            out.append(line)
            continue
        first = label_cell(line.text, CELL_LABELS)
        if first is None and line.text.strip().count("\t") == 1:
            first = ("", 0)  # ``value ⇥ label``: a value, the next cell's label under it
        out.extend(side_by_side(line, first, _label_at))
    return out
