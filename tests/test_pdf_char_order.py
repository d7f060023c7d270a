"""Punctuation a writer draws out of turn reads where it stands, on generated prints.

LibreOffice shapes curly quotes, guillemets and the like as runs of their own
and, in some fonts (Sarabun), draws them after or before the Thai letters they
stand between; pdfium gives text in drawing order, so ``ระดับความ“สำเร็จ”``
read ``ระดับความ ส“ ” ำเร็จ`` (:func:`bma_etl.read.pdf_order.in_drawn_order`).
Paragraphs of generated words, with quotes and brackets around words at varied
places (a paragraph's start or end, inside a word run, after a space or not),
are printed by LibreOffice (from HTML and from Word) and Chromium, in Sarabun
and a TLWG font; the truth is the paragraphs.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from test_wrap_writers import read_text

from corpus import render
from corpus.paragraphs import WORDS, render_paragraphs
from ocr_text import letters_and_spaces
from thai_fonts import font_file

SEED = 20264
#: Opening and closing signs put around words (curly and straight quotes, guillemets, brackets).
PAIRS = (("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"), ("(", ")"),
         ("[", "]"), ('"', '"'), ("\u201c", "\u201d"))


def _quoted(rng: random.Random) -> str:
    """A paragraph of Thai words; some runs of them quoted or bracketed, spaced or not."""
    parts: list[str] = []
    for n in range(rng.randint(6, 12)):
        words = "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
        if n == 0 or rng.random() < 0.45:
            opening, closing = rng.choice(PAIRS)
            words = f"{opening}{words}{closing}"
        glue = "" if parts and rng.random() < 0.3 else " "
        parts.append(glue + words if parts else words)
    return "".join(parts)


@pytest.mark.parametrize("font", ["Sarabun", "Garuda"])
@pytest.mark.parametrize("writer", ["soffice-html", "soffice-docx", "chromium"])
def test_quotes_and_brackets_read_where_they_stand(writer: str, font: str,
                                                   tmp_path: Path) -> None:
    if writer.startswith("soffice") and not render.have("soffice"):
        pytest.fail("LibreOffice not installed: apt-get install libreoffice-writer-nogui "
                    "(make venv installs it)")
    found = {font: font_file(font)}
    rng = random.Random(f"{SEED}-{writer}-{font}")
    paras = [_quoted(rng) for _ in range(6)]
    pdf = tmp_path / f"{writer}.pdf"
    render_paragraphs(writer, paras, pdf, font, found[font], 14, 150, "left")
    got_letters, got_spaces = letters_and_spaces(read_text(pdf))
    letters, spaces = letters_and_spaces(" ".join(paras))
    assert got_letters == letters
    wrong = sorted(got_spaces ^ spaces)
    assert not wrong, [letters[at - 6:at] + "|" + letters[at:at + 4] for at in wrong]
