"""Two things pdfium does at a glyph that the reader must undo, on generated prints.

A hyphen that ends a line after a letter (``COVID-``, ``สำนักงาน-``, ``PM-``):
pdfium takes it for a word hyphenated at the line's end and runs the next line
on with no break, so two rows become one (:func:`bma_etl.read.pdf_linebreaks.line_breaks`).
Lines of generated words, each ending in such a hyphen or not, are printed one
per paragraph by three writers; the truth is the lines.

A SARA AM that LibreOffice (in Waree) maps onto its NIKHAHIT glyph, drawn over
the consonant, leaves the SARA AA glyph with no text: the gap it takes looked
like a space between words (``ผู้นำ เมืองหลวง``). Generated paragraphs printed
by LibreOffice from HTML and from Word in Waree read with their spaces.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.read.pdf import extract_pdf
from test_wrap_writers import read_text

from corpus import render
from corpus.paragraphs import WORDS, paragraph, render_paragraphs
from ocr_text import letters_and_spaces
from thai_fonts import font_file

SEED = 20263
#: Words that end a line in a hyphen, as text (a code, a range, a compound).
HYPHENED = ["COVID-", "PM-", "e-", "สำนักงาน-", "กรุงเทพฯ-", "Smart-", "โครงการ-"]
#: What the next line then starts with.
OPENERS = ["19", "2.5", "Service", "เขตบางรัก", "ปริมณฑล", "City", "2570"]


def _need(writer: str) -> None:
    tool = writer.split("-")[0]
    if tool == "soffice" and not render.have(tool):
        pytest.fail("LibreOffice not installed: apt-get install libreoffice-writer-nogui "
                    "(make venv installs it)")


@pytest.mark.parametrize("font", ["Garuda", "Waree", "Norasi"])
@pytest.mark.parametrize("writer", ["fpdf2", "reportlab", "soffice-text"])
def test_a_line_that_ends_in_a_hyphen_is_its_own_line(writer: str, font: str,
                                                      tmp_path: Path) -> None:
    _need(writer)
    rng = random.Random(f"{SEED}-{writer}-{font}")
    lines = []
    for _ in range(8):
        words = [rng.choice(WORDS) for _ in range(rng.randint(2, 4))]
        opener = rng.choice(OPENERS) if lines and lines[-1].endswith("-") else None
        end = rng.choice(HYPHENED) if rng.random() < 0.6 else rng.choice(WORDS)
        lines.append(" ".join([*([opener] if opener else []), *words, end]))
    pdf = tmp_path / f"{writer}.pdf"
    render_paragraphs(writer, lines, pdf, font, font_file(font), 14, 170, "left")
    read = [" ".join(line.split()) for line in
            extract_pdf(pdf.read_bytes(), pdf.name, ocr="never").text.split("\n")]
    assert [line for line in read if line] == lines


@pytest.mark.parametrize("writer", ["soffice-html", "soffice-docx"])
def test_no_space_after_a_sara_am_whose_sara_aa_has_no_text(writer: str,
                                                            tmp_path: Path) -> None:
    _need(writer)
    rng = random.Random(f"{SEED}-{writer}")
    paras = [paragraph(rng, rng.randint(10, 20)) for _ in range(5)]
    assert sum(p.count("ำ") for p in paras) >= 10  # the case under test is there
    pdf = tmp_path / f"{writer}.pdf"
    render_paragraphs(writer, paras, pdf, "Waree", font_file("Waree"), 14, 150, "left")
    got_letters, got_spaces = letters_and_spaces(read_text(pdf))
    letters, spaces = letters_and_spaces(" ".join(paras))
    assert got_letters == letters
    invented = sorted(got_spaces - spaces)
    assert not invented, [letters[at - 6:at] + "|" + letters[at:at + 4] for at in invented]
