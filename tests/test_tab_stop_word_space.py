"""A word space a little past a tab stop is no cell break of a tab-printed row.

bench/corpus ``fpdf2`` prints a tab row by moving the pen to the next default tab
stop. A target row of a plan's indicator table wrapped at the margin leaves a line
of its own, ``พ.ศ. ๒๕๖๓`` ⇥ ``๒๘ กิจกรรม ภายในปี พ.ศ. ๒๕๖๔``: the first target's rest,
then the second target set at the stop of the years' first column, whose word
``ภายในปี`` follows a space that ends two points past the stop of the second. The
line, one cell, was cut at every column start a space lay near, and ``ภายในปี…`` was
read as a target of its own: the table lost every row. A column that starts on a
default tab stop is cut only where the text after a space starts on the stop
(:func:`bma_etl.read.pdf_cuts.split_at_columns`).

The plan is generated (bench/corpus) and printed by fpdf2 in Laksaman; the truth is
its indicators as generated.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated


def test_a_word_past_a_stop_stays_in_its_target(tmp_path: Path) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, 191, "plan", 1, "Laksaman", shaping=False)
    indicators = doc.truth["tables"]["plan_indicators"]
    first, second = indicators[0]["target_text"], indicators[1]["target_text"]
    drawn = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))
    rest = " ".join(first.split()[-2:])  # the first target wrapped before พ.ศ. ๒๕๖๓
    assert f"\r\n{rest} {second}\r\n" in drawn, "the print no longer wraps the row so"
    assert_read_as_generated(pdf, doc.truth, ["plan_indicators"])


def test_a_foot_row_whose_score_alone_stands_on_a_stop_stays_one_piece(tmp_path: Path) -> None:
    # A scoring row at a page's foot, its score set at a stop and no space near the
    # table's other columns: no row of cells, as its rows above are read (split_at_columns
    # cuts a stop's column only when every column inside has a space near it).
    doc, pdf = corpus_fpdf_print(tmp_path, 191, "plan", 7, "Laksaman", shaping=False)
    assert_read_as_generated(pdf, doc.truth, ["plan_scoring_levels", "plan_kpi_definitions"])
