"""A PAIYANNOI Tesseract read twice, first as MAI YAMOK (``ส่วนส่งเสริมๆฯ``).

Pages are generated from known values (``bench/corpus``: plans, whose units and
headings shorten words with ``ฯ``) and laid out as Tesseract's words would be (a
box and a confidence each); a seeded RNG then reads some ``ฯ`` as ``ๆฯ``, as the
``tha`` model did on the corpus's 300 dpi 1-bit scans. The truth is the generated
text: the page reads as it was written, every word's offset and text still its
own, and a ``ๆ`` the page wrote (``ต่างๆ ฯลฯ``) stays.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_specks import without_yamok_before_paiyannoi
from bma_etl.read.ocr_tidy import tidied

from corpus.build import GENERATORS


def _laid_out(page: str, rng: random.Random) -> tuple[OcrWord, ...]:
    """``page``'s words with boxes as OCR lays them out, a line's height apart."""
    words: list[OcrWord] = []
    base = 0
    for no, line in enumerate(page.split("\n")):
        x = 100
        for m in re.finditer(r"[^ \t]+", line):
            box = (x, 100 + 90 * no, x + 30 * len(m.group()), 160 + 90 * no)
            words.append(OcrWord(m.group(), rng.uniform(85, 97), box, base + m.start()))
            x = box[2] + 25
        base += len(line) + 1
    return tuple(words)


@pytest.mark.parametrize("seed", range(4))
def test_yamok_read_before_paiyannoi_goes(seed: int) -> None:
    rng = random.Random(seed)
    written = GENERATORS["plan"](rng).text + "\nปัญหาต่างๆ ฯลฯ ที่พบ"
    assert written.count("ฯ") > 2, "the plan shortens words with ฯ"
    read = re.sub("ฯ", lambda m: "ๆฯ" if rng.random() < 0.6 else "ฯ", written)
    assert "ๆฯ" in read
    words = _laid_out(read, rng)
    got, kept = without_yamok_before_paiyannoi(read, words)
    assert got == written
    assert len(kept) == len(words)
    assert all(got[w.start:w.end] == w.text for w in kept)


def test_tidied_page_reads_paiyannoi_once() -> None:
    written = "โครงการพัฒนาความร่วมมือ งบประมาณ 2,100,000.- บาท (ส่วนส่งเสริมฯ) ต่างๆ ฯลฯ"
    read = written.replace("มฯ", "มๆฯ")
    text, words = tidied(read, _laid_out(read, random.Random(1)))
    assert text == written
    assert all(text[w.start:w.end] == w.text for w in words)
