"""Marks a narrow cell's line breaker set on a line of their own stay in their cell.

LibreOffice prints a Word file's target table at 18 pt between wide margins with a
first column narrower than two letters: ``ลำดับที่`` is set a letter to a line, and
the marks of ``ที่`` go on a line of their own (``ลำดับท`` / ``ี่``). A mark has no
advance and is drawn left of its pen: alone, it hangs over the cell's left rule,
was read as text outside the table, cut the header row from the rows under it, and
every target of the table was lost. A piece of marks alone is placed by its right
edge, where its pen stood, and one that opens with a mark (``ลำด`` / ``ับ``) half an em
right of its left edge at most (:func:`bma_etl.read.pdf_line.pen_left`).

The same print wraps a step table's project heading over five lines; read over
four at most (:mod:`bma_etl.layouts.plan_step_headings`), its name lost its last words.

A plan is generated (bench/corpus) and printed as a Word file in the corpus's way
(``render.write_docx``, LibreOffice), at 18 pt with 45 mm margins; the truth is its
generated targets.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest

from bma_etl.read.pdf_line import pen_left

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from read_back import assert_read_as_generated
from thai_fonts import font_file


def large_print(tmp_path: Path, seed: int = 407, font: str = "Garuda"
                ) -> tuple[GeneratedDoc, Path]:
    """A generated plan as a Word file printed by LibreOffice in ``font``, 18 pt, 45 mm margins."""
    font_file(font)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    doc = GENERATORS["plan"](random.Random(seed))
    doc.margins_mm = 45
    pdf = tmp_path / "plan.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "plan.docx"
        render.write_docx(doc, src, font, pt=18, widths="content", lang="th-TH",
                          margin_cm=1.0, footer="หน้า {n}")
        assert render._soffice(tmp, [str(src)], [pdf], "--convert-to", "pdf") == {}
    return doc, pdf


@pytest.mark.parametrize(("seed", "font"), [
    (407, "Garuda"),  # ``ลำดับท`` / ``ี่``: the marks alone
    (411, "Loma"),  # ``ลำด`` / ``ับ`` / ``ที่``: a mark, then its letter's neighbour
])
def test_a_header_cell_set_a_letter_to_a_line_keeps_its_targets(tmp_path: Path, seed: int,
                                                                 font: str) -> None:
    doc, pdf = large_print(tmp_path, seed, font)
    assert "ลำดับที่" in doc.text  # the header the narrow column sets a letter to a line
    assert_read_as_generated(pdf, doc.truth, ["plan_indicators"])


def test_a_project_heading_wrapped_over_five_lines_is_read_whole(tmp_path: Path) -> None:
    # the same print: ``ชื่อโครงการที่ 1 โครงการพัฒนาครุภัณฑ์การ`` / ``แพทย์…ตามแผน`` /
    # ``พัฒนากรุงเทพมหานคร…ระยะที่ 3`` / ``(พ.ศ. 2566 – 2570) ในพื้นที่เขตลาดกระบัง (`` /
    # ``ฝ่ายบริหารงานทั่วไป)``: read over four lines, the name lost ``ลาดกระบัง``
    doc, pdf = large_print(tmp_path)
    assert_read_as_generated(pdf, doc.truth, ["plan_steps"])


def test_marks_alone_stand_where_their_pen_did() -> None:
    assert pen_left("ี่", 117.7, 127.7) == 127.7  # the marks of ``ที่`` alone
    assert pen_left(" ั ", 120.0, 126.0) == 126.0
    assert pen_left("ท", 127.7, 140.2) == 127.7  # a letter: its left edge
    assert pen_left("ที่", 127.7, 140.2) == 127.7
    assert pen_left("ี่", 117.7, 0.0) == 117.7  # its end unknown
    # a mark cut from its letter, then a letter: the pen within half an em of its left
    assert pen_left("ับ", 118.0, 135.0, 18.0) == 127.0
    assert pen_left("ับ", 118.0, 122.0, 18.0) == 122.0
    assert pen_left("ับ", 118.0, 135.0) == 118.0  # its size unknown
