"""Words a PDF places one by one keep the space before digits set in another font.

PyMuPDF's ``insert_htmlbox`` writes no space characters: it places each word where
its line puts it, a Thai name in the Thai font and a phone number's digits in a
Latin one (Nimbus Sans). pdfium generates no space after a word that ends in a
mark, and the reader puts back such a lost space only when it is as wide as the
line's other spaces; the space before the digits is the Latin font's (0.28 em),
narrower than the Thai font's between the names, so ``นายประเสริฐ วงศ์ไพบูลย์ 7781``
was stored as ``วงศ์ไพบูลย์7781`` (the thirteenth tester's htmlbox form). The
lines here are written the same way with fpdf2: each word placed alone, Thai words
in a TLWG font, ASCII words in Helvetica, the gap before a word its own font's
space. Digits glued to a Thai word (``ครั้งที่3``) stay glued. The truth is the
written words.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.read.pdf_layout import page_lines

from thai_fonts import fonts_or_fail

FONTS = ["Garuda", "Loma", "Norasi"]
TITLES = ["นาย", "นาง", "นางสาว"]
FIRST = ["ประเสริฐ", "สมศักดิ์", "วิไลวรรณ", "ธนพล", "กิตติ์", "ศิริพร"]
#: Surnames ending in a mark (the lost space comes after a cluster with a mark).
LAST = ["วงศ์ไพบูลย์", "ศรีสมบูรณ์", "ชัยสิทธิ์", "ทองดี", "มณีรัตน์", "แก้วมณี", "พุ่มพวงศักดิ์"]
_ASCII = re.compile(r"[ -~]+")


def _lines(rng: random.Random) -> list[str]:
    out = []
    for _ in range(6):
        name = f"{rng.choice(TITLES)}{rng.choice(FIRST)} {rng.choice(LAST)}"
        out.append(f"ชื่อผู้รับผิดชอบ : {name} {rng.randint(1000, 9999)}")
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    out.append(f"รายงานครั้งที่{rng.randint(2, 9)} วันที่ {day}/{month}/2567")
    return out


def _print(path: Path, lines: list[str], thai: str, file: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_text_shaping(True)
    pdf.add_font(thai, fname=str(file))
    pdf.add_page()
    y = 30.0
    for line in lines:
        x = 20.0
        for k, word in enumerate(line.split(" ")):
            # a word glued to digits (ครั้งที่3): each part in its own font, no gap
            for part in re.split(r"([ -~]+)", word):
                if not part:
                    continue
                latin = bool(_ASCII.fullmatch(part))
                pdf.set_font("helvetica" if latin else thai, size=14)
                pdf.text(x, y, part)
                x += pdf.get_string_width(part)
            if k + 1 < len(line.split(" ")):
                following = line.split(" ")[k + 1]
                latin = bool(_ASCII.match(following))
                pdf.set_font("helvetica" if latin else thai, size=14)
                x += pdf.get_string_width(" ")
        y += 12.0
    pdf.output(str(path))


@pytest.mark.parametrize("family", FONTS)
def test_space_before_latin_digits_after_a_mark_is_kept(family: str, tmp_path: Path) -> None:
    file = fonts_or_fail([family])[family]
    lines = _lines(random.Random(f"placed-{family}"))
    printed = tmp_path / "placed.pdf"
    _print(printed, lines, family, file)
    doc = pdfium.PdfDocument(printed)
    try:
        read = [line.text for line in page_lines(doc[0].get_textpage())]
    finally:
        doc.close()
    assert read == lines
