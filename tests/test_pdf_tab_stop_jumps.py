"""A cell that fills its column to less than a word space before the next tab stop (fpdf2).

fpdf2 prints a text's tab rows by moving its pen to the next tab stop (every 12.7 mm
from the left margin; bench/corpus/render.fpdf_lines). A plan step's description that
wraps and ends less than a word space before a stop is followed by its share set on
that stop with no white space between: the PDF writes none and pdfium makes up none,
so ``…ในพื้นที่`` and ``20`` read as one word, the row's lines looked like one tall
cell beside its last cell (the cumulative share), and the table's total row right
under the step was joined into it (``…ในพื้นที่20 รวม 5 ขั้นตอน คิดเป็นร้อยละ 100 100``):
the step lost its description, share and cumulative share. The gap is no letter's (a
writer sets a word's letters one advance after another) and its far side stands on
the document's grid of stops: a cell break (:mod:`bma_etl.read.pdf_jumps`,
:func:`bma_etl.read.pdf_tabstops.with_tab_stops`).

A plan is generated (bench/corpus) and the last step of its first step table given a
description, among the generator's steps and their tails, that fpdf2 wraps once and
ends that close before a stop at a size and margin it prints at; its schedule is left
out, so that the total row stands right under the step's last line (as when the
schedule runs to the year's last month). Printed in Loma and Laksaman, shaped and not; the
truth is the generated values.
"""

from __future__ import annotations

import random
import re
import zlib
from pathlib import Path
from typing import Any

import pytest

from bma_etl.read import read_source
from bma_etl.read.pdf_glyphs import TAB_GAP_EM
from bma_etl.read.pdf_jumps import JUMP_EM
from bma_etl.read.pdf_line import TextLine
from bma_etl.read.pdf_tabstops import with_tab_stops

from corpus.build import GENERATORS
from corpus.plan_tables import _STEP_TAILS, _STEPS
from corpus.render import fpdf_lines, fpdf_page
from read_back import assert_read_as_generated
from thai_fonts import fonts_or_fail

#: fpdf2's print (bench/corpus/render.py: render_fpdf): tab stops every 12.7 mm.
STOP_MM = 12.7
PT = 72 / 25.4  # points in a millimetre
STEP_ROW = re.compile(r"^(?P<no>[0-9๐-๙]+)\. [^\t]+\t(?P<share>[^\t]+)\t(?P<cum>[^\t]+)")


def _plan(seed: int) -> Any:
    """A plan of the robustness corpus of ``seed`` (its plan_000)."""
    return GENERATORS["plan"](random.Random(zlib.crc32(repr((seed, "plan", 0)).encode())))


def _case(font: str, path: Path, shaping: bool, no: str, share: str
          ) -> tuple[float, float, str, float]:
    """``(pt, margin_mm, description, gap_pt)``: a step ``no`` whose description fpdf2
    wraps once and ends a gap under a word space (over :data:`JUMP_EM`) before a stop,
    its ``share`` and the cumulative share after it set at the next two stops as cells
    (a tab's gap before the second)."""
    for pt in (10.0, 11.0, 12.0):
        for margin in (15.0, 20.0, 25.4):
            for desc in (s + t for s in _STEPS for t in ("", *_STEP_TAILS)):
                pdf = fpdf_page(font, path, pt, margin=margin, shaping=shaping, numbered=False)
                y = pdf.get_y()
                pdf.write(pt * 0.5, f"{no}. {desc}")
                end = pdf.get_x() - pdf.l_margin
                stop = (int(end / STOP_MM) + 1) * STOP_MM
                gap = (stop - end) * PT
                if abs(pdf.get_y() - y - pt * 0.5) < 0.01 \
                        and JUMP_EM * pt < gap < pdf.get_string_width(" ") * PT \
                        and (STOP_MM - pdf.get_string_width(share)) * PT > TAB_GAP_EM * pt \
                        and stop + STOP_MM <= pdf.epw - 5:
                    return pt, margin, desc, gap
    raise AssertionError(f"no step description ends close before a stop in {font}")


#: (font, HarfBuzz shaping, corpus seed of the plan: 1 writes Thai digits, 3 Arabic)
CASES = [("Loma", False, 1), ("Loma", True, 3), ("Laksaman", False, 3), ("Laksaman", True, 3)]


@pytest.mark.parametrize(("font", "shaping", "seed"), CASES)
def test_a_step_that_fills_its_column_to_a_stop_keeps_its_share_and_the_total_row(
        font: str, shaping: bool, seed: int, tmp_path: Path) -> None:
    path = fonts_or_fail([font])[font]
    doc = _plan(seed)
    lines = doc.text.split("\n")
    steps = doc.truth["tables"]["plan_steps"]
    last = [row for row in steps if row["indicator_no"] == 1][-1]
    at = next(k for k, line in enumerate(lines)
              if STEP_ROW.match(line) and line.split("\t")[0].endswith(last["description"]))
    row = STEP_ROW.match(lines[at])
    assert row is not None
    pt, margin, desc, gap = _case(font, path, shaping, row["no"], row["share"])
    assert JUMP_EM * pt < gap < TAB_GAP_EM * pt  # the case: less than a space, more than none
    lines[at] = f"{row['no']}. {desc}\t{row['share']}\t{row['cum']}"
    last["description"] = desc
    total = next(line for line in lines[at + 1:] if line.startswith("รวม")).split("\t")[0]
    out = tmp_path / "plan.pdf"
    pdf = fpdf_page(font, path, pt, margin=margin, shaping=shaping)
    fpdf_lines(pdf, lines, pt * 0.5)
    pdf.output(str(out))
    read = [line.rstrip("\t") for line in read_source(out).text.split("\n")]
    # the share a cell of its own after the description's end, the total row a line
    assert any(line.endswith(f"{desc[-4:]}\t{row['share']}\t{row['cum']}") for line in read), \
        [line for line in read if row["cum"] in line and desc[-4:] in line]
    assert any(line.startswith(total) for line in read)
    assert_read_as_generated(out, doc.truth, ["plan_steps"])


def _row(text: str, cells: tuple[float, ...], jumps: tuple[tuple[int, float, float], ...]
         ) -> TextLine:
    return TextLine(text, 700.0, 10.0, cells=cells, left=cells[0], right=cells[-1] + 16.7,
                    ends=(*(c - 10.0 for c in cells[1:]), cells[-1] + 16.7),
                    heights=(700.0,) * len(cells), spaces=(False,) * len(cells), jumps=jumps)


def test_only_a_jump_onto_the_grid_of_a_line_set_at_stops_is_a_cell_break() -> None:
    margin = 74.83
    grid = [margin + 36.0 * k for k in range(12)]
    text = "โดยความร่วมมือของสำนักงานเขตในพื้นที่20\t100"
    at = text.index("20")
    # a page of rows at stops: the grid shows
    rows = [_row(f"{k}. ขั้นตอน\t{k}0\t{k}00", (margin, grid[8], grid[9]), ())
            for k in range(1, 7)]
    lines = [_row(text, (margin, grid[9]), ((at, grid[8] - 2.0, grid[8]),)),
             _row(text, (margin, grid[9]), ((at, grid[8] - 2.0, grid[8] + 0.1),)),
             _row(text.replace("\t", " "), (margin,), ((at, grid[8] - 2.0, grid[8]),)), *rows]
    with_tab_stops([lines])
    assert lines[0].text == "โดยความร่วมมือของสำนักงานเขตในพื้นที่\t20\t100"
    assert lines[0].cells == (margin, grid[8], grid[9])
    assert lines[0].ends[0] == grid[8] - 2.0
    assert lines[1].text == text  # off the grid by a tenth of a point: a word's letters
    assert lines[2].text == text.replace("\t", " ")  # a line not set at stops: left alone
