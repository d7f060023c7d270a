"""A line's first word is not cut at the space pdfium invents after stacked marks.

pdfium reads a letter with two marks stacked on it, and the rest of its word, with
a space of no width between them (``พื้ นที่``); the reader leaves that space out of
the line, but the width of the line's first word, which tells whether the line
before wrapped, was measured up to it: ``พื้`` alone, 7 points at 10 pt. A SWOT
item's line that ends a word's width short of the margin then looked as if
``พื้นที่...`` would have fitted after it, so it seemed to end where its writer ended
it, and the item's wrapped rest (``พื้นที่เขตชั้นใน...``, or ``โดยเฉพาะในพื้นที่...``)
was taken for a paragraph under the list and lost.

The plans are generated (bench/corpus ``plan``) and printed as the corpus prints
them: LibreOffice's text import in Kinnari, fpdf2 with HarfBuzz shaping in Garuda
and Laksaman. The truth is the SWOT items as generated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated
from thai_fonts import font_file

#: Corpus draws (seed, plan) whose print wraps a SWOT item before such a word.
SEED = 961


def test_soffice_swot_item_wrapped_before_stacked_marks(tmp_path: Path) -> None:
    font_file("Kinnari")
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["plan"](_rng(SEED, "plan", 3))
    pdf = tmp_path / "plan.pdf"
    failed = render.render_soffice_batch([(doc, pdf, "Kinnari")])
    assert not failed, failed
    assert_read_as_generated(pdf, doc.truth, ("plan_swot_items",))


@pytest.mark.parametrize(("k", "font"), [(3, "Garuda"), (5, "Laksaman")])
def test_shaped_swot_item_wrapped_before_stacked_marks(tmp_path: Path, k: int, font: str
                                                       ) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, SEED, "plan", k, font, shaping=True)
    assert_read_as_generated(pdf, doc.truth, ("plan_swot_items",))
