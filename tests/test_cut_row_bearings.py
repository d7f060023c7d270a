"""A ruled row a page break cut after its first line, its label's word just too wide.

bench/corpus ``soffice-narrow``: LibreOffice Writer/Web prints the progress form's
reports as a narrow ruled table and closes both parts of a row a page cuts with
rules of their own. When the cut falls after the row's first line, whether the next
page's first row is that row's rest is told by the room each cell's last line left:
its first word did not fit there. ``รายงานครั้ง`` / ``ที่2`` left 0.4 pt more room than
the ink of ``ที่2`` (Loma, 16 pt), so the rest read as a row of its own and the
report lost its flags and its narrative's end. A word also takes its glyphs' side
bearings (:data:`bma_etl.read.pdf_breaks.BEARING_EM`).

The form is generated (bench/corpus) and printed as the corpus builder prints its
fourth narrow form of seed 199; the truth is its reports as generated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.score import score
from thai_fonts import font_file


def test_a_report_a_page_cut_after_its_label_s_first_line_reads_whole(tmp_path: Path) -> None:
    font_file("Loma")
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["legacy_html"](_rng(199, "legacy_html", 3))
    pdf = tmp_path / "form.pdf"
    made, failed = render.render_narrow_tables_batch(
        [(doc, pdf, "Loma", _rng(199, "legacy_html", 3, "soffice-narrow"))])
    assert not failed and pdf in made, failed
    truth = {"tables": {"progress_updates": doc.truth["tables"]["progress_updates"]}}
    result = score(process_file(pdf), truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]
