"""Justified paragraphs whose lines hold one space or two read line by line, in order.

fpdf2's ``multi_cell`` justifies a paragraph by widening its spaces. A Thai line
holds few (Thai sets none between words), so a line of one long Thai run and one
more word (``... ร่วมกัน COVID-19``) comes out with that word flush against the
right margin, far from the rest. That word is no cell centred beside the
paragraph's other lines (:func:`bma_etl.read.pdf_page.with_side_by_side`): read
as one, every line of the paragraph was joined into one cell and the word put
after them all (a project's monthly progress lost, web_detail_long in fpdf2-shaped).

The paragraphs are generated (long Thai runs, a Latin word or a number between
two), printed by fpdf2 with and without HarfBuzz shaping in two fonts; the truth
is their letters in order (after the pipeline's text repair, which puts marks
shaping wrote out of order back in order).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from bma_etl.read.pdf import extract_pdf
from bma_etl.textnorm import repair_text

from corpus import fonts, render
from corpus.doc import GeneratedDoc
from corpus.paragraphs import WORDS
from ocr_text import letters_and_spaces
from thai_fonts import font_file

SEED = 4410
#: (producer, font) of each printing; the corpus's fpdf2 printer draws page, size, margins.
PRINTINGS = (("fpdf2-shaped", "Garuda"), ("fpdf2", "Loma"), ("fpdf2-shaped", "Loma"),
             ("fpdf2-shaped", "Sarabun"))
#: Words of one piece set between two Thai runs (a line may end with one of them).
SINGLE = ("COVID-19", "2,500,000", "(ASEAN)", "PM2.5")


def _run(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(WORDS) for _ in range(words))


def _page(rng: random.Random) -> tuple[str, list[str]]:
    """Short ``label value`` lines with a paragraph between every few (a project page's
    fields), a blank line after each paragraph's next lines; returns the text and its
    short lines.

    Each paragraph is a Thai run, a word of :data:`SINGLE` and a shorter run, the
    first run 2 to 16 words long: fpdf2 wraps at spaces, so where the second run
    does not fit after the word, the first line holds one gap, which justification
    widens until the word stands flush right, beyond the ends of the lines around.
    """
    lines: list[str] = []
    short: list[str] = []
    for first in range(2, 17, 2):
        if lines:
            lines.append("")  # a gap: each paragraph and the lines around it one run
        for _ in range(rng.randint(2, 4)):
            line = f"{_run(rng, 2)} {rng.randint(1, 999)}"
            lines.append(line)
            short.append(line)
        lines.append(f"{_run(rng, first)} {rng.choice(SINGLE)} {_run(rng, rng.randint(3, 6))}")
    lines.append(f"{_run(rng, 2)} {rng.randint(1, 999)}")
    short.append(lines[-1])
    return "\n".join(lines), short


@pytest.mark.parametrize("printing", PRINTINGS, ids="-".join)
def test_justified_lines_stay_lines(printing: tuple[str, str], tmp_path: Path) -> None:
    producer, font = printing
    found = {font: font_file(font)}
    rng = random.Random(f"{SEED}-{printing}")
    text, short = _page(rng)
    pdf = tmp_path / f"{producer}-{font}.pdf"
    render.render_fpdf(GeneratedDoc("page", "-", text, {}), pdf, font, found[font], rng,
                       shaping=producer == "fpdf2-shaped")
    read = repair_text(extract_pdf(pdf.read_bytes(), pdf.name, ocr="never").text)
    body = [line for line in read.split("\n")  # the printer's running header and page numbers
            if line.strip() not in render.RUNNING and not re.fullmatch(r"\s*-\s*\d+\s*-\s*", line)]
    assert letters_and_spaces("\n".join(body))[0] == letters_and_spaces(text)[0]
    lines = {" ".join(line.split()) for line in body}
    assert [line for line in short if line not in lines] == []


if __name__ == "__main__":  # debugging aid: python tests/test_justified_lines.py N OUT.pdf
    import sys
    printing = PRINTINGS[int(sys.argv[1])]
    rng = random.Random(f"{SEED}-{printing}")
    text, short = _page(rng)
    render.render_fpdf(GeneratedDoc("page", "-", text, {}), Path(sys.argv[2]), printing[1],
                       fonts.available()[printing[1]], rng, shaping=printing[0] == "fpdf2-shaped")


#: Fonts the paragraph after a justified line of three pieces is printed in (fpdf2).
PIECE_FONTS = ("Kinnari", "Garuda", "Loma", "Sarabun")


def _run_of(rng: random.Random, width: float, measure: Callable[[str], float]) -> str:
    """A Thai run of :data:`WORDS` just under ``width`` points wide."""
    run = rng.choice(WORDS)
    while measure(run) < width:
        word = rng.choice(WORDS)
        if measure(run + word) >= width:
            break
        run += word
    return run


def _pieces_page(rng: random.Random, font: str, path: Path) -> tuple[str, list[str]]:
    """A page of labelled fields whose paragraphs open with a line of a Thai run and two
    words (``... ร่วมกัน PM 2.5``), justified so the two words stand apart flush right,
    and go on in runs each on a line of its own, ending left of those words; a
    labelled line follows at once. Prints it to ``path``; returns the text and its
    labelled lines."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font(font, fname=str(font_file(font)))
    pdf.set_margins(25.4, 15, 25.4)
    pdf.add_page()
    pdf.set_font(font, size=10)
    width = pdf.w - 2 * 25.4  # mm, as get_string_width measures
    lines, labelled = [], []
    for k in range(3):
        label = f"{_run(rng, 2)} {rng.randint(1, 999)}"
        lines.append(label)
        labelled.append(label)
        pair = rng.choice(("PM 2.5", "COVID 19", "ASEAN 2026"))
        first = _run_of(rng, width - pdf.get_string_width(f" {pair} ") - 2.0,
                        pdf.get_string_width)
        rest = [_run_of(rng, width * rng.uniform(0.45, 0.7), pdf.get_string_width)
                for _ in range(rng.randint(2, 3))]
        lines.append(" ".join([first, pair, *rest]))
        label = f"{_run(rng, 1)}{k + 1}. {_run(rng, 3)}"
        lines.append(label)
        labelled.append(label)
    for line in lines:
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")  # justified (fpdf2's default)
    pdf.output(str(path))
    return "\n".join(lines), labelled


@pytest.mark.parametrize("font", PIECE_FONTS)
def test_justified_pieces_are_no_table(font: str, tmp_path: Path) -> None:
    """A justified line's stretched spaces are no table's columns: the paragraph's next
    lines, which end left of them, are not read as that table's first cell, nor is the
    labelled line under them joined to the paragraph."""
    rng = random.Random(f"{SEED}-pieces-{font}")
    pdf = tmp_path / f"{font}.pdf"
    text, labelled = _pieces_page(rng, font, pdf)
    read = repair_text(extract_pdf(pdf.read_bytes(), pdf.name, ocr="never").text)
    body = [line for line in read.split("\n")
            if line.strip() and not re.fullmatch(r"\s*-\s*\d+\s*-\s*", line)]
    assert letters_and_spaces("\n".join(body))[0] == letters_and_spaces(text)[0]
    lines = {" ".join(line.split()) for line in body}
    assert [line for line in labelled if line not in lines] == []
