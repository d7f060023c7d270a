"""A SWOT item that a page break cuts goes on past the page's foot and running header.

A PDF's reader measures each page's lines for wraps (``RepairedText.wraps``) but a
page's last line has no next line on its page. fpdf2 wraps a paragraph at a space:
before a long Thai run that did not fit (``…การแพร่ระบาดของโรคติดเชื้อ`` /
``โดยเฉพาะในพื้นที่…``) it leaves a short line. Where the page was full and the break
fell there (``- 2 -`` / ``กรุงเทพมหานคร`` between), the list's last item, a paragraph
under it, was cut at the break (seed 61, Loma). The reader now judges a full page's
last line against the next page's first, furniture set aside
(:func:`bma_etl.read.pdf_wraps.wraps_over_breaks`).

A full line there goes on too when the next page opens inside its word (fpdf2 cut
``ประสบการ`` / ``ณ์ในการ…``: :func:`bma_etl.read.pdf_wraps.opens_inside_word`).

Plans generated (bench/corpus), printed the way ``render_fpdf`` prints them with the
last item's short line (or a line cut inside a word) set at a page's foot; the truth
is the generated items.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_wraps import opens_inside_word

from corpus.build import GENERATORS
from corpus.render import fpdf_lines, fpdf_page
from corpus.score import score
from thai_fonts import fonts_or_fail

HEADER = "กรุงเทพมหานคร"
#: Room (font sizes) the item's short line leaves before the margin, at least.
SHORT_EM = 8.0
#: Room (font sizes) a line cut inside a word leaves before the margin, at least.
ROOM_EM = 0.7


def _pdf(font: str, path: Path, pt: float, numbered: bool = True) -> Any:
    """An A4 page as render_fpdf sets it up, with its running header (and page number)."""
    return fpdf_page(font, path, pt, header=HEADER, margin=20, numbered=numbered)


def _short_line(pdf: Any, line: str, pt: float) -> int | None:
    """Of the lines fpdf2 wraps ``line`` into, one that ends short before the next run.

    fpdf2 justifies a wrapped line's spaces to the margin, and cuts a run too long for
    a line anywhere: the end of such a run, no space in it, followed by a run that
    did not fit (``แพร่ระบาดของโรคติดเชื้อ`` / ``โดยเฉพาะในพื้นที่…``), stays short. (Not
    the item's number alone on its first line: another case.)
    """
    from fpdf.enums import MethodReturnValue

    width = pdf.w - pdf.l_margin - pdf.r_margin
    lines = pdf.multi_cell(0, pt * 0.5, line, dry_run=True, output=MethodReturnValue.LINES)
    return next((j for j, text in enumerate(lines[:-1]) if j and " " not in text.strip()
                 and width - pdf.get_string_width(text) > SHORT_EM * pt * 25.4 / 72), None)


def _inside_word(pdf: Any, line: str, pt: float) -> int | None:
    """Of the lines fpdf2 wraps ``line`` into, one it cut inside a Thai word.

    fpdf2 cuts a run too long for a line anywhere: the next line may open with what
    no Thai word starts with (``ประสบการ`` / ``ณ์ในการ…``, ``ในก`` / ``ารปฏิบัติ``).
    The line leaves :data:`ROOM_EM` or more before the margin, as ``ประสบการ`` did
    (the cluster ``ณ์`` did not fit): the line is full, yet not to the margin.
    """
    from fpdf.enums import MethodReturnValue

    width = pdf.w - pdf.l_margin - pdf.r_margin
    lines = pdf.multi_cell(0, pt * 0.5, line, dry_run=True, output=MethodReturnValue.LINES)
    return next((j for j in range(1, len(lines) - 1) if opens_inside_word(lines[j + 1])
                 and width - pdf.get_string_width(lines[j]) > ROOM_EM * pt * 25.4 / 72), None)


Pick = Callable[[Any, str, float], "int | None"]


def _print(generated: Any, font: str, path: Path, pt: float, out: Path,
           pick: Pick = _short_line, numbered: bool = True) -> bool:
    """The plan printed; a line of the last SWOT item ``pick`` chooses the last of a full page.

    (The last: no next item or heading says the line under it goes on.) The block
    of the item's kind (its heading, the items before it) is set lower on its page,
    by as much as it takes: a page break before a heading, as a writer's.
    ``numbered``: a page number at each page's foot.
    """
    from fpdf.enums import MethodReturnValue

    items = generated.truth["tables"]["plan_swot_items"]
    last = str(items[-1]["text"])
    pdf = _pdf(font, path, pt, numbered)
    lines = generated.text.split("\n")
    at = next(k for k, line in enumerate(lines) if line.strip() and line.endswith(last))
    short = pick(pdf, lines[at], pt)
    if short is None:
        return False
    top = max(k for k in range(at) if lines[k].startswith(KINDS))
    h, stop = pt * 0.5, 12.7

    def height(line: str) -> float:
        if not line.strip():
            return h * 0.6
        return h * len(pdf.multi_cell(0, h, line, dry_run=True,
                                      output=MethodReturnValue.LINES))

    block = sum(height(line) for line in lines[top:at]) + h * (short + 1)  # to the short line
    for k, line in enumerate(lines):
        if k == top:
            if pdf.get_y() + block > pdf.page_break_trigger:
                pdf.add_page()
            pdf.set_y(pdf.page_break_trigger - block - 0.5)
        if "\t" in line:
            return False  # (a SWOT list's page: no tab rows before it here)
        if line.strip():
            pdf.multi_cell(0, h, line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(h * 0.6)
        if k == at:
            break
    fpdf_lines(pdf, lines[at + 1:], h, stop)
    pdf.output(str(out))
    return True


#: The SWOT headings' first words (bench/corpus/plans.py).
KINDS = ("จุดแข็ง", "จุดอ่อน", "โอกาส", "อุปสรรค")


@pytest.mark.parametrize(("font", "seed"), [("Loma", 0), ("Laksaman", 10), ("Garuda", 20)])
def test_last_item_cut_by_a_page_break_goes_on(font: str, seed: int, tmp_path: Path) -> None:
    path = fonts_or_fail([font])[font]
    out = tmp_path / "plan.pdf"
    printed = next(((k, pt) for k in range(seed, seed + 30) for pt in (12.0, 14.0, 16.0)
                    if _print(GENERATORS["plan"](random.Random(k)), font, path, pt, out)), None)
    assert printed is not None, "no plan whose last SWOT item wraps before a long run"
    generated = GENERATORS["plan"](random.Random(printed[0]))
    truth = {"tables": {"plan_swot_items": generated.truth["tables"]["plan_swot_items"]}}
    result = score(process_file(out), truth)
    assert result.right == result.total, result.lost


@pytest.mark.parametrize(("font", "seed"), [("Sarabun", 0), ("Norasi", 10)])
def test_item_cut_inside_a_word_by_a_page_break_goes_on(font: str, seed: int,
                                                         tmp_path: Path) -> None:
    """A full line at a full page's foot goes on when the next page opens inside its word.

    fpdf2 cut ``…ความสามารถและประสบการ`` / ``ณ์ในการปฏิบัติงาน…`` at the foot of
    page 2 (``- 2 -`` and the running header between): the item was read to the cut
    (a corpus print in Sarabun). A full line is no evidence of a wrap, but a next line
    that opens with what no Thai word starts with is. (Printed with no page number
    under the line, which the page's own lines could judge it against.)
    """
    path = fonts_or_fail([font])[font]
    out = tmp_path / "plan.pdf"
    printed = next(((k, pt) for k in range(seed, seed + 30) for pt in (12.0, 14.0, 16.0)
                    if _print(GENERATORS["plan"](random.Random(k)), font, path, pt, out,
                              _inside_word, numbered=False)), None)
    assert printed is not None, "no plan whose SWOT item fpdf2 cuts inside a word"
    generated = GENERATORS["plan"](random.Random(printed[0]))
    truth = {"tables": {"plan_swot_items": generated.truth["tables"]["plan_swot_items"]}}
    result = score(process_file(out), truth)
    assert result.right == result.total, result.lost
