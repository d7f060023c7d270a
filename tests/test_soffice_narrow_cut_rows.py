"""Progress forms whose narrow report table sets its cells closer than a tab.

bench/corpus ``soffice-narrow``: the form's tables as an HTML page with narrow
columns, printed by LibreOffice Writer/Web. Its cells stand closer than a tab's
gap, so a line of a report row may be its cells run together (``: เป็นไป :
เป็นไป`` beside ``ตามเป้า``, the two flag columns), and a page break that cuts a
report row leaves its first line at the page's foot as running text and its cells
on the next page as one (``แผน เป้าหมาย``). The reader tells the cells apart by the
columns around them (:mod:`bma_etl.read.pdf_cutcells`).

The forms are generated (bench/corpus ``legacy_long``) and printed as the corpus
prints them; the truth is every report's fields as generated.
"""

from __future__ import annotations

import random
import re
from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from thai_fonts import font_file

FONTS = ("Loma", "Kinnari", "Laksaman", "Garuda")
#: Draws whose report row a page break cuts (its flags go on on the next page) ...
CUT = (12, 21)
#: ... and whose flag cells stand on one line closer than a tab.
CLOSE = (7, 10, 16)
#: A page's text that ends in a flag cut short: a row the page break cut.
_CUT_FLAG = re.compile("(?:เป็ ?นไป|ตาม|เป้า)$")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[object, Path]]:
    """Each draw's form printed with narrow borderless columns: draw -> (document, PDF)."""
    for font in FONTS:
        font_file(font)  # fails the test when the font is not installed
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    folder = tmp_path_factory.mktemp("narrow-cut")
    jobs = [(GENERATORS["legacy_long"](random.Random(f"cut-{k}")), folder / f"form{k}.pdf",
             FONTS[k % 4], random.Random(f"cut-print-{k}")) for k in (*CUT, *CLOSE)]
    _, failed = render.render_narrow_tables_batch(jobs, ruled=False)
    assert not failed, failed
    return {k: (doc, pdf) for k, (doc, pdf, _, _) in zip((*CUT, *CLOSE), jobs, strict=True)}


def _lost(doc: object, pdf: Path) -> list[tuple[object, ...]]:
    truth = {"tables": {"progress_updates": doc.truth["tables"]["progress_updates"]}}  # type: ignore[attr-defined]
    return [(pdf.name, *item) for item in score(process_file(pdf), truth).lost]


def _cut_pages(pdf: Path) -> int:
    """How many pages (but the last) end in a flag cut short."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    return sum(1 for text in texts[:-1] if _CUT_FLAG.search(text.strip()))


def test_a_report_row_a_page_break_cut_keeps_its_cells(printed: dict[int, tuple[object, Path]]
                                                         ) -> None:
    for k in CUT:
        assert _cut_pages(printed[k][1]) >= 1, k  # the draw still prints a cut row
    assert [item for k in CUT for item in _lost(*printed[k])] == []


def test_flag_cells_closer_than_a_tab_stay_apart(printed: dict[int, tuple[object, Path]]
                                                  ) -> None:
    assert [item for k in CLOSE for item in _lost(*printed[k])] == []


def test_flag_cells_a_word_space_and_a_half_apart_at_a_page_s_foot(tmp_path: Path) -> None:
    # At 12 pt the two flag columns' lines stand under a font size apart (``: เป็นไป`` a
    # wrapped line short of its cell's edge, then ``: เป็นไป``: 0.9 em), yet wider than
    # any word space; the row a page break cut keeps its two flags apart on both pages.
    from corpus.build import _rng

    font_file("Garuda")
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["legacy_html"](_rng(577, "legacy_html", 0))
    pdf = tmp_path / "form.pdf"
    settings, failed = render.render_narrow_tables_batch(
        [(doc, pdf, "Garuda", _rng(577, "legacy_html", 0, "soffice-narrow"))])
    assert not failed, failed
    assert settings[pdf]["pt"] == "12" and settings[pdf]["ruled"] == "False"
    document = pdfium.PdfDocument(str(pdf))
    try:
        feet = ["\n".join(document[i].get_textpage().get_text_range().splitlines()[-3:])
                for i in range(len(document) - 1)]
    finally:
        document.close()
    # the draw still prints a report row cut after its flags' first line, on one line
    assert any(re.search(r"^: เป็ ?นไป : เป็ ?นไป\s*$", foot, re.M) for foot in feet)
    assert _lost(doc, pdf) == []


def test_a_row_s_second_line_a_page_break_cut_goes_on_in_each_cell(tmp_path: Path) -> None:
    # The tab dialect's report is two table rows, the second with an empty first cell
    # (``⇥:: ความก้าวหน้าของงานฯ = … : งบประมาณที่เบิก``, ``: เป็นไปตาม``, ``: เป็นไปตามเป้า``);
    # a page break cut it, and the next page's first line goes on each of its three cells
    # (``ใช้(ครั้งที่ 1) = 0 บาท แผน หมาย``). The columns showed no edge on the first page
    # (the room its lines left is unknown), yet each cell goes on from Thai to Thai where
    # it starts: the row's rest, its budget and flags read.
    from corpus.build import _rng

    font_file("Garuda")
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["legacy_tab"](_rng(583, "legacy_tab", 4))
    pdf = tmp_path / "form.pdf"
    settings, failed = render.render_narrow_tables_batch(
        [(doc, pdf, "Garuda", _rng(583, "legacy_tab", 4, "soffice-narrow"))])
    assert not failed, failed
    assert settings[pdf]["ruled"] == "False"
    document = pdfium.PdfDocument(str(pdf))
    try:
        texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    # the draw still prints the row's budget label cut at a page's foot
    assert any(re.search(r"ที่เบิก\s*(?:\S+\s*){0,10}$", a) and re.match(r"ใช้", b)
               for a, b in pairwise(texts))
    assert _lost(doc, pdf) == []
