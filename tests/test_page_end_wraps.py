"""A paragraph that runs over a page break reads as one paragraph.

A page's wraps are measured line against next line; the last body line of a page
and the first of the next, with the running footer and header between them
(furniture), are paired the same way (:mod:`bma_etl.read.pdf_pagewraps`), so the
value goes on over the break with a space or nothing, as the line breaking rules
say (:func:`bma_etl.unwrap.wrap_space`), never with a line break.

Long paragraphs of generated phrases (:func:`test_wrap_spaces.value`) are printed
by Chromium (with its running header and footer), LibreOffice (from HTML) and Word
(a .docx printed by LibreOffice) in two fonts; the truth is the generated text: at
every page break that falls inside a paragraph the white space read is what the
text has there (between two Thai letters: none invented).
"""

from __future__ import annotations

import random
from html import escape
from itertools import pairwise
from pathlib import Path

import pytest

from bma_etl.document import RepairedText
from bma_etl.furniture import furniture_lines
from bma_etl.read.pdf import extract_pdf
from test_wrap_spaces import FONTS, _font, _is_thai, _need, _white, value

from corpus import render
from corpus.doc import GeneratedDoc
from corpus.paragraphs import render_paragraphs

SEED = 31200
#: Page breaks inside a paragraph still read as a line break, per printing (they may
#: only get fewer; before page ends were measured, every one of them was: 4 to 8 a
#: printing). Each is a last line the page's margin test takes for short, as it does
#: some lines inside a page (tests/test_wrap_spaces.py).
MOST_FAULTS = {("chromium", "Loma"): 1, ("soffice-html", "Garuda"): 1,
               ("soffice-docx", "Garuda"): 1}


def _print(writer: str, paras: list[str], pdf: Path, font: str, rng: random.Random) -> None:
    if writer == "chromium":  # the browser's header (date, title) and footer (address, x/y)
        html = ("<!DOCTYPE html><html lang='th'><head><meta charset='utf-8'>"
                "<title>รายงานผลการดำเนินงาน</title></head><body>"
                + "".join(f"<p>{escape(p)}</p>" for p in paras) + "</body></html>")
        render.render_chromium(GeneratedDoc("page", "-", "\n\n".join(paras), {}, html=html),
                               pdf, font, _font(font), rng, header_footer=True)
    else:
        render_paragraphs(writer, paras, pdf, font, _font(font), rng.choice((12, 14)),
                          rng.choice((90, 120)), rng.choice(("left", "justify")))


def _read(pdf: Path) -> tuple[str, list[int]]:
    """The body read as the document model reads it (furniture out, wrapped lines joined),
    and how many letters stand before each page break."""
    layer = extract_pdf(pdf.read_bytes(), pdf.name, ocr="never")
    text = layer.text
    doc = RepairedText.of(text, layer.page_starts, furniture=furniture_lines(
        text, layer.page_starts), wraps=layer.wraps, spaced=layer.spaced)
    body = list(doc.lines())
    breaks: list[int] = []
    letters = 0
    for line, following in pairwise(body):
        letters += len("".join(line.text.split()))
        if doc.index.page_of(following.start) != doc.index.page_of(line.start):
            breaks.append(letters)
    return "\n".join(row.text for row in doc.rows()), breaks


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("writer", ["chromium", "soffice-html", "soffice-docx"])
def test_paragraph_goes_on_over_a_page_break(writer: str, font: str, tmp_path: Path) -> None:
    _need(writer)
    rng = random.Random(f"{SEED}-{writer}-{font}")
    paras = [value(rng, rng.randint(60, 90)) for _ in range(8)]
    pdf = tmp_path / f"{writer}.pdf"
    _print(writer, paras, pdf, font, rng)
    got, breaks = _read(pdf)
    letters, want = _white("\n\n".join(paras))
    read, white = _white(got)
    assert read == letters, f"letters read otherwise: {got!r}"
    inside = [at for at in breaks if want.get(at, "") != "\n\n"]
    assert inside, "no page break fell inside a paragraph: print longer paragraphs"
    faults = [f"…{letters[at - 8:at]}{white.get(at, '')!r}{letters[at:at + 8]}… "
              f"(written {want.get(at, '')!r})" for at in inside
              if white.get(at, "") != want.get(at, "")
              and not (_is_thai(letters[at - 1]) and _is_thai(letters[at])
                       and not white.get(at))]
    print(f"{writer} {font}: {len(faults)} faults at {len(inside)} page breaks in a paragraph")
    assert len(faults) <= MOST_FAULTS.get((writer, font), 0), faults
