"""Rows of a borderless table set apart by padding: each run's columns gathered once.

A web page's table whose label and value each wrap over two lines comes out of
pdfium as runs of two lines, each run a little more than a line pitch from the
next (the cells' padding). :func:`bma_etl.read.pdf_page.with_side_by_side` looks at
a run as a row of its own and as the neighbour of the runs above and below it; its
pieces are gathered into columns once (:func:`bma_etl.read.pdf_page.run_columns`),
however often it is looked at. Lines are made from known values (12 pt, a 22.5 pt
pitch) and the rows read back are those values.
"""

from __future__ import annotations

from typing import Any

import pytest

import bma_etl.read.pdf_page as page
from bma_etl.read.pdf_line import TextLine

PITCH = 22.5
#: label and value of each row, each wrapped over two lines
ROWS = [(("ชื่อ", "โครงการ"), ("โครงการอบรม", "ครุภัณฑ์การแพทย์")),
        (("หน่วย", "งาน"), ("สำนักการ", "โยธา")),
        (("งบ", "ประมาณ"), ("๑๒,๐๐๐", "บาท"))]
#: the rows as written: Thai pieces joined, an amount and its unit a space apart
WRITTEN = ["ชื่อโครงการ\tโครงการอบรมครุภัณฑ์การแพทย์", "หน่วยงาน\tสำนักการโยธา",
           "งบประมาณ\t๑๒,๐๐๐ บาท"]


def _lines() -> list[TextLine]:
    """The rows' lines top to bottom: a row's two lines one pitch apart, rows 2.5."""
    lines, top = [], 700.0
    for label, value in ROWS:
        for k in range(2):
            y = top - k * PITCH
            lines.append(TextLine(f"{label[k]}\t{value[k]}", y, 12.0, (40.0, 160.0),
                                  40.0, 320.0, ends=(120.0, 320.0)))
        top -= 2.5 * PITCH
    return lines


def test_padded_rows_are_read_with_each_run_gathered_once(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    gathered: list[int] = []
    real = page.run_columns

    def counted(run: list[TextLine]) -> Any:
        gathered.append(id(run))
        return real(run)

    monkeypatch.setattr(page, "run_columns", counted)
    out = page.with_side_by_side(_lines(), {12.0: PITCH})
    assert [line.text for line in out] == WRITTEN
    assert len(gathered) == len(ROWS) == len(set(gathered))  # each run once
