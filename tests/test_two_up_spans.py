"""A 2-up sheet of a browser print keeps its values: a span's text read twice is no overprint.

Chromium writes each Thai cluster with a mark as a marked-content span whose
``/ActualText`` gives the cluster's text; pdfium may read such a span twice, and
the second reading is dropped (:mod:`bma_etl.read.pdf_spans`). Whether a page has
any span was asked of its own objects only, so on a sheet holding two pages as
Form XObjects (an office's 2-up print, PyMuPDF's ``show_pdf_page``) no span was
found: both readings stayed, the second standing over the first, and the line was
taken for text printed over text (the fifteenth tester's ``L_chromium__2up.pdf``:
7 fields NULL as ``overprinted_value``). The spans are now looked for inside forms.

A generated legacy form is printed by Chromium (its header and footer on) in two
fonts and imposed two pages to a landscape sheet with pdfium; the truth is the
generated values.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import fonts, render
from corpus.build import GENERATORS
from corpus.score import score
from pdf_sheets import two_up_pdfium


@pytest.mark.parametrize(("family", "seed"), [("Noto Sans Thai", 1), ("Noto Serif Thai", 2)])
def test_a_two_up_sheet_of_a_browser_print_reads_every_value(family: str, seed: int,
                                                              tmp_path: Path) -> None:
    if not render.have("chromium"):
        pytest.fail("needs chromium: apt-get install chromium (make venv does)")
    path = fonts.noto(family)
    if path is None:
        pytest.fail(f"needs {family}: apt-get install fonts-noto-core (make venv does)")
    doc = GENERATORS["legacy_html"](random.Random(f"2up-legacy_html-{seed}"))
    printed, sheets = tmp_path / "printed.pdf", tmp_path / "sheets.pdf"
    render.render_chromium(doc, printed, family, path, random.Random(seed), header_footer=True)
    two_up_pdfium(printed, sheets)
    processed = process_file(sheets)
    right, total, lost = score(processed, json.loads(doc.truth_json()))
    assert right == total, lost[:6]
    codes = {issue.code for issue in processed.rows("quality_issues")}
    assert "overprinted_value" not in codes
