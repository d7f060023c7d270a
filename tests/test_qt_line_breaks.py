"""Pages printed by Qt, which breaks Thai between words, read their wrapped lines right.

Qt's ``QPdfWriter`` (``QTextDocument`` printed) breaks a Thai run between words,
as LibreOffice and Chromium do: a tracking-system page's name line wraps inside the
name (``…สังกัดกรุงเทพมหา`` / ``นคร : 40090000-2653``), and the short line above it
(``Back Home``) ends far short of the margin. The reader took that short line for a
wrap too (the name, one Thai run wider than most of the line, would not have fitted
after it), joined ``Back Home`` to the name, and the name's own wrap was never
joined: the project was stored as ``นคร`` (the thirteenth tester's Qt prints).

Pages are printed here as Qt sets them: each line of a generated page filled to the
frame with whole Thai words (PyThaiNLP's breaks) and Latin words, the PDF's
``/Producer`` Qt's. The truth is the generated values.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import fonts
from corpus.build import GENERATORS
from corpus.score import score

#: Qt's type size here: the names of the seeds below wrap inside them at it.
PT = 16
LEADING = PT * 1.5
_THAI = re.compile("[\u0e00-\u0e7f]+")


def _pieces(line: str) -> list[str]:
    """``line`` cut where Qt may break it: at spaces, and between Thai words."""
    from pythainlp.tokenize import word_tokenize

    out: list[str] = []
    for token in re.split(r"( +)", line):
        for piece in re.split(f"({_THAI.pattern})", token):
            if _THAI.fullmatch(piece):
                out.extend(word_tokenize(piece, engine="newmm", keep_whitespace=False))
            elif piece:
                out.append(piece)
    return out


def qt_print(text: str, out: Path, family: str) -> None:
    """``text``'s lines printed as the module says, on A4 with Qt's margins (107 points)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    name = family.replace(" ", "")
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(fonts.available()[family])))
    canvas = Canvas(str(out), pagesize=A4)
    canvas.setProducer("Qt 6.12.0")
    top, left = A4[1] - 72, 107.0
    frame, y = A4[0] - 2 * left, top

    def draw(line: str) -> None:
        nonlocal y
        if y < 72:
            canvas.showPage()
            y = top
        canvas.setFont(name, PT)
        canvas.drawString(left, y, line)
        y -= LEADING

    for source in text.split("\n"):
        if not source.strip():
            y -= LEADING / 2
            continue
        current = ""
        for piece in _pieces(source.replace("\t", "    ")):
            if current.strip() and pdfmetrics.stringWidth(current + piece, name, PT) > frame:
                draw(current.rstrip())
                current = piece.lstrip()
            else:
                current += piece
        if current.strip():
            draw(current.rstrip())
    canvas.save()


@pytest.mark.parametrize(("seed", "family"), [(17, "Garuda"), (22, "Sarabun"), (31, "Loma")])
def test_tracking_page_printed_by_qt_reads_its_values(seed: int, family: str,
                                                      tmp_path: Path) -> None:
    doc = GENERATORS["web_tracking"](random.Random(f"qt-wraps-{seed}"))
    truth = json.loads(doc.truth_json())
    pdf = tmp_path / "printed.pdf"
    qt_print(doc.text, pdf, family)
    import pypdfium2

    name = re.search(r"^(.*) : \d{8}-\d{4}$", doc.text, re.M)
    assert name is not None
    printed = pypdfium2.PdfDocument(pdf)[0].get_textpage().get_text_range().split("\r\n")
    assert not any(name[1] in line for line in printed)  # the name wraps inside it
    assert name[1] in "".join(printed)
    right, total, lost = score(process_file(pdf), truth)
    assert right == total, lost[:6]
