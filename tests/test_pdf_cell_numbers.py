"""Two numbers a ruled cell wraps between keep their space, on generated ReportLab prints.

ReportLab wraps a cell's text only at spaces; a line that ends in a number close
to the cell's right rule, with the next number on the next line (``พ.ศ. ๒๕๖๐`` /
``๑๐ ผลิตภัณฑ์``), was taken for one number cut where the cell was full and read
``๒๕๖๐๑๐`` (:func:`bma_etl.read.pdf_tables.with_table_rows`). Cells of generated
words and numbers (Thai and Arabic digits) are printed in tables of varied column
widths; the truth is the cells' texts (their letters, and the numbers as spaced).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.read.pdf import extract_pdf

from thai_fonts import font_file

SEED = 20265
WORDS = ["เพิ่มขึ้น", "ราย", "จากปี", "พ.ศ.", "ผลิตภัณฑ์", "ร้อยละ", "โครงการ", "ครั้ง", "แห่ง"]
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
#: A year and the count after it, with what stands between them.
_NUMBERS = re.compile(r"[0-9๐-๙]{4}\s*[0-9๐-๙]+")


def _cell(rng: random.Random) -> str:
    """Words with a year and a count after it (the pair a wrap may fall between)."""
    year, count = str(rng.randint(2555, 2570)), str(rng.randint(1, 999))
    if rng.random() < 0.7:
        year, count = year.translate(THAI_DIGITS), count.translate(THAI_DIGITS)
    head = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
    tail = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 2)))
    return " ".join(p for p in (head, year, count, tail) if p)


def _print(rows: list[list[str]], widths: list[float], font: str, path: Path,
           out: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, str(path)))
    style = ParagraphStyle("c", fontName=font, fontSize=12, leading=16)
    table = Table([[Paragraph(text, style) for text in row] for row in rows], colWidths=widths)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(out), pagesize=A4).build([table])


@pytest.mark.parametrize("font", ["Garuda", "Kinnari", "Sarabun"])
def test_two_numbers_wrapped_apart_in_a_cell_keep_their_space(font: str,
                                                              tmp_path: Path) -> None:
    found = {font: font_file(font)}
    rng = random.Random(f"{SEED}-{font}")
    for n in range(3):
        columns = rng.randint(3, 5)
        widths = [rng.uniform(70, 120) for _ in range(columns)]
        rows = [[_cell(rng) for _ in range(columns)] for _ in range(6)]
        pdf = tmp_path / f"{n}.pdf"
        _print(rows, widths, font, found[font], pdf)
        text = extract_pdf(pdf.read_bytes(), pdf.name, ocr="never").text
        read = [[" ".join(cell.split()) for cell in line.split("\t")]
                for line in text.split("\n") if line.strip()]
        assert [[c.replace(" ", "") for c in r] for r in read] == \
            [[c.replace(" ", "") for c in r] for r in rows]
        # the pair of numbers in each cell, as written (Thai-Thai wraps are another matter)
        pairs = [[_NUMBERS.search(c).group() for c in r] for r in rows]  # type: ignore[union-attr]
        got = [[m.group() if (m := _NUMBERS.search(c)) else "" for c in r] for r in read]
        assert got == pairs, widths
