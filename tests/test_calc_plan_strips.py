"""Action plans kept as a sheet and printed by Calc without page set-up, in column strips.

Plans generated from known values (bench/corpus, producer ``soffice-calc-pages``) are
printed by LibreOffice Calc "down, then over", as the corpus prints them; the truth
is the generated values. Two things of such prints lost most of a plan's rows:

- Calc prints no page that would hold nothing. The plan's title rows stand in column
  A alone, so the second strip has no page for the first row band, and the third
  strip opens further down: counting the bands from the first page whose text has
  twins put every page of the later strips one band off (:mod:`.pdf_strip_bands`).
- Column A, sized to its long headings, is wider than the paper: Calc prints it cut
  at the page's margin, and the next strip begins at column B. Set where the sheet
  has it, column B stood a blank gulf right of column A's cut, and each row's number
  and name were read as two lines (:func:`.pdf_strips.printed_shifts`; a column whose
  text runs on hidden past the cut, on a row the next strip has text on, keeps the
  gulf: that text is read as written).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_strip_bands import down_then_over
from bma_etl.read.pdf_strips import find_strips, printed_shifts

from corpus import calc, render
from corpus.build import GENERATORS, _rng
from corpus.score import score
from thai_fonts import font_file

#: ``(seed, document, font, grid)``: the corpus's plans of seed 3621 as it printed them.
PRINTS = ((3621, 0, "Laksaman", "borders"), (3621, 1, "Loma", "lines"))
#: Least share of the plans' fields right: measured 501 of 535 (0.17.0: 275).
FLOOR = 0.9
#: A schedule's month names (Oct., Nov., Jan., Sep.) and arrows, Thai as Calc prints them.
MARKS = ("\u0e15.\u0e04.", "\u0e1e.\u0e22.", "\u0e21.\u0e04.", "\u0e01.\u0e22.",
         "\u2190", "\u2192", "\u2194")


def test_plans_printed_in_column_strips_read_their_rows(tmp_path: Path) -> None:
    if not (render.have("soffice") and Path("/usr/lib/libreoffice/program/libsclo.so").exists()):
        pytest.fail("needs LibreOffice Calc: make venv installs libreoffice-calc-nogui")
    jobs = []
    for seed, k, font, grid in PRINTS:
        font_file(font)  # fails the test when the font is not installed
        doc = GENERATORS["plan"](_rng(seed, "plan", k))
        settings = {"fit": "no", "grid": grid, "pt": "14", "colon": "label", "cap": "120",
                    "orientation": "portrait", "valign": "top"}
        jobs.append((doc, tmp_path / f"plan-{seed}-{k}.pdf", font, settings))
    failed = calc.render_calc_batch(jobs)
    assert not failed, failed
    right = total = 0
    run_on = []  # values a schedule's month or arrow ran into (a page in another's band)
    for doc, pdf, _, _ in jobs:
        result = score(process_file(pdf), doc.truth)
        assert result.layout == "annual_action_plan"
        right, total = right + result.right, total + result.total
        run_on += [lost for lost in result.lost if isinstance(lost[2], str)
                   and any(mark in lost[2] and mark not in str(lost[1]) for mark in MARKS)]
    assert right >= FLOOR * total, (right, total)
    assert not run_on, run_on


def _row(y: float, left: float = 60.0, width: float = 80.0) -> tuple[float, float, float, float]:
    return (left, y, left + width, y + 12.0)


def test_a_strip_without_a_page_for_its_first_band_is_placed_by_its_rows() -> None:
    """Three row bands, two strips; the second strip prints no page for band 0."""
    heights = ([700.0, 640.0], [700.0, 610.0, 520.0], [690.0, 600.0, 450.0, 300.0])
    first = [[_row(y) for y in band] for band in heights]
    first[1].append((60.0, 700.0, 700.0, 712.0))  # a heading run over both strips
    later = [[(60.0 - 500.0, 700.0, 700.0 - 500.0, 712.0), _row(610.0)],  # its cut twin
             [_row(600.0), _row(450.0), _row(300.0)]]
    pages = [*first, *later]
    # each band's cell borders, drawn alike on every strip
    rules = [[715.0, 685.0, 655.0], [715.0, 625.0, 595.0, 535.0],
             [705.0, 615.0, 465.0, 315.0]]
    assert down_then_over(pages, {3: (1, 500.0)}, [*rules, rules[1], rules[2]]) == {
        0: (0, 0), 1: (1, 0), 2: (2, 0), 3: (1, 1), 4: (2, 1)}
    strips = find_strips(pages, [*rules, rules[1], rules[2]])
    assert strips is not None and strips.bands == [[0], [1, 3], [2, 4]]
    # without rules, rows of text alone do not place a page (most bands have rows at
    # the common row height): the pages are left to the count of bands, as before
    assert down_then_over(pages, {3: (1, 500.0)}) is None


def test_a_column_wider_than_the_page_is_followed_where_it_was_cut() -> None:
    """A4 pages (595 pt, 55 pt margins): column A cut at the margin, column B set 756 pt
    right on the sheet, goes on at the cut; text that the cut hid keeps its place."""
    pages = [[_row(700.0, 55.0, 400.0)], [_row(700.0, 55.0, 300.0)], [_row(700.0, 55.0)]]
    shifts, width = printed_shifts([0, 1, 2], [0.0, 756.0, 1100.0], pages, {}, 595.0)
    assert shifts == [0.0, 485.0, 829.0] and width == 829.0 + 135.0 + 55.0
    pages[0] = [_row(700.0, 55.0, 640.0)]  # a cell's text runs on past the margin, hidden
    assert printed_shifts([0, 1, 2], [0.0, 756.0, 1100.0], pages, {}, 595.0)[0][1] == 652.0


def test_a_page_on_rows_of_a_common_height_is_placed_by_its_rules() -> None:
    """A later strip's page holding one row of months stands at a height every band has
    a row at; the cell borders drawn at its rows' edges tell its band (2, not 1)."""
    grid = [[700.0, 670.0, 640.0]] * 3  # every band's rows at one common row height
    rules = [[710.0, 680.0, 650.0, 620.0], [720.0, 690.0, 631.0, 600.0],
             [705.0, 660.0, 615.0, 590.0]]
    first = [[_row(y) for y in band] for band in grid]
    first[0].append((60.0, 700.0, 700.0, 712.0))  # a heading run over both strips
    later = [[(60.0 - 500.0, 700.0, 700.0 - 500.0, 712.0)], [_row(670.0)], [_row(670.0)]]
    pages = [*first, *later]
    placed = {0: (0, 0), 1: (1, 0), 2: (2, 0), 3: (0, 1), 4: (2, 1), 5: (1, 2)}
    assert down_then_over(pages, {3: (0, 500.0)}, [*rules, rules[0], rules[2], rules[1]]
                          ) == placed
    strips = find_strips(pages, [*rules, rules[0], rules[2], rules[1]])
    assert strips is not None and strips.bands == [[0, 3], [1, 5], [2, 4]]
