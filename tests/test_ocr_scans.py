"""Generated scans read live: values with tone marks drawn high above their letters.

A document is generated from known values, printed by fpdf2 without text shaping
(which draws ``่`` and ``้`` high over a letter that has no upper vowel, as in
``ไม่มี``, ``ผู้รับจ้าง``), scanned at 200 dpi in grey with noise and skew
(``bench/corpus/scan.py``) and read by the pipeline. The truth is the values the
document was generated from. Before the page was cleaned (median filter) and lines
held to 2.5 blob heights (read/ocr.py), Tesseract put those marks in lines of their
own and the values lost them (``ไมมี``).
"""

from __future__ import annotations

import random
from pathlib import Path

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.scan import scan_pdf
from corpus.score import same
from thai_fonts import fonts_or_fail

SEED = 3107
MARKED = "\u0e48\u0e49"  # MAI EK, MAI THO


def test_scan_keeps_high_tone_marks(tmp_path: Path) -> None:
    gen = "web_history"
    doc = GENERATORS[gen](random.Random(f"{SEED}-{gen}"))
    found = fonts_or_fail(("Garuda", "Loma", "Sarabun"), least=1)
    font = next(iter(found))
    pdf = tmp_path / f"{gen}.pdf"
    render.render_fpdf(doc, pdf, font, found[font], random.Random(SEED), shaping=False)
    scanned = tmp_path / f"{gen}.scan.pdf"
    scan_pdf(pdf, scanned, 200, "grey", random.Random(SEED), max_pages=1)
    processed = process_file(scanned)
    (project,) = processed.rows("projects")
    truth = doc.truth["tables"]["projects"][0]
    marked = {name: want for name, want in truth.items()
              if isinstance(want, str) and any(m in want for m in MARKED)
              and name in ("agency", "responsible_person", "coordinator", "division")}
    assert marked, "the generated document has no value with a high tone mark"
    wrong = {name: (want, getattr(project, name)) for name, want in marked.items()
             if not same(want, getattr(project, name))}
    assert not wrong
