"""ReportLab's shaped prints in Sarabun read no glyph that has no text as a character.

Sarabun (the Thai government's font) draws ``น้ำ`` with a ligature of NIKHAHIT and
the tone mark, which ReportLab maps to a Private Use code: it is read as the tone
mark, and the SARA AA after it as SARA AM. A paragraph ReportLab wraps twice (a
table cell) it shapes again from its own Private Use codes, which HarfBuzz finds in
no character map: the mark is drawn as ``.notdef`` and mapped to U+FFFF, and
pdfium reads the glyph's byte code (``เป็น`` as ``เปûน``, ``เพื่อ`` as ``เพืúอ``, or a
control code). That mark is lost from the print itself; the reader drops it and
counts it as the page's damage, never passing on the byte code or a Private Use
code (:mod:`bma_etl.read.pdf_private`). Noto Sans and Serif Thai have the same
unnamed forms.

Documents generated (bench/corpus) and lines of known words, printed by ReportLab
with shaping; the truth is the generated values and the written words.
"""

from __future__ import annotations

import random
import re
from html import escape
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from bma_etl.read.pdf_layout import page_lines
from bma_etl.textnorm import repair_text

from corpus import fonts
from corpus.build import GENERATORS
from corpus.render import render_reportlab
from read_back import assert_read_as_generated
from thai_fonts import font_file

#: A Private Use code, a control code, or a letter outside ASCII and Thai.
_NOT_TEXT = re.compile("[\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\u00c0-\u024f]")
#: Words whose marks Sarabun draws with unnamed forms (over a vowel, on ``ป`` and
#: ``ฝ``, the NIKHAHIT-and-tone ligature of ``น้ำ``).
WORDS = "หน่วยงานที่เกี่ยวข้องเพื่อกำหนดเป้าหมาย ฝ่ายบริหารงานทั่วไป ระบบระบายน้ำ ปีงบประมาณ"


def _values(tables: dict[str, list[Any]]) -> list[str]:
    """Every text value of the rows read."""
    out: list[str] = []
    for rows in tables.values():
        for row in rows:
            fields = row if isinstance(row, dict) else vars(row)
            out.extend(v for v in fields.values() if isinstance(v, str))
    return out


@pytest.mark.parametrize(("generator", "seed"), [("legacy_pipe", 721), ("web_detail", 724)])
def test_sarabun_shaped_print_reads_as_generated(generator: str, seed: int,
                                                 tmp_path: Path) -> None:
    doc = GENERATORS[generator](random.Random(f"{seed}-{generator}"))
    pdf = tmp_path / "doc.pdf"
    render_reportlab(doc, pdf, "Sarabun", font_file("Sarabun"), random.Random(seed),
                     shaping=True)
    assert_read_as_generated(pdf, doc.truth)


def test_sarabun_marks_lost_by_the_print_reach_no_value(tmp_path: Path) -> None:
    from bma_etl.pipeline import process_file

    doc = GENERATORS["plan"](random.Random("723-plan"))
    pdf = tmp_path / "plan.pdf"
    render_reportlab(doc, pdf, "Sarabun", font_file("Sarabun"), random.Random(723),
                     shaping=True)
    read = process_file(pdf)
    raw = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))
    assert _NOT_TEXT.search(raw), "the print holds no glyph drawn without text"
    assert not _NOT_TEXT.search(read.text)
    values = _values(read.tables)
    assert values and not [v for v in values if _NOT_TEXT.search(v)]
    assert any("ระบายน้ำ" in v for v in values)  # the ligature read as its two marks


def _register(family: str) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = font_file(family) if family == "Sarabun" else fonts.noto(family)
    if path is None:
        pytest.fail(f"needs {family}: apt-get install fonts-noto-core (make venv does)")
    name = family.replace(" ", "") + "Cells"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


@pytest.mark.parametrize("family", ["Sarabun", *sorted(fonts.NOTO_THAI)])
def test_cell_shaped_twice_passes_on_no_code(family: str, tmp_path: Path) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    style = ParagraphStyle("cell", fontName=_register(family), fontSize=14, leading=20,
                           shaping=1)
    read: list[str] = []
    for n, story in enumerate(([Paragraph(escape(WORDS), style)],
                               [Table([[Paragraph(escape(WORDS), style)]])])):
        out = tmp_path / f"{n}.pdf"
        SimpleDocTemplate(str(out)).build(story)
        doc = pdfium.PdfDocument(out)
        try:
            read.append(" ".join(repair_text(line.text)
                                 for line in page_lines(doc[0].get_textpage())))
        finally:
            doc.close()
    paragraph, cell = read
    assert paragraph == WORDS  # shaped once: every mark read
    assert not _NOT_TEXT.search(cell)
    # what the cell drew with text reads as written: its words less the lost marks
    lost = re.compile("[\u0e48-\u0e4b\u0e35\u0e47]")
    assert lost.sub("", cell).replace("\u0e33", "\u0e32") == \
        lost.sub("", WORDS).replace("\u0e33", "\u0e32")
