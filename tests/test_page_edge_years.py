"""A meeting's or a month's number over a year at a page's top is text, no page number.

So is a number alone at a page's top (``2``, the rest of ``… งวดที่ 2``) when the
page has its number at its foot (``- 2 -``): a page is numbered once.

A report's detail ``… ครั้งที่ 2/2566`` (the meeting's number over its Buddhist-era
year) may wrap so that ``2/2566`` is the next page's first line. It reads like a page
number with its page count (``2/12``) and was left out as page furniture: the detail
lost its end, and the page's next line, taken for the page's outermost, matched the
next page's top (``** ปัญหาของโครงการ :ไม่มี``) and went as a running header
(:mod:`bma_etl.furniture`); across a borderless table's page break it was taken for
the page's number, no row's rest (:mod:`bma_etl.read.pdf_margins`). A page count is
no Buddhist-era year.

The documents are generated and printed as bench/corpus's builder draws them (seeds
157 and 151); the truth is their progress reports as generated.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.furniture_marks import PAGE_NUMBER_RE
from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.score import score
from thai_fonts import font_file


def test_a_page_count_is_no_year() -> None:
    assert [bool(PAGE_NUMBER_RE.match(t)) for t in ("3/12", "- 3 -", "หน้า 2/9", "1 of 3")] \
        == [True] * 4
    assert [bool(PAGE_NUMBER_RE.match(t)) for t in ("2/2566", "๒/๒๕๖๖", "12 / 2563")] \
        == [False] * 3


def test_a_history_detail_whose_year_opens_a_page(tmp_path: Path) -> None:
    # fpdf2 with shaping, Laksaman 16 pt: ``2/2566`` opens page 2
    font = "Laksaman"
    doc = GENERATORS["web_history"](_rng(157, "web_history", 3))
    pdf = tmp_path / "history.pdf"
    render.render_fpdf(doc, pdf, font, font_file(font),
                       _rng(157, "web_history", 3, "fpdf2-shaped"), shaping=True)
    _check(pdf, doc.truth)


def test_a_number_alone_opening_a_numbered_page(tmp_path: Path) -> None:
    # fpdf2 with shaping, Laksaman 16 pt, ``- n -`` at each page's foot: the detail's
    # ``… งวดที่ 2`` wraps so that ``2`` opens page 2, the page's own number as it
    # happens; the page is numbered at its foot, so the ``2`` at its top is text
    font = "Laksaman"
    doc = GENERATORS["web_history"](random.Random(1054))
    pdf = tmp_path / "history.pdf"
    render.render_fpdf(doc, pdf, font, font_file(font), random.Random(54), shaping=True, pt=16)
    _check(pdf, doc.truth)


def test_a_form_row_whose_year_opens_a_page(tmp_path: Path) -> None:
    # LibreOffice, narrow columns, Garuda 16 pt: ``๒/๒๕๖๖`` opens the page after the row
    font = "Garuda"
    font_file(font)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["legacy_tab"](_rng(151, "legacy_tab", 1))
    pdf = tmp_path / "form.pdf"
    _, failed = render.render_narrow_tables_batch(
        [(doc, pdf, font, _rng(151, "legacy_tab", 1, "soffice-narrow"))])
    assert not failed, failed
    _check(pdf, doc.truth)


def _check(pdf: Path, truth: dict) -> None:
    """Every progress report of ``truth`` read from ``pdf`` as generated."""
    reports = {"tables": {"progress_updates": truth["tables"]["progress_updates"]}}
    result = score(process_file(pdf), reports)
    assert result.total > 0 and result.lost == [], result.lost[:4]

