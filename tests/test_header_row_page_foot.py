"""A ruled table's header row alone at a page's foot, its table on the next page.

bench/corpus ``soffice-docx`` with Thai distributed justification: every line of a
cell, its last one too, is spread to the column's width, so a header row
(``มาตรการ`` | ``ตัวชี้วัดมาตรการ`` | ``นิยาม/คำอธิบายตัวชี้วัด`` | ``โครงการ/กิจกรรม``)
left at a page's foot seems to fill each cell as a row the page cut does. Taken for
one, it took the measure's row on the next page into its cells and the plan lost
that measure's definition. The same header opened the measure table above it on
its page: such a row is a header row, whose next row is never its rest
(:func:`bma_etl.read.pdf_breaks.join_cut_rows`).

The plan is generated (bench/corpus) and printed as the corpus builder prints its
third Word plan of seed 211 (Laksaman, 10 pt); the truth is its measures as generated.
"""

from __future__ import annotations

from pathlib import Path

from corpus_prints import corpus_word_print
from read_back import assert_read_as_generated


def test_a_header_row_at_a_page_foot_takes_no_row_of_the_next_page(tmp_path: Path) -> None:
    doc, pdf, settings = corpus_word_print(tmp_path, 211, "plan", 2, "Laksaman")
    assert settings["align"] == "distribute"
    assert len(doc.truth["tables"]["plan_kpi_definitions"]) >= 2
    assert_read_as_generated(pdf, doc.truth, ["plan_kpi_definitions"])
