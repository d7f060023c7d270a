"""A cell that fills its column to less than a tab before a stop, a space made up (fpdf2).

fpdf2 prints a text's tab rows by moving its pen to the next tab stop (every 12.7 mm
from the left margin; bench/corpus/render.fpdf_lines). A plan step's description that
wraps and ends wider than a word space but narrower than a tab's gap
(:data:`~bma_etl.read.pdf_glyphs.TAB_GAP_EM`) before a stop is followed by its share
set on that stop; pdfium makes up a space in that gap (Norasi's narrow letters leave
one more often than the wider fonts, whose near miss keeps none:
tests/test_pdf_tab_stop_jumps.py), so ``…ในพื้นที่ 20`` read as two words of one cell,
the row's lines looked like one tall cell beside its last cell (the cumulative share),
and the table's total row right under the step was joined into it (``…ในพื้นที่ 20 รวม
5 ขั้นตอน คิดเป็นร้อยละ 100 100⇥100``): the step lost its description, share and
cumulative share (fpdf2 shaped Norasi, seed 1891 plan_002). A cell that ends less
than a word space short of a stop leaves a made-up space too, narrower than a word
space, in Sarabun, Kinnari and Laksaman at 10 pt (``…กรุงเทพมหานคร 20⇥100``). In a
line set at stops, white space before the row's figures whose far side stands on the
document's grid of stops, wider or narrower than the page's word space (not one
itself), is a cell break (:func:`bma_etl.read.pdf_tabstops.with_tab_stops`).

A plan is generated (bench/corpus) and the last step of its first step table given a
description, among the generator's steps and their tails, that fpdf2 wraps once before
its tail (one long word) and ends that far before a stop, right of its first line's
end, at a size and margin it prints at; the total row's cells are each less than a
tab's gap before their stops (the row one cell, as in plan_002); its schedule is left
out, so that the total row stands right under the step's last line (as when the
schedule runs to the year's last month). Printed in Norasi, shaped and not; the truth
is the generated values. And a page of running text over rows of the generator's
steps and tails, each followed by two figures at the next stops, printed at 10 pt:
each row whose description ends less than a word space short of its stop reads as
three cells.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bma_etl.read import read_source
from bma_etl.read.pdf_glyphs import TAB_GAP_EM
from bma_etl.read.pdf_jumps import JUMP_EM
from bma_etl.read.pdf_line import TextLine
from bma_etl.read.pdf_tabstops import SAME_SPACE, with_tab_stops
from test_pdf_tab_stop_jumps import STEP_ROW, STOP_MM, _plan

from corpus.plan_tables import _STEP_TAILS, _STEPS
from corpus.render import fpdf_lines, fpdf_page
from read_back import assert_read_as_generated
from thai_fonts import fonts_or_fail

PT = 72 / 25.4  # points in a millimetre
#: The gap before the stop (font sizes): a made-up space's room, clear of a word
#: space (Norasi's is about a third of a font size) and of a tab's gap.
LEAST_EM, MOST_EM = 0.7, TAB_GAP_EM - 0.3
#: Running text above the rows: the page's word space is its commonest white space.
_PROSE = " ".join(["การดำเนินงาน ตาม แผน ของ หน่วยงาน ใน ปี งบประมาณ"] * 12)


def _case(font: str, path: Path, shaping: bool, no: str, share: str, total: list[str]
          ) -> tuple[float, float, str, float] | None:
    """``(pt, margin_mm, description, gap_pt)``: a step ``no`` whose description fpdf2
    wraps once, before its tail (one long word), and ends :data:`LEAST_EM` to
    :data:`MOST_EM` font sizes before a stop further right than its first line ends, its
    ``share`` and the cumulative share after it set at the next two stops as cells
    (a tab's gap before the second), the ``total`` row's cells under it each less than
    a tab's gap before its stop (the row one cell, as the step's lines are); None when
    no size, margin and description do."""
    for pt in (10.0, 11.0, 12.0):
        for margin in (15.0, 20.0, 25.4):
            for step, tail in ((s, t) for s in _STEPS for t in _STEP_TAILS):
                desc = step + tail
                pdf = fpdf_page(font, path, pt, margin=margin, shaping=shaping, numbered=False)
                y = pdf.get_y()
                pdf.write(pt * 0.5, f"{no}. {desc}")
                end = pdf.get_x() - pdf.l_margin
                stop = (int(end / STOP_MM) + 1) * STOP_MM
                gap = (stop - end) * PT
                if abs(pdf.get_y() - y - pt * 0.5) < 0.01 \
                        and pdf.get_string_width(f"{no}. {step}") < end \
                        and LEAST_EM * pt < gap < MOST_EM * pt \
                        and all(_before_stop(pdf, cell) < TAB_GAP_EM * pt for cell in total[:2]) \
                        and (STOP_MM - pdf.get_string_width(share)) * PT > TAB_GAP_EM * pt \
                        and stop + STOP_MM <= pdf.epw - 5:
                    return pt, margin, desc, gap
    return None


def _before_stop(pdf: Any, text: str) -> float:
    """The room (points) ``text`` set from a stop leaves before the next stop on ``pdf``."""
    width = pdf.get_string_width(text)
    return (STOP_MM - width % STOP_MM) * PT


#: (font, HarfBuzz shaping)
CASES = [("Norasi", False), ("Norasi", True)]


@pytest.mark.parametrize(("font", "shaping"), CASES)
def test_a_step_a_space_short_of_a_stop_keeps_its_share_and_the_total_row(
        font: str, shaping: bool, tmp_path: Path) -> None:
    path = fonts_or_fail([font])[font]
    for seed in range(1, 9):  # the first corpus plan whose step number and share give a case
        doc = _plan(seed)
        lines = doc.text.split("\n")
        steps = doc.truth["tables"]["plan_steps"]
        last = [row for row in steps if row["indicator_no"] == 1][-1]
        at = next(k for k, line in enumerate(lines)
                  if STEP_ROW.match(line) and line.split("\t")[0].endswith(last["description"]))
        row = STEP_ROW.match(lines[at])
        assert row is not None
        total = next(line for line in lines[at + 1:] if line.startswith("รวม")).split("\t")
        case = _case(font, path, shaping, row["no"], row["share"], total)
        if case is not None:
            break
    else:
        raise AssertionError(f"no step description ends a space or more before a stop in {font}")
    pt, margin, desc, gap = case
    lines[at] = f"{row['no']}. {desc}\t{row['share']}\t{row['cum']}"
    last["description"] = desc
    out = tmp_path / "plan.pdf"
    pdf = fpdf_page(font, path, pt, margin=margin, shaping=shaping)
    assert gap > pdf.get_string_width(" ") * PT + SAME_SPACE  # the case: over the font's space
    fpdf_lines(pdf, lines, pt * 0.5)
    pdf.output(str(out))
    read = [line.rstrip("\t") for line in read_source(out).text.split("\n")]
    # the share a cell of its own after the description's end, the total row a line
    assert any(re.search(f"{re.escape(desc[-4:])}\t+{row['share']}\t+{row['cum']}$", line)
               for line in read), [line for line in read if row["cum"] in line]
    assert any(line.startswith(total[0]) for line in read)
    assert_read_as_generated(out, doc.truth, ["plan_steps"])


def _row(text: str, cells: tuple[float, ...], gaps: tuple[tuple[float, float], ...]
         ) -> TextLine:
    return TextLine(text, 700.0, 10.0, cells=cells, left=cells[0], right=cells[-1] + 16.7,
                    ends=(*(c - 10.0 for c in cells[1:]), cells[-1] + 16.7),
                    heights=(700.0,) * len(cells), spaces=(False,) * len(cells), gaps=gaps)


def test_only_white_space_before_figures_on_the_grid_of_a_line_set_at_stops_is_a_cell_break(
        ) -> None:
    margin = 74.83
    grid = [margin + 36.0 * k for k in range(12)]
    text = "ในพื้นที่ 20\t100"
    space = 3.3  # the page's word space at 10 pt
    # a page of rows at stops, each with word spaces: the grid and the word space show
    rows = [_row(f"{k}. ขั้นตอน ที่ {k}\t{k}0\t{k}00", (margin, grid[8], grid[9]),
                 ((margin + 8.0, margin + 8.0 + space), (margin + 40.0, margin + 40.0 + space)))
            for k in range(1, 7)]
    lines = [_row(text, (margin, grid[9]), ((grid[8] - 9.0, grid[8]),)),
             _row(text, (margin, grid[9]), ((grid[8] - 9.0, grid[8] + 0.1),)),
             _row(text, (margin, grid[9]), ((grid[8] - space, grid[8]),)),
             _row(text.replace("\t", " "), (margin,),
                  ((grid[8] - 9.0, grid[8]), (grid[9] - 10.0, grid[9]))),
             _row("ลำดับ\tชื่อโครงการ งบประมาณ", (margin, grid[2]), ((grid[5] - 9.0, grid[5]),)),
             _row(text, (margin, grid[9]), ((grid[8] - 2.4, grid[8]),)),
             *rows]
    with_tab_stops([lines])
    assert lines[0].text == "ในพื้นที่\t20\t100"
    assert lines[0].cells == (margin, grid[8], grid[9])
    assert lines[0].ends[0] == grid[8] - 9.0
    assert lines[0].gaps == ()
    assert lines[1].text == text  # off the grid by a tenth of a point: a word space
    assert lines[2].text == text  # a word space: a word that happens to start on a stop
    assert lines[3].text == text.replace("\t", " ")  # a line not set at stops: left alone
    assert lines[4].text == "ลำดับ\tชื่อโครงการ งบประมาณ"  # words, no figures: left alone
    assert lines[5].text == "ในพื้นที่\t20\t100"  # narrower than a word space: a break too
    assert lines[5].ends[0] == grid[8] - 2.4


#: (font, HarfBuzz shaping): fonts whose cells a pen's move leaves less than a word
#: space before a stop, where pdfium makes up a space narrower than a word space.
NARROW_CASES = [("Sarabun", False), ("Kinnari", False), ("Laksaman", True)]


@pytest.mark.parametrize(("font", "shaping"), NARROW_CASES)
def test_a_cell_less_than_a_word_space_short_of_a_stop_keeps_its_figures_apart(
        font: str, shaping: bool, tmp_path: Path) -> None:
    path = fonts_or_fail([font])[font]
    pt = 10.0
    pdf = fpdf_page(font, path, pt, shaping=shaping)
    word = pdf.get_string_width(" ") * PT
    rows, narrow = [], []
    for desc in (f"{k}. {s}{t}" for k, s in enumerate(_STEPS, 1) for t in ("", *_STEP_TAILS)):
        end = pdf.get_string_width(desc)
        if end > pdf.epw - 3 * STOP_MM:
            continue
        rows.append(f"{desc}\t20\t100")
        gap = (STOP_MM - end % STOP_MM) * PT  # the pen's move to the next stop (points)
        if JUMP_EM * pt < gap < word - SAME_SPACE - 0.1:
            narrow.append(desc)
    assert narrow, f"no step description ends less than a word space before a stop in {font}"
    fpdf_lines(pdf, [_PROSE, *rows], pt * 0.5)
    out = tmp_path / "rows.pdf"
    pdf.output(str(out))
    read = [line.rstrip("\t") for line in read_source(out).text.split("\n")]
    lost = [desc for desc in narrow
            if not any(re.search(f"{re.escape(desc[-4:])}\t+20\t+100$", line) for line in read)]
    assert not lost, [line for line in read if any(desc[-4:] in line for desc in lost)]
