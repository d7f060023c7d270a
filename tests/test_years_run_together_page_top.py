"""A target table's header at a page's foot, its years run together atop the next page.

bench/corpus ``fpdf2`` sets a borderless target table's header (``ลำดับที่`` |
``ตัวชี้วัด`` | ``ค่าเป้าหมาย``) at tab stops and its years under it closer than
their width, so they run together with no space (``๒๕๖๒๒๕๖๓๒๕๖๔…``). With the
header the last line of a page, the years opening the next, the years were taken
for the rest of a row the page break cut and joined into the header's ``ตัวชี้วัด``
cell; the table's indicators were lost. A line of years alone, two or more run
together, is a header's years: a row of its own
(:func:`bma_etl.read.pdf_cutrows._years_apart`).

The plan is generated (bench/corpus) and printed as the corpus builder prints its
first plan of seed 1823 (fpdf2, Garuda); the truth is its indicators as generated.
"""

from __future__ import annotations

from pathlib import Path

from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated


def test_years_run_together_atop_a_page_are_no_rest_of_its_header(tmp_path: Path) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, 1823, "plan", 0, "Garuda", shaping=False)
    assert len(doc.truth["tables"]["plan_indicators"]) >= 10
    assert_read_as_generated(pdf, doc.truth, ["plan_indicators"])
