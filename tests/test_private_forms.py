"""ReportLab's shaped prints in Noto Sans and Serif Thai read their marks.

ReportLab shapes Thai with HarfBuzz, and Noto draws a tone mark over a vowel,
a mark on ``ป`` and some vowels with glyphs its character map does not name;
ReportLab maps each to the next free Private Use Area code from U+E000 as it
first draws it (``ที่`` read as ``ที`` and U+E000, ``ปี`` as ``ป`` and U+E001). The
codes are read as the marks whose outlines the glyphs repeat
(:mod:`bma_etl.read.pdf_private`).
Lines of known words are printed in Debian's Noto Thai fonts (``fonts-noto-core``,
which have no digits nor Latin letters); the truth is the written words.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.read.pdf_layout import page_lines
from bma_etl.textnorm import repair_text

from corpus import fonts

#: Tone marks over a vowel (``ที่``, ``สิ้น``, ``พื้น``), marks on ``ป`` (``ปี``, ``ปัญหา``,
#: ``เป็น``, ``เป้า``) and on ``ฝ``: each a form with no name in Noto Thai.
WORDS = ["เกี่ยวกับหน่วยงานที่รับผิดชอบ ปีงบประมาณ",
         "สิ้นสุดโครงการ พื้นที่ ฝ่ายการศึกษา",
         "เก็บ เป็นโครงการแก้ไขปัญหา เป้าหมาย ผู้ประสานงาน"]


def _font(family: str) -> Path:
    path = fonts.noto(family)
    if path is None:
        pytest.fail(f"needs {family}: apt-get install fonts-noto-core (make venv does)")
    return path


def _register(family: str) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = family.replace(" ", "")
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(_font(family))))
    return name


@pytest.mark.parametrize("family", sorted(fonts.NOTO_THAI))
def test_private_forms_read_as_marks(family: str, tmp_path: Path) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = ParagraphStyle("body", fontName=_register(family), fontSize=14, leading=20, shaping=1)
    out = tmp_path / "words.pdf"
    SimpleDocTemplate(str(out)).build([Paragraph(escape(line), style) for line in WORDS])
    doc = pdfium.PdfDocument(out)
    try:
        raw = doc[0].get_textpage().get_text_range()
        lines = [repair_text(line.text) for line in page_lines(doc[0].get_textpage())]
    finally:
        doc.close()
    assert re.search("[\ue000-\uf6ff]", raw), "the print holds no private code to read"
    assert lines == WORDS



def test_page_without_private_codes_or_byte_code_letters_read_unchanged() -> None:
    """Thai text with signs of U+0080-U+02FF (``°``, ``§``, ``±``) beside it stays as it is.

    Signs are no glyph's byte-code letter; Latin letters far from any Thai stay too;
    neither needs the text page (``None`` here) to tell.
    """
    import random

    from bma_etl.read.pdf_private import byte_code_letters, private_forms_read

    rng = random.Random(5)
    words = ["โครงการ", "ถนน", "๒๕๖๖", "12.5", "\u00d7", "°C", "§", "ระบาย", "น้ำ", "PM2.5"]
    for _ in range(50):
        raw = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        assert byte_code_letters(None, raw) == []
        assert private_forms_read(None, raw) == raw
        far = raw + " " * 45 + "café"  # a Latin letter of U+0080-U+02FF, no Thai near
        assert private_forms_read(None, far) == far
