"""A LibreOffice print re-saved by Ghostscript never reads SARA UU as MAI THO silently.

LibreOffice names the mark glyphs of a cluster in its text map in the order of the
cluster's characters, not of its glyphs (Garuda, Laksaman: ``ผู้`` draws MAI THO's
glyph first, so the map names it SARA UU and the SARA UU glyph MAI THO), and gives each
later cluster its text in an ``/ActualText`` span. Ghostscript's ``pdfwrite``
(``/screen``, ``/ebook``) drops the spans: ``ผู้`` read ``ผ้้``, ``สูง`` ``ส้ง``, wrong
text and no finding. Here a page of known words rich in SARA U and UU under tone marks
is printed by LibreOffice from a Word file in two fonts, re-saved by Ghostscript, and
read back: each word reads right or is doubted (its value NULL with a finding, the
page's damage counted so that OCR reads it), never read wrong unnoticed.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from bma_etl.read.pdf import extract_pdf
from bma_etl.read.pdf_glyphs import LOST

from gs_prints import gs_resave, text_layer, word_print

#: ผู้ สูง ปู่ ครู ดู อยู่ กุ้ง สุด: SARA U and UU, under tone marks and alone.
WORDS = ("\u0e1c\u0e39\u0e49", "\u0e2a\u0e39\u0e07", "\u0e1b\u0e39\u0e48", "\u0e04\u0e23\u0e39",
         "\u0e14\u0e39", "\u0e2d\u0e22\u0e39\u0e48", "\u0e01\u0e38\u0e49\u0e07",
         "\u0e2a\u0e38\u0e14")
#: A heading of common words (โครงการปรับปรุงถนนและทางเท้า เขตบางกะปิ), then the words
#: both ways round: enough glyphs that Ghostscript keeps LibreOffice's map one to one.
LINES = ("\u0e42\u0e04\u0e23\u0e07\u0e01\u0e32\u0e23\u0e1b\u0e23\u0e31\u0e1a\u0e1b\u0e23\u0e38"
         "\u0e07\u0e16\u0e19\u0e19\u0e41\u0e25\u0e30\u0e17\u0e32\u0e07\u0e40\u0e17\u0e49\u0e32 "
         "\u0e40\u0e02\u0e15\u0e1a\u0e32\u0e07\u0e01\u0e30\u0e1b\u0e34",
         " ".join(WORDS), " ".join(reversed(WORDS)))


@pytest.mark.parametrize("font", ["Garuda", "Laksaman"])
def test_a_reduced_print_reads_no_lower_vowel_as_a_tone_mark(tmp_path: Path, font: str) -> None:
    """``/screen`` and ``/ebook``: every word right or doubted; the print itself all right."""
    printed = tmp_path / "printed.pdf"
    word_print((LINES,), font, printed)
    page = extract_pdf(printed.read_bytes(), printed.name, ocr="never").pages[0]
    assert page.text.split("\n") == list(LINES)  # its spans give the clusters' text
    assert not page.overprints
    truth = {word for line in LINES for word in line.split()}
    for setting in ("screen", "ebook"):
        reduced = tmp_path / f"{setting}.pdf"
        gs_resave(printed, reduced, setting)
        layer = text_layer(reduced, 0)
        # the damage this test is about: a lower vowel named a tone mark in the layer
        assert "\u0e2a\u0e49\u0e07" in layer or "\u0e1c\u0e49\u0e49" in layer, layer
        page = extract_pdf(reduced.read_bytes(), reduced.name, ocr="never").pages[0]
        doubted = {word.replace(LOST, "") for word in page.overprints}
        read = unicodedata.normalize("NFC", page.text)  # (a reader's mark order: ``กุ้ง``)
        wrong = [word for word in read.split() if word not in truth | doubted]
        assert not wrong, (setting, page.text, page.overprints)
        assert page.damage > 0.0, setting  # counted: a page with many so is read by OCR
        assert read.split("\n")[0] == LINES[0], setting
