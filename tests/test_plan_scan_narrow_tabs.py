"""A plan printed by LibreOffice from its text and scanned: a step's share after a narrow tab.

The plan is generated from known values (``bench/corpus``, a seed whose 200 dpi grey
scan lost them) and printed by LibreOffice Writer from its text file, which sets a
step table's rows on its default tab stops (every 1.25 cm). A step whose description
ends just before the stop of its share column leaves a gap no wider than a word space
(``…ความท้าทาย 30``): on the scan (``bench/corpus/scan.py``) the share was read
into the description's cell (the plan's extractor takes a share off a description's
end, so the fields were kept; the page's text was not). The other rows start a cell
at that column after a wide gap (:mod:`bma_etl.read.ocr_tabstops`,
``TabStops.with_cell_starts``): no share may end a row's first cell, and every step
keeps its share (a cumulative share OCR misread, ``150`` for ``50``, is NULL).
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read import read_source

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.scan import scan_pdf
from thai_fonts import fonts_or_fail

SEED, K, FONT = 5307, 2, "Laksaman"
STEPS = "\u0e02\u0e31\u0e49\u0e19\u0e15\u0e2d\u0e19\u0e01\u0e32\u0e23\u0e14\u0e33\u0e40\u0e19\u0e34\u0e19\u0e07\u0e32\u0e19"  # noqa: E501
#: A share read into the cell before it: a Thai letter, a word space, a number, a tab.
GLUED_SHARE = re.compile(r"[\u0e01-\u0e4e] [0-9\u0e50-\u0e59]+\t")
SUMMARY = "\u0e2a\u0e23\u0e38\u0e1b\u0e42\u0e04\u0e23\u0e07\u0e01\u0e32\u0e23"


def _keep(src: Path, out: Path) -> None:
    """Write the first page of ``src``, its budget summary's and its first step table's."""
    pdf = pdfium.PdfDocument(str(src))
    new = pdfium.PdfDocument.new()
    try:
        texts = [page.get_textpage().get_text_range() for page in pdf]
        summary = next(i for i, t in enumerate(texts) if SUMMARY in t)
        steps = next(i for i, t in enumerate(texts) if STEPS in t)
        new.import_pages(pdf, sorted({0, summary, steps}))
        new.save(str(out))
    finally:
        new.close()
        pdf.close()


def test_scanned_libreoffice_plan_keeps_a_steps_share_after_a_narrow_tab(tmp_path: Path) -> None:
    fonts_or_fail((FONT,))
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["plan"](_rng(SEED, "plan", K))
    printed = tmp_path / "plan.pdf"
    failed = render.render_soffice_batch([(doc, printed, FONT)])
    assert not failed, failed
    few = tmp_path / "few.pdf"
    _keep(printed, few)
    scanned = tmp_path / "few.scan.pdf"
    scan_pdf(few, scanned, 200, "grey", _rng(SEED, "scan", f"plan_{K:03d}.soffice.pdf"))
    want = [(row["step_no"], row["step_pct"], row["cumulative_pct"])
            for row in doc.truth["tables"]["plan_steps"] if row["indicator_no"] == 1]
    read = [(row.step_no, row.step_pct, row.cumulative_pct)
            for row in process_file(scanned).rows("plan_steps") if row.indicator_no == 1]
    assert len(read) == len(want), read
    for (no, pct, total), (got_no, got_pct, got_total) in zip(want, read, strict=True):
        assert got_no == no, read
        assert got_pct is not None and float(got_pct) == float(pct), (no, read)
        assert got_total is None or float(got_total) == float(total), (no, read)
    text = read_source(scanned).text
    glued = [line for line in text.splitlines() if GLUED_SHARE.search(line)]
    assert not glued, glued
