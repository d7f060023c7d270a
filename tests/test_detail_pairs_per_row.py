"""A project page whose detail table sets two label | value pairs in one row.

Some pages (and the same page re-typed in a spreadsheet) print the detail table four
cells wide, ``รหัสโครงการ | 11040000-3402 | ปี | 2567``; others put each label above
its value in one cell (``<b>label</b><br>value``), two cells a row. Read line by line,
the first value ran on with the next pair (the name stored as ``…101 หน่วยงาน
สำนักการระบายน้ำ``) and the second pair's field was lost; a label alone on its line
lost the value under it.

Project pages generated from known values (bench/corpus ``project_detail``), their
fields set two to a row, as text, as HTML and printed by Chromium; the truth is the
generated project.
"""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

import pytest

from corpus import render, web
from read_back import assert_read_as_generated
from thai_fonts import font_file

TABLE = "projects"
_FIELD_ROW = re.compile(r'    <tr><th width="22%">(.*?)</th><td>(.*?)</td></tr>\n')


def _fields(doc: web.GeneratedDoc) -> list[tuple[str, str]]:
    """The page's (label, value) cells as its HTML escapes them, in order."""
    assert doc.html is not None
    return _FIELD_ROW.findall(doc.html)


def _two_per_row(doc: web.GeneratedDoc, shape: str) -> web.GeneratedDoc:
    """``doc`` with its field rows set two pairs a row: ``4col`` cells or ``br`` cells."""
    assert doc.html is not None
    fields = _fields(doc)
    rows = [fields[i:i + 2] for i in range(0, len(fields), 2)]
    if shape == "4col":
        cells = "".join(f"<tr>{''.join(f'<th>{k}</th><td>{v}</td>' for k, v in row)}</tr>\n"
                        for row in rows)
    else:
        cells = "".join(f"<tr>{''.join(f'<td><b>{k}</b><br>{v}</td>' for k, v in row)}</tr>\n"
                        for row in rows)
    doc.html = _FIELD_ROW.sub("", doc.html).replace(
        '<table class="table table-bordered table-condensed" border="1">\n  </table>',
        f'<table class="table table-bordered table-condensed" border="1">\n{cells}  </table>', 1)
    lines = doc.text.split("\n")
    glued = [html.unescape(k + v) for k, v in fields]
    at = [i for i, line in enumerate(lines) if line in glued]
    tabbed = ["\t".join(html.unescape(c) for k, v in row for c in (k, v)) for row in rows]
    doc.text = "\n".join(lines[:at[0]] + tabbed + lines[at[-1] + 1:])
    return doc


def _page(k: int, shape: str) -> web.GeneratedDoc:
    return _two_per_row(web.project_detail(random.Random(f"pairs-per-row-{k}")), shape)


@pytest.mark.parametrize("k", range(4))
def test_two_pairs_a_row_in_a_text_file(k: int, tmp_path: Path) -> None:
    doc = _page(k, "4col")
    path = tmp_path / "page.txt"
    path.write_text(doc.text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=[TABLE])


@pytest.mark.parametrize(("k", "shape"), [(0, "4col"), (1, "4col"), (2, "br"), (3, "br")])
def test_two_pairs_a_row_in_a_saved_page(k: int, shape: str, tmp_path: Path) -> None:
    doc = _page(k, shape)
    path = tmp_path / "page.html"
    path.write_bytes(doc.html_bytes())
    assert_read_as_generated(path, doc.truth, tables=[TABLE])


@pytest.mark.parametrize(("k", "font"), [(0, "Sarabun"), (1, "Loma")])
def test_two_pairs_a_row_printed_by_a_browser(k: int, font: str, tmp_path: Path) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    doc = _page(k, "4col")
    pdf = tmp_path / "page.pdf"
    render.render_chromium(doc, pdf, font, font_file(font), random.Random(k),
                           header_footer=False)
    assert_read_as_generated(pdf, doc.truth, tables=[TABLE])


@pytest.mark.parametrize("between", ["", "\n"])
def test_a_label_alone_takes_no_other_labels_row(between: str, tmp_path: Path) -> None:
    """An empty ``งบฯ ที่ใช้ไป (บาท)`` cell, then a row of a label the page does not know
    (``งบฯ ที่ผูกพันแล้ว (บาท) | 1,200,000``), or its value after a blank line: the
    budget spent is not stated there, so it is NULL."""
    doc = web.project_detail(random.Random("label-alone-other-row"))
    lines = doc.text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("งบฯ ที่ใช้ไป (บาท)"))
    lines[at:at + 1] = ["งบฯ ที่ใช้ไป (บาท)\t", *([between] if between else []),
                        "งบฯ ที่ผูกพันแล้ว (บาท)\t1,200,000" if not between else "1,200,000"]
    doc.tables["projects"][0]["budget_spent_thb"] = None
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_read_as_generated(path, doc.truth, tables=["projects"])
