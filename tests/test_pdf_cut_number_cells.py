"""A number a page break cut inside its narrow table cell is one number again.

LibreOffice prints a Word file's step schedule (bench/corpus ``soffice-docx``, columns
of equal width, 16 pt) with a 1 cm column for each step's cumulative share: ``๔๐``
does not fit and is cut where the line is full. When a page break falls there, the
row ends ``…⇥๒๐⇥๔`` on one page and goes on ``⇥⇥๐`` on the next; the two parts were
joined with a space, ``๔ ๐``, read as 4 per cent (:mod:`bma_etl.read.pdf_cutnumbers`).
The plan is generated and printed as the corpus builder prints it; the truth is its
generated steps.
"""

from __future__ import annotations

from pathlib import Path

from bma_etl.read.pdf_cutnumbers import cell_across_break

from corpus_prints import corpus_word_print
from read_back import assert_read_as_generated


def test_a_cumulative_share_a_page_break_cut_reads_whole(tmp_path: Path) -> None:
    # corpus seed 331's fifth plan in Loma: a step's cumulative ``๔๐`` cut over pages
    doc, pdf, _settings = corpus_word_print(tmp_path, 331, "plan", 4, "Loma")
    assert_read_as_generated(pdf, doc.truth, ["plan_steps"])


def test_only_a_line_with_no_room_for_a_digit_cuts_a_number() -> None:
    size = 16.0
    digit = 0.61 * size  # one digit's ink
    bearing = 0.1 * size
    assert cell_across_break("๔", "๐", digit, digit, bearing) == "๔๐"
    assert cell_across_break("๒๕", "๖๐", digit, 2 * digit, bearing) == "๒๕๖๐"
    # room for a digit left: the writer wrapped two numbers, not one
    assert cell_across_break("๑๐", "๒๐", 2.5 * digit, 2 * digit, bearing) == "๑๐ ๒๐"
    # a space the PDF wrote at the line's end: wrapped there
    assert cell_across_break("๑๐", "๒๐", digit, 2 * digit, bearing, spaced=True) == "๑๐ ๒๐"
    # letters: as a cell's two lines join
    assert cell_across_break("งบประมา", "ณ", 0.0, digit, bearing) == "งบประมาณ"
