"""A cell's line that LibreOffice broke before a word that did not fit filled its column.

bench/corpus ``soffice-narrow``, borderless: a report row's cells wrap inside their
columns, and the reader joins a line to the row above when each of its cells goes
on a cell of the line above that filled its column: one that left less room than
the next line's first word needs. That word was measured wrong two ways:

- LibreOffice never starts a line with a sign that closes onto what stands before
  it, even after a space (UAX #14: ``:``, ``)``…): ``= ๒๑.๕๐ % : งบประมาณ…`` breaks
  before ``%`` and the next line opens with ``% :``, which did not fit, not ``%``;
- a word's width was its share of its line's characters, Thai marks counted, which
  advance the pen by nothing: ``๘๒.๐๐`` after ``ความก้าวหน้าของงานฯ =`` takes more
  of ``๘๒.๐๐ % : งบประมาณที่เบิกใช้ (ครั้งที่ ๒)…`` than that.

Either way the row's last lines read as a row of their own (the report's label
number, progress, budget and flags lost). The forms are generated (bench/corpus
``legacy_pipe``) and printed as the corpus prints them, borderless; the truth is
every report's fields as generated.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from thai_fonts import font_file


@pytest.mark.parametrize(("font", "k", "shows"), [("Kinnari", 10, r"^\s*% :"),
                                                  ("Loma", 14, r"=\s*$")],
                         ids=["percent-colon", "marks"])
def test_a_line_broken_before_a_word_that_did_not_fit_goes_on(
        font: str, k: int, shows: str, tmp_path: Path) -> None:
    font_file(font)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["legacy_pipe"](random.Random(f"glued-{font}-{k}"))
    pdf = tmp_path / "form.pdf"
    made, failed = render.render_narrow_tables_batch(
        [(doc, pdf, font, random.Random(f"glued-print-{font}-{k}"))], ruled=False)
    assert not failed and pdf in made, failed
    layer = pdfium.PdfDocument(pdf)
    text = "\n".join(page.get_textpage().get_text_range() for page in layer)
    layer.close()
    assert any(re.search(shows, line) for line in text.replace("\r", "").split("\n")), \
        "no line broken there: shows nothing"
    truth = {"tables": {"progress_updates": doc.truth["tables"]["progress_updates"]}}
    result = score(process_file(pdf), truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]
