"""A project page restyled with group headers spanning rows and months two pairs a row.

The restyled page heads its budget rows with one cell spanning them (``<th rowspan=3>
งบประมาณ</th>`` beside ``งบฯ ที่ได้รับ (บาท) | 3,645,000`` and the two rows below) and
its dates likewise (``ระยะเวลา`` over ``Start Date`` / ``Finish Date``), and sets the
monthly results two label | value pairs a row (months 1-6 down the left, 7-12 down the
right; or 1 | 2, 3 | 4 ...). Read as one line a row, the group header stood before the
budget's label (``งบประมาณ ⇥ งบฯ ที่ได้รับ (บาท) ⇥ 3,645,000``: no known label, the
budget lost), ``ระยะเวลา ⇥ Start Date ⇥ …`` ran on with the agency above it (the start
date lost) and no month was read (``ผลงานเดือนที่ 1 ⇥ 0 ⇥ ผลงานเดือนที่ 7 ⇥ 52``).

Project pages generated from known values (bench/corpus ``project_detail``), restyled
here; the truth is the generated project and its months, in month order.
"""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

import pytest

from corpus import web
from read_back import assert_read_as_generated

TABLES = ["projects", "monthly_progress"]
_FIELD_ROW = re.compile(r'    <tr><th width="22%">(.*?)</th><td>(.*?)</td></tr>\n')
_MONTH_ROW = re.compile(r'    <tr><td>(ผลงานเดือนที่ [^<]*)</td><td align="right">(.*?)</td></tr>\n')
#: Group headers: the first label of the group → (header, rows it spans).
_GROUPS = {"งบฯ ที่ได้รับ (บาท)": ("งบประมาณ", 3), "Start Date": ("ระยะเวลา", 2)}


def _grouped(doc: web.GeneratedDoc, months: str) -> web.GeneratedDoc:
    """``doc`` with group headers spanning rows and its months two pairs a row.

    ``months``: ``down`` (1-6 left, 7-12 right) or ``across`` (1 | 2, 3 | 4 ...).
    """
    assert doc.html is not None
    page = doc.html
    for label, (head, span) in _GROUPS.items():
        row = re.search(rf'    <tr><th width="22%">{re.escape(label)}</th>', page)
        assert row is not None, label
        page = page.replace(row.group(), f"    <tr><th rowspan={span}>{head}</th><th>{label}</th>")
    page = re.sub(r'<th width="22%">(.*?)</th><td>', r'<th colspan=2>\1</th><td>', page)
    cells = _MONTH_ROW.findall(page)
    assert len(cells) == 12
    half = len(cells) // 2
    rows = ([(cells[i], cells[i + half]) for i in range(half)] if months == "down"
            else [(cells[i], cells[i + 1]) for i in range(0, len(cells), 2)])
    paired = "".join(f"    <tr>{''.join(f'<th>{k}</th><td>{v}</td>' for k, v in row)}</tr>\n"
                     for row in rows)
    at = page.index(_MONTH_ROW.search(page).group())  # type: ignore[union-attr]
    page = _MONTH_ROW.sub("", page)
    doc.html = page[:at] + paired + page[at:]
    lines = doc.text.split("\n")
    glued = [html.unescape(k + v) for k, v in cells]
    where = [i for i, line in enumerate(lines) if line in glued]
    tabbed = ["\t".join(html.unescape(c) for pair in row for c in pair) for row in rows]
    doc.text = "\n".join(lines[:where[0]] + tabbed + lines[where[-1] + 1:])
    return doc


def _page(k: int, months: str) -> web.GeneratedDoc:
    return _grouped(web.project_detail(random.Random(f"rowspan-groups-{k}")), months)


@pytest.mark.parametrize(("k", "months"), [(0, "down"), (1, "down"), (2, "across"),
                                           (3, "across")])
def test_group_headers_and_month_pairs_in_a_saved_page(k: int, months: str,
                                                       tmp_path: Path) -> None:
    doc = _page(k, months)
    path = tmp_path / "page.html"
    path.write_bytes(doc.html_bytes())
    assert_read_as_generated(path, doc.truth, tables=TABLES)


@pytest.mark.parametrize("k", range(2))
def test_month_pairs_a_row_in_a_text_file(k: int, tmp_path: Path) -> None:
    """A spreadsheet's copy: ``ผลงานเดือนที่ 1 ⇥ 0 ⇥ ผลงานเดือนที่ 2 ⇥ 6`` a row."""
    doc = _page(k, "across")
    path = tmp_path / "page.txt"
    path.write_text(doc.text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=TABLES)
