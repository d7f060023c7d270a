"""A report row whose label a page break cut (``รายงาน`` / ``ครั้งที่1``) in a Word print.

A progress form written as a Word file with borderless tables in Thai distributed
alignment (``soffice-docx-dist``) and printed by LibreOffice at 16 pt: the first
report's row starts at a page's foot with ``รายงาน`` and the first line of its text,
and goes on at the next page's top with ``ครั้งที่1`` and the rest. The row's label
cell shows no edge on its page (the room its line left is unknown) and no word runs
over the cut, so the two were not joined: the report lost its label and every value.
The column's other labels (``รายงานครั้งที่2``…) say what the two pieces make.

The form is generated from known values (bench/corpus, seed 3621); the truth is the
generated values.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import render
from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated
from thai_fonts import font_file


@pytest.mark.parametrize(("font", "first_cm"), [("Sarabun", "2.2"), ("Garuda", "2.2"),
                                                ("Garuda", "1.8")])
def test_report_label_cut_at_a_page_foot(font: str, first_cm: str, tmp_path: Path) -> None:
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    font_file(font)
    doc = GENERATORS["legacy_tab"](_rng(3621, "legacy_tab", 0))
    settings = render.docx_dist_settings(_rng(3621, "legacy_tab", 0, "soffice-docx-dist"))
    settings |= {"pt": "16", "first_cm": first_cm}
    pdf = tmp_path / "form.pdf"
    failed = render.render_docx_batch([(doc, pdf, font, settings)])
    assert not failed, failed
    assert_read_as_generated(pdf, doc.truth)
