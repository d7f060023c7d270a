"""A report row whose cells are centred in its height, cut by a page break, reads whole.

bench/corpus ``soffice-narrow``: the form's report table as an HTML page with narrow
columns, printed by LibreOffice Writer/Web, which centres a cell in its row's height.
A page break that cuts a report row leaves each cell's first line at the page's
foot; on the next page the long detail cell goes on alone for a few lines, and the
short cells' rest (``ที่2`` under ``รายงานครั้ง``, ``ตามแผน`` under ``: ไม่เป็นไป``)
stands beside its next line, centred. That line was read as a row of its own, the
flags' rest as detail. Within a page, a row whose label and flags wrap beside the
detail's lines (every cell goes on Thai to Thai) was kept apart when its first line
began the lines read together (at a page's foot or top, or under the detail's lines
set above the label), as a header's titles are. The forms are generated
(bench/corpus) and printed as the corpus prints them; the truth is every report's
fields as generated.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.score import score
from thai_fonts import font_file


@pytest.mark.parametrize(("seed", "generator", "k"),
                         [(311, "legacy_html", 4), (313, "legacy_long", 3)],
                         ids=["from-html", "long"])
def test_a_centred_row_a_page_break_cut_reads_whole(tmp_path: Path, seed: int, generator: str,
                                                    k: int) -> None:
    font_file("Norasi")
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS[generator](_rng(seed, generator, k))
    pdf = tmp_path / "form.pdf"
    made, failed = render.render_narrow_tables_batch(
        [(doc, pdf, "Norasi", _rng(seed, generator, k, "soffice-narrow"))])
    assert not failed and pdf in made, failed
    truth = {"tables": {"progress_updates": doc.truth["tables"]["progress_updates"]}}
    result = score(process_file(pdf), truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]


def test_a_centred_row_whose_label_and_flags_wrap_reads_whole(tmp_path: Path) -> None:
    # Each report's label (``รายงานครั้ง`` / ``ที่4``) and flags wrap onto a second line
    # beside the detail's lines, a row at the page's foot and one at the next page's
    # top among them: each is a row whose cells all wrap, not the table's first line.
    font_file("Sarabun")
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["legacy_html"](random.Random("centred-16"))
    pdf = tmp_path / "form.pdf"
    made, failed = render.render_narrow_tables_batch(
        [(doc, pdf, "Sarabun", random.Random("centred-print-16"))])
    assert not failed and pdf in made, failed
    truth = {"tables": {"progress_updates": doc.truth["tables"]["progress_updates"]}}
    result = score(process_file(pdf), truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]
