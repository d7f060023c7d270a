"""A spreadsheet printed without page set-up: its column strips read as one page again.

A form kept as a sheet (label in column A, value in B, the report flags in C and D)
and printed by LibreOffice Calc as it is puts each strip of columns on pages of its
own, "down, then over": every row band of the label column, then every row band of
the value column. Read page by page, no label stood beside its value, and the form
was quarantined (``without รหัสโครงการ or ชื่อโครงการ``). The forms are generated
from known values (bench/corpus, producer ``soffice-calc-pages``) and scored against
those values; :func:`find_strips` is also asked of page boxes laid out by hand.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_layers import read_layers
from bma_etl.read.pdf_strips import find_strips

from corpus import calc, render
from corpus.build import GENERATORS
from corpus.score import score
from thai_fonts import font_file

SEED = 4127

def _needs_calc() -> None:
    if not (render.have("soffice") and Path("/usr/lib/libreoffice/program/libsclo.so").exists()):
        pytest.fail("needs LibreOffice Calc: make venv installs libreoffice-calc-nogui")


def test_forms_printed_in_column_strips_read_their_values(tmp_path: Path) -> None:
    _needs_calc()
    jobs = []
    for gen, font, grid, orientation, order in (
            ("legacy_tab", "Garuda", "none", "portrait", "down"),
            ("legacy_pipe", "Loma", "borders", "landscape", "down"),
            ("legacy_tab", "Garuda", "lines", "portrait", "over")):
        font_file(font)
        doc = GENERATORS[gen](random.Random(f"{SEED}-{gen}"))
        settings = calc.calc_settings(random.Random(SEED), fit=False)
        settings |= {"grid": grid, "orientation": orientation, "cap": "120", "pt": "12",
                     "order": order}
        jobs.append((doc, tmp_path / f"{gen}-{order}.pdf", font, settings))
    failed = calc.render_calc_batch(jobs)
    assert not failed, failed
    for doc, pdf, _, _ in jobs:
        printed = len(pdfium.PdfDocument(pdf))
        layers = read_layers(pdf.read_bytes(), pdf.name)
        assert 1 <= len(layers) < printed  # the strips of a row band make one page
        right, total, lost = score(process_file(pdf), json.loads(doc.truth_json()))
        assert right == total, (pdf.name, lost[:5])


def _cell(left: float, bottom: float, width: float) -> tuple[float, float, float, float]:
    return (left, bottom, left + width, bottom + 12.0)


def test_strips_down_then_over_are_found_from_cut_cells() -> None:
    """Two row bands, three strips: a heading merged over the sheet runs over every
    strip; each later page draws it again from left of the page, its twin."""
    heading = 400.0
    bands = []
    for row in range(2):
        y = 700.0 - 30.0 * row
        bands.append([
            [_cell(60.0, y, heading), _cell(60.0, 500.0, 80.0)],  # the label strip
            [_cell(60.0 - 150.0, y, heading), _cell(60.0, 500.0, 300.0)],  # cut at 150
            [_cell(60.0 - 450.0, y, heading), _cell(60.0, 500.0, 40.0)],  # cut at 450
        ])
    pages = [bands[row][strip] for strip in range(3) for row in range(2)]
    strips = find_strips(pages)
    assert strips is not None
    assert strips.bands == [[0, 2, 4], [1, 3, 5]]
    assert [[round(x) for x in xs] for xs in strips.shifts] == [[0, 150, 450]] * 2
    assert strips.drops[2] == [pages[2][0]] and strips.drops[4] == [pages[4][0]]
    over = [bands[row][strip] for row in range(2) for strip in range(3)]  # over, then down
    found = find_strips(over)
    assert found is not None and found.bands == [[0, 1, 2], [3, 4, 5]]


def test_pages_without_cut_cells_are_left_alone() -> None:
    """Pages whose rows stand at the same heights, nothing drawn left of the page."""
    page = [_cell(60.0, 700.0 - 20.0 * k, 300.0) for k in range(30)]
    assert find_strips([page, page, list(page)]) is None
    # text left of the page with no twin on an earlier page is no strip either
    assert find_strips([page, [_cell(-40.0, 700.0, 90.0), *page]]) is None
