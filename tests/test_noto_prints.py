"""Chromium's and LibreOffice's prints in Noto Sans Thai and Noto Serif Thai read as printed.

Chromium writes each Thai cluster with a mark as an ``/ActualText`` span drawn by
two text objects (the consonant's glyph, then its marks' glyphs). In Noto Sans
Thai the letter after ``ผู้`` is moved back a hair, so pdfium orders the marks'
object after that letter and reads the span twice: ``ผู้ประสานงาน`` read
``ผู้ปผู้ ระสานงาน`` (:mod:`bma_etl.read.pdf_spans`). Pages of known words and
generated documents are printed with Chromium in both fonts (Debian's
``fonts-noto-core``, which ``make venv`` installs); the truth is the written words
and the generated values.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from chromium_pages import chromium_word_lines
from corpus import fonts, render
from corpus.build import GENERATORS
from corpus.score import score

#: Lines with clusters Noto draws with a mark glyph run of their own (``ผู้``, ``ปู่``),
#: each before a letter that font moves back, and SARA AM, as a form's labels and values.
WORDS = ["ผู้ประสานงาน: นายสมชาย ใจดี",
         "ผู้รับผิดชอบ: สำนักการโยธา",
         "ผู้รับจ้าง บริษัท ก้าวหน้า จำกัด",
         "ปู่ย่า ฟู้ด ญี่ปุ่น ผู้ผลิต ที่ตั้ง น้ำท่วม กั้นน้ำ"]


def _font(family: str) -> Path:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    path = fonts.noto(family)
    if path is None:
        pytest.fail(f"needs {family}: apt-get install fonts-noto-core (make venv does)")
    return path


@pytest.mark.parametrize("family", sorted(fonts.NOTO_THAI))
def test_noto_words_read_once(family: str, tmp_path: Path) -> None:
    lines = chromium_word_lines(_font(family), WORDS, tmp_path)
    assert lines == WORDS


@pytest.mark.parametrize(("generator", "family"), [("legacy_pipe", "Noto Sans Thai"),
                                                   ("web_detail", "Noto Sans Thai"),
                                                   ("legacy_html", "Noto Serif Thai")])
def test_chromium_noto_prints_read_the_generated_values(generator: str, family: str,
                                                         tmp_path: Path) -> None:
    path = _font(family)
    doc = GENERATORS[generator](random.Random(f"noto-{generator}-0"))
    truth = json.loads(doc.truth_json())
    pdf = tmp_path / "printed.pdf"
    render.render_chromium(doc, pdf, family, path, random.Random(0), header_footer=False)
    right, total, lost = score(process_file(pdf), truth)
    assert right == total, lost[:6]


def test_libreoffice_noto_print_keeps_the_space_after_a_fallback_run(tmp_path: Path) -> None:
    """LibreOffice draws the digits of a Noto Sans Thai text from a fallback font whose
    widths are wider than the advances it sets them with: the space between a date and
    its time (``2025-10-01 00:00:00``) looked too narrow for one
    (:mod:`bma_etl.read.pdf_overhang`)."""
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: apt-get install libreoffice-writer-nogui (make venv does)")
    _font("Noto Sans Thai")
    doc = GENERATORS["legacy_html"](random.Random("noto-legacy_html-1"))
    pdf = tmp_path / "printed.pdf"
    assert render.render_soffice_batch([(doc, pdf, "Noto Sans Thai")]) == {}
    right, total, lost = score(process_file(pdf), json.loads(doc.truth_json()))
    assert right == total, lost[:6]
