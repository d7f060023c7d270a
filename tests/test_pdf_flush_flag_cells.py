"""Flag cells set closer than a padding, cut where the next cell's second line starts.

bench/corpus ``soffice-narrow``: the progress form's tables as an HTML page of narrow
columns, printed by LibreOffice Writer/Web. In Kinnari at 16 pt a report row's two
flag cells open on one line 0.44 font sizes apart (``: ไม่เป็นไป : ไม่เป็นไป``), under
the padding a cell's gap is known by (0.55 em) and not half again as wide as the
line's word spaces; the second flag's next line (``ตามเป้า``) starts where that gap
ends. The two read as one cell, the row's wrapped flags ran together (``: ไม่เป็นไป
: ไม่เป็นไปตามเป้าตามแผน หมาย``) and both flags were lost. A gap wider than each of
its line's other gaps that ends where another line's piece starts, to a twentieth of
a font size, now ends a cell (:func:`bma_etl.read.pdf_cutcells.cut_at_starts`).

The form is generated (bench/corpus ``legacy_long``) and printed as the corpus prints
it; the truth is every report's fields as generated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import render
from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated
from thai_fonts import font_file

#: A corpus draw (seed, form) whose page foot cuts a row with flags so set.
SEED, K = 961, 1


def test_flag_cells_a_gap_apart_read_as_generated(tmp_path: Path) -> None:
    font_file("Kinnari")
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["legacy_long"](_rng(SEED, "legacy_long", K))
    pdf = tmp_path / "form.pdf"
    _, failed = render.render_narrow_tables_batch(
        [(doc, pdf, "Kinnari", _rng(SEED, "legacy_long", K, "soffice-narrow"))])
    assert not failed, failed
    assert_read_as_generated(pdf, doc.truth, ("progress_updates",))
