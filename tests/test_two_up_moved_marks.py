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
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file

from corpus import fonts, render
from corpus.build import GENERATORS
from corpus.score import score

FAMILY = "Noto Serif Thai"


def two_up(src: Path, out: Path) -> None:
    """The pages of ``src`` drawn two to a landscape sheet, each scaled into its half."""
    pdf = pdfium.PdfDocument(src)
    dest = pdfium.PdfDocument.new()
    try:
        width, height = pdf[0].get_size()
        sheet_w, sheet_h = height, width
        scale = min(sheet_w / 2 / width, sheet_h / height)
        for first in range(0, len(pdf), 2):
            sheet = dest.new_page(sheet_w, sheet_h)
            for k in range(first, min(first + 2, len(pdf))):
                obj = pdf.page_as_xobject(k, dest).as_pageobject()
                dx = (k - first) * sheet_w / 2 + (sheet_w / 2 - width * scale) / 2
                obj.transform(pdfium.PdfMatrix().scale(scale, scale).translate(
                    dx, (sheet_h - height * scale) / 2))
                sheet.insert_obj(obj)
            sheet.gen_content()
        dest.save(out)
    finally:
        dest.close()
        pdf.close()


def test_a_two_up_sheet_of_a_cairo_print_reads_its_right_pages_marks(tmp_path: Path) -> None:
    for tool, package in (("chromium", "chromium"), ("pdftocairo", "poppler-utils")):
        if not render.have(tool):
            pytest.fail(f"needs {tool}: apt-get install {package} (make venv does)")
    path = fonts.noto(FAMILY)
    if path is None:
        pytest.fail(f"needs {FAMILY}: apt-get install fonts-noto-core (make venv does)")
    doc = GENERATORS["plan"](random.Random("two-up-plan"))
    printed, rewritten, sheets = (tmp_path / "printed.pdf", tmp_path / "rewritten.pdf",
                                  tmp_path / "sheets.pdf")
    render.render_chromium(doc, printed, FAMILY, path, random.Random(0), header_footer=False)
    subprocess.run(["pdftocairo", "-pdf", str(printed), str(rewritten)], check=True,
                   capture_output=True, timeout=120)
    two_up(rewritten, sheets)
    right, total, lost = score(process_file(sheets), json.loads(doc.truth_json()))
    assert right == total, lost[:6]
