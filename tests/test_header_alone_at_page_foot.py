"""A distributed table's header row alone at a page's foot is no row the page cut.

A plan's project table whose header row (``ลำดับที่`` | ``ด้าน/แผนงาน`` | …) is
the last thing that fits on a page, its first row on the next: Word's Thai
``distribute`` alignment, printed by LibreOffice, spreads every line of a cell to
the cell's width, so the header's cells run down to its foot with no room left,
as a row a page break cut does, and the next page's first row (``๑`` | …) was
joined into the header and lost. A table run's one row on a page over a next
page's row number one, under a first cell of no digit, is the table's header
(:func:`bma_etl.read.pdf_breaks.join_cut_rows`); a header the page did cut
(``ส่วนราชการ ที่`` / ``รับผิดชอบ``) is still joined.

A plan generated from known values (bench/corpus), blank lines put before its
project tables to move them down the page, printed from Word files in Kinnari;
the truth is its projects.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from thai_fonts import fonts_or_fail

#: Where the project tables start: the blank lines go before this heading.
HEADING = "สรุปโครงการและงบประมาณ"
#: ``(blank lines, column widths)`` of each print: at 11 pt the first puts the
#: routine table's header alone at a page's foot, the second cuts the strategic
#: table's header row there.
PRINTS = ((28, "equal"), (3, "content"))


def test_header_row_alone_at_a_page_foot_keeps_the_next_row(tmp_path: Path) -> None:
    fonts_or_fail(["Kinnari"])
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["plan"](random.Random("header-alone-0"))
    assert HEADING in doc.text
    jobs = []
    for blanks, widths in PRINTS:
        moved = replace(doc, text=doc.text.replace(HEADING, "\n" * blanks + HEADING, 1))
        settings = {"align": "distribute", "pt": "11", "widths": widths, "lang": "th-TH",
                    "footer": "หน้า {n}"}
        jobs.append((moved, tmp_path / f"plan-{blanks}-{widths}.pdf", "Kinnari", settings))
    failed = render.render_docx_batch(jobs)
    assert not failed, failed
    projects = doc.truth["tables"]["plan_projects"]
    for _, pdf, _, _ in jobs:
        result = score(process_file(pdf), {"tables": {"plan_projects": projects}})
        assert result.total > 0 and result.lost == [], (pdf.name, result.lost[:6])
