"""A tab row wrapped at a space at the page's edge, its rest opening the next page.

bench/corpus ``fpdf2`` prints a tab row by moving the pen to the next default tab
stop and writing each piece, wrapped at the page's right margin to its left one.
A target row too long for its line wraps so at a page break: the next page opens
with the rest of one target (``ผลิตภัณฑ์``) and the following targets at their
stops, and a second line (``ผลิตภัณฑ์`` ⇥ the last target) goes on after the last
piece of the first. Both lines stood in the same two stops, so they were joined as
a top-aligned wrapped row, cell by cell: two targets changed places and one took
the other's word. A line whose cells stand on the default tab grid is running text
set at tab stops; when its last piece was wrapped at a space (the next line's
first word would not have fitted after it), the next line goes on that piece,
not on its cells (:func:`bma_etl.read.pdf_borderless._flows_on`,
:func:`bma_etl.read.pdf_tabstops.on_tab_grid`).

The plan is generated (bench/corpus) and printed by fpdf2 in Kinnari; the truth is
its indicators as generated.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_tabstops import on_tab_grid

from corpus.score import score
from corpus_prints import corpus_fpdf_print


def test_a_target_row_wrapped_at_a_space_over_a_page_break_keeps_its_targets(
        tmp_path: Path) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, 191, "plan", 7, "Kinnari", shaping=False)
    targets = [row["target_text"] for row in doc.truth["tables"]["plan_indicators"]]
    last = targets[-1]
    pages = [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf)]
    # the last target's last word opens a line of its own, after a line that the one
    # before it ended, cut at the space before its last word
    rest = last.rsplit(" ", 1)[1]
    assert any(f"\r\n{rest} {last}" in page or f"\r\n{rest}  {last}" in page
               for page in pages), "the print no longer wraps the row so"
    truth = {"tables": {"plan_indicators": doc.truth["tables"]["plan_indicators"]}}
    result = score(process_file(pdf), truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]


def test_cells_on_a_default_tab_grid() -> None:
    assert on_tab_grid((117.35, 369.35), 45.35)  # two and nine half inches in
    assert on_tab_grid((80.78,), 45.35)  # LibreOffice's 1.25 cm
    assert not on_tab_grid((117.35, 370.1), 45.35)  # a padded cell off the grid
    assert not on_tab_grid((), 45.35)
