"""A label and its number that justification spread to the margin stay one line of text.

fpdf2's ``multi_cell`` justifies a paragraph by widening its spaces. When a label
and its number (``ชื่อโครงการที่ 1``) are followed by a name longer than the rest of
the line (a run of Thai words, which sets no spaces), the name goes to the next
line and the label's line is spread until its number stands flush right, its one
gap as wide as a table's. Read as a row of two cells, the label's line and the
lines around it were joined into one cell with the number after them all (an
action plan's step table lost its indicator number and project name).

The pages are generated (an indicator heading over a project heading whose name
does not fit after its number), printed by the corpus's fpdf2 printer in four
fonts, two sizes and both orientations; the truth is their letters in order and
each heading's line as written, its gap a space, not a cell's tab.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.read.pdf import extract_pdf
from bma_etl.textnorm import repair_text

from corpus import render
from corpus.paragraphs import WORDS
from corpus.values import project_code, project_name
from ocr_text import letters_and_spaces
from thai_fonts import font_file

SEED = 5501
#: (font, body size pt, orientation) of each printing.
PRINTINGS = (("Laksaman", 11, "L"), ("Garuda", 14, "P"), ("Loma", 11, "P"),
             ("Sarabun", 14, "L"))
UNITS = ("(ส่วนยุทธศาสตร์ฯ)", "(กองแผนงาน)", "(ส่วนโยธา)")


def _run_between(rng: random.Random, low: float, high: float, width) -> str:
    """A run of :data:`WORDS` wider than ``low`` and narrower than ``high`` (mm)."""
    while True:
        run = ""
        while width(run) <= low:
            run += rng.choice(WORDS)
        if width(run) < high:
            return run


def _page(rng: random.Random, pdf) -> tuple[list[str], list[str]]:
    """The page's lines, and the headings that must read as written."""
    full = pdf.w - pdf.l_margin - pdf.r_margin
    width = pdf.get_string_width
    lines, headings = [], []
    for k in range(1, 4):
        heading = f"ชื่อตัวชี้วัดที่ {k} {_run_between(rng, full * 0.3, full * 0.6, width)}"
        label = f"ชื่อโครงการที่ {rng.randint(1, 9)}"
        room = full - width(label + " ")
        name = _run_between(rng, room + 2.0, full - 2.0, width)
        lines += [heading, f"{label} {name} {rng.choice(UNITS)}", ""]
        headings += [heading, label]
    return lines, headings


@pytest.mark.parametrize("printing", PRINTINGS, ids=lambda p: f"{p[0]}-{p[1]}{p[2]}")
def test_a_spread_label_line_is_not_a_table_row(printing: tuple[str, int, str],
                                                tmp_path: Path) -> None:
    font, size, orientation = printing
    rng = random.Random(f"{SEED}-{printing}")
    pdf = render.fpdf_page(font, font_file(font), size, orientation=orientation)
    lines, headings = _page(rng, pdf)
    render.fpdf_lines(pdf, lines, size * 0.5)
    out = tmp_path / f"{font}.pdf"
    pdf.output(str(out))
    read = repair_text(extract_pdf(out.read_bytes(), out.name, ocr="never").text)
    body = [line for line in read.split("\n") if not re.fullmatch(r"\s*-\s*\d+\s*-\s*", line)]
    assert letters_and_spaces("\n".join(body))[0] == letters_and_spaces("\n".join(lines))[0]
    read_lines = {re.sub(" +", " ", line.strip()) for line in body}  # a tab stays a tab
    assert [h for h in headings if h not in read_lines] == []


#: (font, body size pt) of the shaped printings: Norasi kerns its digit pairs, Kinnari
#: sets wide spaces.
SHAPED = (("Norasi", 16), ("Norasi", 12), ("Kinnari", 14))


@pytest.mark.parametrize("printing", SHAPED, ids=lambda p: f"{p[0]}-{p[1]}")
def test_a_shaped_line_spread_by_a_word_it_measured_too_wide_is_one_line(
        printing: tuple[str, int], tmp_path: Path) -> None:
    # fpdf2 with text shaping breaks a line on the font's advances and draws it shaped:
    # a tracking page's ``name : code`` whose code overflowed the line as measured
    # (by under a millimetre) goes to the next line, and ``name :`` is spread to the
    # margin, though the code as drawn (kerned) would have fitted in the room left.
    # The spread line is one line of text, not a name and a colon in two cells.
    font, size = printing
    rng = random.Random(f"{SEED}-shaped-{printing}")
    measure = render.fpdf_page(font, font_file(font), size, margin=15.0).get_string_width
    pairs = [(project_name(rng, long=False), project_code(rng)) for _ in range(3)]
    lost = []
    for k, (name, code) in enumerate(pairs):
        pdf = render.fpdf_page(font, font_file(font), size, margin=15.0, shaping=True)
        full = measure(f"{name} : {code}") - 0.3  # the code overflows by 0.3 mm, measured
        pdf.set_right_margin(pdf.w - pdf.l_margin - full - 2 * pdf.c_margin)
        lines = [f"{name} : {code}", "", "ความคืบหน้าโครงการ ร้อยละ 45"]
        render.fpdf_lines(pdf, lines, size * 0.5)
        out = tmp_path / f"{k}.pdf"
        pdf.output(str(out))
        read = repair_text(extract_pdf(out.read_bytes(), out.name, ocr="never").text)
        body = [re.sub(" +", " ", line.strip()) for line in read.split("\n")]
        lost += [name for name in [f"{name} :"] if name not in body]
        assert code in body, "the code fitted its line: shows nothing"
    assert lost == []
