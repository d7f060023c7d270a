"""Report rows of a narrow borderless table, under the table's rows above.

LibreOffice Writer/Web prints the progress form's reports as a narrow table, each
report its own block of lines: ``รายงานครั้ง`` / ``ที่๕`` in the first column beside the
detail, the flags (``: ไม่เป็นไป`` / ``ตามแผน``) in two narrow columns. A row's second
line goes on the first: its first word did not fit the room the line above left in
the first column. That was looked for only under a table's first line (a header's
titles set flush), never in a row read alone under rows of its table, at a page's foot
or under a row a page break cut (:func:`bma_etl.read.pdf_borderless.top_aligned_rows`).
There the report read as two, one without its flags. At a page's foot a row's two flag
cells, closer than a tab, are cut at the columns of the table above them
(:func:`bma_etl.read.pdf_columns.with_columns`). A row a page break cut goes on on the
next page where each of its cells does, Thai to Thai, even past the edge the flags' same
words showed by ending together (:func:`bma_etl.read.pdf_cutrow_lines.goes_on_first`).

The forms are the corpus's (bench/corpus, printed as ``soffice-narrow`` prints them);
the truth is every report as generated.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from corpus import render
from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated
from thai_fonts import font_file

#: A report's label the narrow first column cut: ``รายงานครั้ง`` / ``ที่๕``.
_LABEL_CUT = re.compile("รายงานครั้ง\r?\nที่")


def _narrow_print(tmp_path: Path, seed: int, generator: str, k: int, font: str
                  ) -> tuple[Any, Path, list[str]]:
    """``(doc, pdf, pages)``: the ``k``-th ``generator`` form of corpus seed ``seed`` as
    ``soffice-narrow`` prints it, and the text pdfium gives for each page."""
    import pypdfium2 as pdfium

    font_file(font)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS[generator](_rng(seed, generator, k))
    pdf = tmp_path / f"{generator}.pdf"
    _, failed = render.render_narrow_tables_batch(
        [(doc, pdf, font, _rng(seed, generator, k, "soffice-narrow"))])
    assert not failed, failed
    return doc, pdf, [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf)]


@pytest.mark.parametrize(("seed", "generator", "k", "font"),
                         [(317, "legacy_long", 4, "Loma"), (465, "legacy_html", 5, "Sarabun")])
def test_a_report_row_under_rows_of_its_table_reads_whole(
        seed: int, generator: str, k: int, font: str, tmp_path: Path) -> None:
    doc, pdf, pages = _narrow_print(tmp_path, seed, generator, k, font)
    assert _LABEL_CUT.search("".join(pages)), "no report label cut: the test shows nothing"
    assert_read_as_generated(pdf, doc.truth, ["progress_updates"])


#: A page that opens with a report label's rest (``ครั้งที่๔``): a page break cut the row.
_PAGE_OPENS_CUT = re.compile(r"^\s*(?:ครั้ง)?ที่[0-9๐-๙]")


@pytest.mark.parametrize(("seed", "generator", "k", "font"), [(465, "legacy_pipe", 0, "Norasi")])
def test_a_report_row_a_page_break_cut_goes_on_each_cell(
        seed: int, generator: str, k: int, font: str, tmp_path: Path) -> None:
    doc, pdf, pages = _narrow_print(tmp_path, seed, generator, k, font)
    assert any(_PAGE_OPENS_CUT.match(text) for text in pages[1:]), \
        "no page break cut a report row: the test shows nothing"
    assert_read_as_generated(pdf, doc.truth, ["progress_updates"])
