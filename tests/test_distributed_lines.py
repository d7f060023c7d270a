"""Short lines a Thai distributed alignment spread to the margin are no wrapped lines.

Word's ``distribute`` alignment, printed by LibreOffice, widens every space of every
line, a paragraph's only line included, until the line reaches the right margin:
``ความคืบหน้าโครงการ     ร้อยละ     100`` ends where a full line ends. The reader
judges a line full by its natural width (its words and a space each,
:func:`bma_etl.read.pdf_line.spread`), so such a label is not joined to the line
after it. Tracking pages are generated from known values (bench/corpus) and
printed in four Thai fonts and three sizes; the truth is their text and values.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf import extract_pdf

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.score import score
from thai_fonts import font_file

SEED = 4411
#: ``(font, points)`` of the prints, all in Word's ``distribute`` alignment.
PRINTS = (("Garuda", 14), ("Loma", 16), ("Norasi", 12), ("Sarabun", 14),
          ("Sarabun", 16), ("Garuda", 12))
#: A paragraph of the page this short (characters) and of three words or more fits
#: a line with room to spare in every font and size printed: it is never wrapped.
SHORT = 40


def test_spread_label_lines_are_not_wrapped_into_the_next(tmp_path: Path) -> None:
    checked = 0
    for pdf, doc in _printed(tmp_path):
        read = extract_pdf(pdf.read_bytes(), pdf.name)
        lines = read.text.split("\n")
        short = {" ".join(p.split()) for p in doc.text.split("\n")
                 if len(p) <= SHORT and len(p.split()) >= 3}
        for number, line in enumerate(lines, start=1):
            if " ".join(line.split()) in short and number < len(lines) and lines[number]:
                checked += 1
                assert number not in read.wraps, (pdf.name, line, lines[number])
        result = score(process_file(pdf), doc.truth)
        assert result.layout == "web_progress_history", pdf.name
        lost = [item for item in result.lost if item[0].split(".")[-1] in
                ("progress_pct", "division", "responsible_person")]
        assert not lost, (pdf.name, lost)
    assert checked >= len(PRINTS), checked


def _printed(tmp_path: Path) -> list[tuple[Path, GeneratedDoc]]:
    """Tracking pages with a progress line, printed from Word files in ``distribute``."""
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    batch, made = [], []
    for k, (font, pt) in enumerate(PRINTS):
        font_file(font)  # fails the test when the font is not installed
        rng = random.Random(f"{SEED}-{k}")
        doc = GENERATORS["web_tracking"](rng)
        while "ความคืบหน้าโครงการ ร้อยละ" not in doc.text:
            doc = GENERATORS["web_tracking"](rng)
        pdf = tmp_path / f"tracking-{k}.{font}.pdf"
        batch.append((doc, pdf, font, {"align": "distribute", "pt": str(pt),
                                       "widths": "content", "ruled": "no"}))
        made.append((pdf, doc))
    failed = render.render_docx_batch(batch)
    assert not failed, failed
    return made
