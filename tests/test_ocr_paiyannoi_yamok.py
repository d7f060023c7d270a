"""A PAIYANNOI Tesseract read as MAI YAMOK alone (``(ส่วนยุทธศาสตร์ๆ)``) is put back.

(read/ocr_paiyannoi.py, through read/__init__.py's document pass.) Plans are generated
from known values (``bench/corpus``: their units and headings cut words short with
``ฯ``) and read as OCR'd pages; a seeded RNG then reads some of a word's ``ฯ`` as the
``ๆ`` it looks like, as the ``tha`` model did on a 200 dpi grey scan, never more than
half of one word's (where the document writes a word once, nothing tells). A line with
words said twice (``ต่างๆ``, ``เด็กๆ``) is added, read right. The truth is the generated
text: every mark reads as written.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict

import pytest

from bma_etl.read import _with_marks_restored
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.pdf import PdfPage, PdfText

from corpus.build import GENERATORS

_CUT_SHORT = re.compile("([\u0e01-\u0e4e]+)\u0e2f")
_MARKS = re.compile("[^\\s()]{0,6}[\u0e2f\u0e46]")


def _damaged(written: str, rng: random.Random) -> str:
    """``written`` with up to half of each word's ``ฯ`` read ``ๆ`` (at least one in all)."""
    at: dict[str, list[int]] = defaultdict(list)
    for m in _CUT_SHORT.finditer(written):
        at[m.group(1)].append(m.end() - 1)
    chosen = [k for spots in at.values() for k in rng.sample(spots, len(spots) // 2)]
    assert chosen, "the plan cuts a word short twice or more"
    return "".join("\u0e46" if k in chosen else ch for k, ch in enumerate(written))


def _page(text: str) -> PdfPage:
    """``text`` as an OCR'd page, its lines as Tesseract's words (a line each)."""
    words, base = [], 0
    for no, line in enumerate(text.split("\n")):
        if line:
            words.append(OcrWord(line, 91.0, (100, 100 + 90 * no, 2000, 160 + 90 * no), base))
        base += len(line) + 1
    return PdfPage(text, "image", ocr=True, confidence=91.0, words=tuple(words),
                   dpi=300.0)


@pytest.mark.parametrize("seed", range(4))
def test_a_paiyannoi_read_as_mai_yamok_comes_back(seed: int) -> None:
    rng = random.Random(seed)
    written = GENERATORS["plan"](rng).text + "\nปัญหาต่างๆ ที่พบในชุมชน เด็กๆ และผู้สูงอายุ"
    read = _damaged(written, rng)
    lines = read.split("\n")
    half = len(lines) // 2
    pdf, _ = _with_marks_restored(PdfText((_page("\n".join(lines[:half])),
                                           _page("\n".join(lines[half:])))))
    got = "\n".join(page.text for page in pdf.pages)
    assert _MARKS.findall(got) == _MARKS.findall(written)
