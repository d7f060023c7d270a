"""A Thai run fpdf2 cut at the margin of a full page's last line goes on on the next page.

bench/corpus ``fpdf2`` wraps a paragraph only at spaces: a SWOT item whose text
is a Thai run too long for any line starts on a line of its own (its number alone
above it) and is cut where the next letter would cross the margin. When that line
is a full page's last (``…ความต้องการของประ`` / ``ชาชน`` past the page's foot, or
``…อย่างยั่ง`` / ``ยืน โดยเฉพาะ…``), the next page's first line opens with a
consonant, as a word does, so nothing said the item went on: it was cut at the
break. A page's last line that is such a cut run (no white space, within a letter
of the margin) now goes on when the next page's first line opens with a Thai letter
(:func:`bma_etl.read.pdf_wraps.wraps_over_breaks`).

The plans are generated (bench/corpus, drawn and printed as the corpus builder
draws and prints the first plan of seed 1003 and the sixth of seed 1119); the
truth is their SWOT items as generated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated


@pytest.mark.parametrize(("seed", "k", "font"), [(1003, 0, "Sarabun"), (1119, 5, "Garuda")])
def test_a_swot_item_cut_at_a_full_page_foot_goes_on(tmp_path: Path, seed: int, k: int,
                                                     font: str) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, seed, "plan", k, font, shaping=False)
    assert doc.truth["tables"]["plan_swot_items"]
    assert_read_as_generated(pdf, doc.truth, ("plan_swot_items",))
