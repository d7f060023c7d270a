"""A 2-up sheet of a print whose moved marks cairo maps to U+FFFD reads as the print.

Cairo (Firefox's prints, ``pdftocairo``'s rewrites) maps the moved forms of Thai
marks to U+FFFD; their codes are found in the page's content by their origin
(:mod:`bma_etl.read.pdf_glyph_codes`, which reads the file with pdfminer.six). On a
sheet holding two pages side by side, the right page is cut out and moved to the
sheet's corner in memory (:func:`bma_etl.read.pdf_sheets.keep_part`), so its marks
were looked for where the file does not draw them and lost: the twenty-first
tester's ``P_firefox__2up.pdf`` read 78 of 92 fields (92 of 92 unplaced). The move
is now taken back before the codes are matched.

A generated plan is printed by Chromium in Noto Serif Thai, rewritten by
``pdftocairo``, and its pages placed two to a landscape sheet as Form XObjects; the
truth is the generated values.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS
from corpus.score import score
from corpus_prints import chromium_cairo_print
from pdf_sheets import two_up_pdfium

FAMILY = "Noto Serif Thai"



def test_a_two_up_sheet_of_a_cairo_print_reads_its_right_pages_marks(tmp_path: Path) -> None:
    doc = GENERATORS["plan"](random.Random("two-up-plan"))
    rewritten, sheets = chromium_cairo_print(doc, FAMILY, tmp_path), tmp_path / "sheets.pdf"
    two_up_pdfium(rewritten, sheets)
    right, total, lost = score(process_file(sheets), json.loads(doc.truth_json()))
    assert right == total, lost[:6]
