"""Cells fpdf2 sets at its tab stops with less room before them than a tab's gap.

fpdf2 prints a text's tab rows by moving the pen to the next tab stop (every
12.7 mm from the left margin; bench/corpus/render.fpdf_lines). A short cell that
ends just before a stop leaves a gap narrower than the reader's tab gap
(:data:`bma_etl.read.pdf_glyphs.TAB_GAP_EM`), read as a word space: the target
table's header ran into its row of years (``ลำดับที่ ตัวชี้วัด ค่าเป้าหมาย ๒๕๕๘ …``) and
its targets were lost. The document's cells stand on the grid of stops to a
hundredth of a point, so white space whose far side lands on it is a cell break
(:mod:`bma_etl.read.pdf_tabstops`).

A plan is generated (bench/corpus) and printed as fpdf2 prints it, at a size and
margin where a header cell of the target table ends close before its stop, in five
fonts; the truth is the generated values.
"""

from __future__ import annotations

import random
import zlib
from pathlib import Path

import pytest

from bma_etl.read.pdf_cutrows import join_cut_row
from bma_etl.read.pdf_glyphs import TAB_GAP_EM
from bma_etl.read.pdf_line import TextLine
from bma_etl.read.pdf_tabstops import tab_grid, with_tab_stops

from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.render import fpdf_lines, fpdf_page
from corpus.score import score
from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated
from thai_fonts import fonts_or_fail

#: fpdf2's print (bench/corpus/render.py: render_fpdf): tab stops every 12.7 mm.
STOP_MM = 12.7
HEADER = ("ลำดับที่", "ตัวชี้วัด", "ค่าเป้าหมาย")
TABLES = ("plan_indicators", "plan_projects")


#: The plan of the robustness corpus of seed 127 (its plan_001): its target tables'
#: headers end close before their stops in the TLWG fonts at 11 pt.
PLAN = ("plan", 127, 1)


def _plan() -> GeneratedDoc:
    name, seed, k = PLAN
    return GENERATORS[name](random.Random(zlib.crc32(repr((seed, name, k)).encode())))


def _gaps_before_stops(font: str, path: Path, pt: float) -> list[float]:
    """The room (mm) each target-table header cell leaves before the next stop."""
    pdf = fpdf_page(font, path, pt, numbered=False)
    x, room = 0.0, []
    for cell in HEADER[:-1]:
        end = x + pdf.get_string_width(cell)
        x = (int(end / STOP_MM) + 1) * STOP_MM
        room.append(x - end)
    return room


@pytest.mark.parametrize("font", ["Laksaman", "Loma", "Norasi", "Kinnari", "Sarabun"])
def test_a_header_over_its_years_at_tab_stops_reads_its_targets(font: str,
                                                                 tmp_path: Path) -> None:
    from bma_etl.pipeline import process_file

    path = fonts_or_fail([font])[font]
    pt, margin = 11.0, 25.4
    # the case: a header cell ends closer to its stop than a tab's gap
    assert min(_gaps_before_stops(font, path, pt)) < TAB_GAP_EM * pt * 25.4 / 72
    doc = _plan()
    out = tmp_path / "plan.pdf"
    pdf = fpdf_page(font, path, pt, margin=margin)
    fpdf_lines(pdf, doc.text.split("\n"), pt * 0.5)
    pdf.output(str(out))
    truth = {"tables": {t: doc.truth["tables"][t] for t in TABLES}}
    lost = score(process_file(out), truth).lost
    # every year's target row is read (a target fpdf2 cut inside its number at the
    # margin, ``๑`` / ``๔ กิจกรรม``, is another kind, left to the flowing readers)
    assert [x for x in lost if x[3] == "row_missing" or x[0] == "plan_indicators.year_be"] == [], \
        lost[:6]
    assert [x for x in lost if x[0].startswith("plan_projects")] == [], lost[:6]


def _line(text: str, cells: tuple[float, ...], gaps: tuple[tuple[float, float], ...],
          baseline: float, right: float = 300.0) -> TextLine:
    return TextLine(text, baseline, 11.0, cells=cells, right=right,
                    ends=(*cells[1:], right)[:len(cells)], gaps=gaps,
                    heights=(baseline,) * len(cells), spaces=(False,) * len(cells))


def _table(margin: float, top: float, off: float = 0.0) -> list[TextLine]:
    """A header over its row of years, cells at stops ``off`` points off the grid, and prose."""
    grid = [margin + k * 36.0 + off for k in range(4)]
    return [_line("ลำดับที่ ตัวชี้วัด ค่าเป้าหมาย", (margin,),
                  ((107.01, grid[1]), (141.08, grid[2])), top),
            _line("๒๕๕๘ ๒๕๕๙ ๒๕๖๐", (grid[1],), ((140.53, grid[2]), (176.53, grid[3])), top - 13.0,
                  grid[3] + 25.0),
            _line("ก ข ค", (margin,), ((100.0, 103.56), (130.0, 133.56)), top - 26.0, 520.0),
            _line("ง จ ฉ", (margin,), ((100.0, 103.56), (130.0, 133.56)), top - 39.0, 520.0)]


def test_only_a_document_whose_cells_stand_on_stops_has_a_grid() -> None:
    margin = 74.83
    lines = _table(margin, 700.0) + _table(margin, 600.0)
    assert tab_grid([lines]) == 36.0
    with_tab_stops([lines])
    assert lines[0].text == "ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย"
    assert lines[0].cells == (margin, margin + 36.0, margin + 72.0)
    assert lines[1].text == "๒๕๕๘\t๒๕๕๙\t๒๕๖๐"
    assert lines[2].text == "ก ข ค"  # word spaces off the grid stay spaces
    # the same gaps off the grid by a tenth of a point: no grid, nothing cut
    off = [line for top in (700.0, 600.0, 500.0) for line in _table(margin, top, 0.1)]
    assert tab_grid([off]) is None
    with_tab_stops([off])
    assert off[0].text == "ลำดับที่ ตัวชี้วัด ค่าเป้าหมาย"


def _cells(cells: list[tuple[str, float, float]], baseline: float, size: float) -> TextLine:
    """A line of cells ``(text, left, right)`` in points."""
    return TextLine("\t".join(c[0] for c in cells), baseline, size,
                    cells=tuple(c[1] for c in cells), left=cells[0][1], right=cells[-1][2],
                    ends=tuple(c[2] for c in cells), spaces=(True,) * (len(cells) - 1) + (False,))


@pytest.mark.parametrize(("size", "thai"), [(10.0, False), (12.0, True), (14.0, False)])
def test_the_next_item_at_a_stop_left_of_the_cut_row_s_item_is_a_row_of_its_own(
        size: float, thai: bool) -> None:
    # LibreOffice's print of a text's project list (stops every 1.25 cm): the page
    # ends on the row ``1 | ด้านการบริหารทั่วไป | ๑. โครงการ… ๔,๑๙๑,๐๐๐ บาท``, the item
    # pushed to the fifth stop by the long group; the next page opens with the next
    # row ``\t\t๒. โครงการ…``, set at the second stop, under the group's cell. It opens
    # the item after the row's ``๑.``: a row of its own, not words of the group.
    digits = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙") if thai else None
    num = (lambda n: str(n).translate(digits)) if digits else str
    k, stop = size / 10.0, 709 / 20
    left = 56.8 * k
    row = _cells([(num(1), left, left + 5), ("ด้านการบริหารทั่วไป", left + stop, left + 3.2 * stop),
                  (f"{num(1)}. โครงการติดตั้งห้องน้ำสาธารณะริมคลอง {num(4)},{num(191)},000.00 บาท",
                   left + 4 * stop, left + 11 * stop)], 90.0, size)
    nxt = [_cells([(f"{num(2)}. โครงการจัดหาห้องน้ำสาธารณะริมคลอง", left + 2 * stop,
                    left + 9 * stop)], 780.0, size),
           _cells([("รวม", left, left + 2 * size), ("๒๒,๑๑๗,๑๐๐.๐๐ บาท", left + 9 * stop,
                                                    left + 12 * stop)], 780.0 - 1.5 * size, size)]
    before = [row]
    assert join_cut_row(before, nxt) == nxt
    assert before[0].text == row.text


def test_a_header_already_cut_at_its_stops_cuts_its_row_of_years() -> None:
    # the header's cells leave a tab's gap before their stops, so the line builder cut
    # it already; the years under it leave less, and ran together (``๒๕๕๘ ๒๕๕๙ ๒๕๖๐``)
    margin = 74.83
    lines = _table(margin, 700.0) + _table(margin, 600.0)
    for k in (0, 4):
        lines[k] = _cells([("ลำดับที่", margin, margin + 30.0),
                           ("ตัวชี้วัด", margin + 36.0, margin + 45.0),
                           ("ค่าเป้าหมาย", margin + 72.0, margin + 110.0)],
                          lines[k].baseline or 0.0, 11.0)
    with_tab_stops([lines])
    assert lines[0].text == "ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย"
    assert lines[1].text == "๒๕๕๘\t๒๕๕๙\t๒๕๖๐"
    assert lines[1].cells == (margin + 36.0, margin + 72.0, margin + 108.0)
    assert lines[2].text == "ก ข ค"


def test_the_measures_targets_under_a_header_cut_already_are_read(tmp_path: Path) -> None:
    # corpus seed 331's third plan, fpdf2 in Loma (12 pt, A4 landscape): the measures'
    # header ``ลำดับที่ ตัวชี้วัด ค่าเป้าหมาย`` leaves a tab's gap before each stop; its
    # years do not. Their row was read as an indicator (``๒๕๕๘ ๒๕๕๙ ๒๕๖๐ ๒๕๖๑``) and
    # the measures' targets were lost.
    doc, pdf = corpus_fpdf_print(tmp_path, 331, "plan", 2, "Loma", shaping=False)
    assert_read_as_generated(pdf, doc.truth, ["plan_indicators"])


def test_a_row_of_years_run_together_is_not_cut_under_a_header_cut_already() -> None:
    # fpdf2 sets a plan's years at stops closer than their width: the first two run
    # together (``๒๕๕๗๒๕๕๘``), a cell two stops wide. Cut at the stops it would give
    # fewer cells than years, and the plan's reader took the row for an indicator;
    # left as running text its years are read, each of the run's too
    margin = 74.83
    lines = _table(margin, 700.0) + _table(margin, 600.0)
    grid = [margin + k * 36.0 for k in range(5)]
    for k in (0, 4):
        lines[k] = _cells([("ลำดับที่", margin, margin + 30.0),
                           ("ตัวชี้วัด", margin + 36.0, margin + 45.0),
                           ("ค่าเป้าหมาย", margin + 72.0, margin + 110.0)],
                          lines[k].baseline or 0.0, 11.0)
    lines[1] = _line("๒๕๕๗๒๕๕๘ ๒๕๕๙ ๒๕๖๐", (grid[1],),
                     ((grid[3] - 4.5, grid[3]), (grid[4] - 4.5, grid[4])),
                     lines[1].baseline or 0.0, grid[4] + 30.0)
    with_tab_stops([lines])
    assert lines[0].text == "ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย"
    assert lines[1].text == "๒๕๕๗๒๕๕๘ ๒๕๕๙ ๒๕๖๐"


def test_the_targets_under_years_run_together_are_read(tmp_path: Path) -> None:
    # corpus seed 443's fourth plan, fpdf2 in Loma: the measures' header leaves a tab's
    # gap before its stops and the first two years ran together; the row of years was
    # cut into fewer cells than years and the measures' targets were lost
    doc, pdf = corpus_fpdf_print(tmp_path, 443, "plan", 3, "Loma", shaping=False)
    assert_read_as_generated(pdf, doc.truth, ["plan_indicators"])
