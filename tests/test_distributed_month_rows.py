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

from pathlib import Path

from bma_etl.pipeline import process_file

from corpus.score import score
from corpus_prints import distributed_word_prints

#: ``(font, points)`` of the prints.
PRINTS = (("Sarabun", 14), ("Loma", 12))
TABLE = "monthly_progress"


def test_month_rows_of_a_distributed_print_stay_rows(tmp_path: Path) -> None:
    made = distributed_word_prints(
        tmp_path, "web_detail", "distributed-months", PRINTS,
        keep=lambda doc: len(doc.truth["tables"][TABLE]) >= 6,
    )
    for pdf, doc in made:
        result = score(process_file(pdf), {"tables": {TABLE: doc.truth["tables"][TABLE]}})
        assert result.total > 0 and result.lost == [], (pdf.name, result.lost[:6])
