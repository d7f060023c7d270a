"""A ruled table printed with separate borders: its first and last rows stay rows.

A web page's ``<table border="1">`` without ``border-collapse`` draws each cell's
box of its own, the default cell spacing (2 px) inside the table's frame: the
cells' sides stop a point and a half short of the frame's top and bottom rules,
which the first row's top and the last row's bottom are. Their cells were found in
no band of the table (the column rules had to reach the band's rules within a
point), so those two rows were read as loose lines and the rows between as the
table's: a report's row whose cell wrapped inside a word was read into its
neighbour (report 2 stored with report 3's number, report 3 lost). The legacy form's
page is generated (``bench/corpus/forms.py``) and printed by Chromium with the
default spacing; the truth is the values it was generated from.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_tables import Rules, _cell_of

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from thai_fonts import font_file


def _separate(html: str) -> str:
    """The page with its table's borders separate, the browser's default spacing."""
    return html.replace(' cellspacing="0"', "").replace("table { border-collapse: collapse; }", "")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_legacy_form_with_separate_borders_reads_every_report(seed: int, tmp_path: Path) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    doc = GENERATORS["legacy_html"](random.Random(f"separate-borders-{seed}"))
    assert doc.html is not None
    separate = _separate(doc.html)
    assert separate != doc.html
    doc.html = separate
    pdf = tmp_path / "form.pdf"
    render.render_chromium(doc, pdf, "Sarabun", font_file("Sarabun"), random.Random(seed),
                           header_footer=False)
    right, total, lost = score(process_file(pdf), json.loads(doc.truth_json()))
    assert right == total, lost[:6]


def test_a_cell_s_sides_short_of_the_frame_still_bound_its_band() -> None:
    # the frame at 692.6 and 555.4, the rows' rules at 645.4 and 600.4; the cells'
    # sides run from 557.2 to 690.8: 1.8 pt short of the frame
    rules = Rules(vertical=((34.1, 555.0, 693.0), (97.1, 557.2, 690.8), (445.1, 557.2, 690.8),
                            (577.9, 555.0, 693.0)),
                  horizontal=((555.4, 33.8, 578.2), (600.4, 36.0, 576.0),
                              (645.4, 36.0, 576.0), (692.6, 33.8, 578.2)))
    first, last = _cell_of(200.0, 674.2, rules), _cell_of(200.0, 564.0, rules)
    assert first is not None and last is not None
    assert first.column == last.column == 1
    assert first.row[:2] == (692.6, 645.4) and last.row[:2] == (600.4, 555.4)
