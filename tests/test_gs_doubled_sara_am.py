"""A LibreOffice print re-saved by Ghostscript reads each SARA AM once, on any page.

LibreOffice draws SARA AM in Garuda or Laksaman as two glyphs, NIKHAHIT over the
consonant and SARA AA after it, mapped to SARA AM and SARA AA, and gives the cluster
its text in an ``/ActualText`` span. Ghostscript's ``pdfwrite`` ("reduce file size":
``/screen``, ``/ebook``) drops the spans: pdfium reads ``สำานัก``. A page writing two
or more so was read right, but a page holding one SARA AM kept it doubled (an outside
tester's detail ``น้ำใน`` stored ``น้ำาใน``, ``สำรวจ`` stored ``สำารวจ``, no finding).
Here pages of known words are printed by LibreOffice from a Word file in two fonts,
re-saved by Ghostscript as the tester did, and read back.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bma_etl.read.pdf import extract_pdf

from gs_prints import gs_resave, text_layer, word_print

#: The pages' lines: page 1 writes several SARA AMs, each later page one (or a slip).
PAGES = (
    ("\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19 : \u0e2a\u0e33\u0e19\u0e31\u0e01"
     "\u0e01\u0e32\u0e23\u0e23\u0e30\u0e1a\u0e32\u0e22\u0e19\u0e49\u0e33",  # สำนักการระบายน้ำ
     "\u0e14\u0e33\u0e40\u0e19\u0e34\u0e19\u0e01\u0e32\u0e23\u0e01\u0e48\u0e2d\u0e2a\u0e23"
     "\u0e49\u0e32\u0e07\u0e01\u0e33\u0e41\u0e1e\u0e07",  # ดำเนินการก่อสร้างกำแพง
     "\u0e44\u0e14\u0e49\u0e15\u0e23\u0e27\u0e08\u0e41\u0e25\u0e49\u0e27"),  # ได้ตรวจแล้ว
    ("\u0e2a\u0e33\u0e23\u0e27\u0e08\u0e41\u0e19\u0e27\u0e40\u0e02\u0e37\u0e48\u0e2d\u0e19"
     "\u0e01\u0e31\u0e19\u0e14\u0e34\u0e19",),  # สำรวจแนวเขื่อนกันดิน
    ("\u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e40\u0e1e\u0e34\u0e48\u0e21\u0e01\u0e32\u0e23\u0e08"
     "\u0e33\u0e2b\u0e19\u0e48\u0e32\u0e22",),  # เพื่อเพิ่มการจำหน่าย
    ("\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e1c\u0e34\u0e14 \u0e17\u0e33\u0e32\u0e43\u0e2b\u0e49",),
)
#: The last page's slip: SARA AM typed, then SARA AA (``ทำา``): the page's text as typed.
SLIP = PAGES[3][0]


@pytest.mark.parametrize("font", ["Garuda", "Laksaman"])
def test_each_sara_am_of_a_reduced_word_print_reads_once(tmp_path: Path, font: str) -> None:
    """``/screen`` and ``/ebook``: each page's SARA AMs read once, the slip as typed.

    A tone mark drawn over the NIKHAHIT may lose its text with the span (its glyph
    mapped to nothing): its word then reads without it, never with the SARA AA twice.
    """
    printed = tmp_path / "printed.pdf"
    word_print(PAGES, font, printed)
    for setting in ("screen", "ebook"):
        reduced = tmp_path / f"{setting}.pdf"
        gs_resave(printed, reduced, setting)
        pdf = extract_pdf(reduced.read_bytes(), reduced.name, ocr="never")
        pages = [page.text for page in pdf.pages]
        assert len(pages) == len(PAGES)
        # the damage this test is about: SARA AM doubled in the layer on every page
        assert all(re.search("\u0e33\\W?\u0e32", text_layer(reduced, k)) for k in range(3))
        for k, lines in enumerate(PAGES[1:3], 1):
            assert pages[k].split() == [w for line in lines for w in line.split()], (setting, k)
        first = pages[0].split("\n")
        assert first[1:] == list(PAGES[0][1:]), setting
        assert not re.search("\u0e33[\u0e48-\u0e4b]?\u0e32", pages[0]), (setting, pages[0])
        assert pages[3].strip() == SLIP, setting
