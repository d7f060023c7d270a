"""Chromium's prints in Noto Looped Thai: no space after a letter whose mark is shifted.

Chromium maps the shifted forms of Thai marks (SARA I moved left of ``ป``'s tall
stem, a tone mark set low after a lower vowel) to no text, and pdfium then gives
the cluster's letter a sliver of the mark's box: the gap to the next letter was
measured from the mark and read as a word space, ``เปิดให้บริการ`` read
``เปิ ดให้บริการ`` (an outside tester's plan printed by Chromium in Noto Looped
Thai, three values a plan). The letter's advance is now taken from the same letter
drawn elsewhere on the page (:mod:`bma_etl.read.pdf_split_boxes`). Lines of known
words are printed by Chromium in Noto Looped Thai (Debian's ``fonts-noto-core``)
at three sizes; the truth is the written words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chromium_pages import chromium_word_lines
from corpus import fonts, render

#: Words with a letter under a shifted mark followed by another letter (``ปิ``, ``ปี``,
#: ``ฝึ``, ``ฟื้``, ``ป่``), and real spaces after such clusters, as a plan's lines.
WORDS = ["เปิดให้บริการศูนย์ดูแลผู้ป่วยระยะกลางครบ 4 แห่ง",
         "ปีงบประมาณ พ.ศ. 2568 ฝึกอาชีพผู้สูงอายุ",
         "ฟื้นฟูสมรรถภาพ ปิ่นเกล้า ปู่ย่า ป่าไม้",
         "ผู้ป่วยนอก ปิด ปี ฝึก เปิด ป่วย"]


@pytest.mark.parametrize("px", [12, 14, 18])
def test_looped_thai_prints_keep_words_whole(px: int, tmp_path: Path) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    path = fonts.NOTO / "NotoLoopedThai-Regular.ttf"
    if not path.is_file():
        pytest.fail("needs Noto Looped Thai: apt-get install fonts-noto-core (make venv does)")
    assert chromium_word_lines(path, WORDS, tmp_path, px=px) == WORDS
