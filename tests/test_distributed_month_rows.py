"""A project page's monthly results printed from Word in distributed alignment.

Word's ``distribute`` alignment spreads each ``ผลงานเดือนที่`` label over its whole
cell, and the month's result (``218.5``, ``30``, ``5``) stands flush with the
value column's right edge: every line of the table ends at its cells' edges, as
the lines of one cell the page wrapped do. A number alone over a number alone in
one column are two rows' values, not one cell wrapped (an amount the line cut,
``๗`` / ``,๓๖๘,๓๐๐.๐``, is one). Read as a wrapped cell, the month rows after the
first ran together into one line and were lost.

Project pages generated from known values (bench/corpus), printed in two Thai
fonts; the truth is their monthly results.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from conftest import fonts_or_fail
from corpus import render
from corpus.build import GENERATORS
from corpus.score import score

#: ``(font, points)`` of the prints.
PRINTS = (("Sarabun", 14), ("Loma", 12))
TABLE = "monthly_progress"


def test_month_rows_of_a_distributed_print_stay_rows(tmp_path: Path) -> None:
    fonts_or_fail(font for font, _ in PRINTS)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    batch, made = [], []
    for k, (font, pt) in enumerate(PRINTS):
        doc = GENERATORS["web_detail"](random.Random(f"distributed-months-{k}"))
        assert len(doc.truth["tables"][TABLE]) >= 6, "too few months to make a table"
        pdf = tmp_path / f"detail-{k}.{font}.pdf"
        batch.append(
            (
                doc,
                pdf,
                font,
                {"align": "distribute", "pt": str(pt), "widths": "content", "lang": "th-TH"},
            )
        )
        made.append((pdf, doc))
    failed = render.render_docx_batch(batch)
    assert not failed, failed
    for pdf, doc in made:
        result = score(process_file(pdf), {"tables": {TABLE: doc.truth["tables"][TABLE]}})
        assert result.total > 0 and result.lost == [], (pdf.name, result.lost[:6])
