"""An amount of ``0`` Tesseract read as the letter O (``= O บาท``), put back.

The progress reports of generated legacy forms (``bench/corpus``) say what each
report spent (``… งบประมาณที่เบิกใช้ (ครั้งที่ 3) = 0 บาท``); on a 1-bit 200 dpi scan
Tesseract read that ``0`` as ``O``, glued to the ``=`` or not, and the amount was
lost. The tidied text is the report as generated. An O that is part of a word or
a code (``OK``, ``O2``) stays as read.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_tidy import tidied

from corpus.build import GENERATORS

_ZERO = re.compile(r"= 0 บาท")


def _page(line: str) -> tuple[str, tuple[OcrWord, ...]]:
    """One line, a word at each space, boxes 25 px a letter, every word read sure."""
    words: list[OcrWord] = []
    at, left = 0, 100
    for text in line.split(" "):
        words.append(OcrWord(text, 91.0, (left, 100, left + 25 * len(text), 160), at))
        at += len(text) + 1
        left += 25 * len(text) + 20
    return line, tuple(words)


def _reports() -> list[str]:
    """Report cells of generated legacy forms that spent nothing (``= 0 บาท``)."""
    cells = []
    for seed in range(12):
        doc = GENERATORS["legacy_pipe"](random.Random(seed))
        cells += [cell.strip() for line in doc.text.splitlines()
                  for cell in line.split("|") if _ZERO.search(cell)]
    return cells


@pytest.mark.parametrize("read_as", ["=O บาท", "= O บาท", "= o บาท"])
def test_an_amounts_zero_read_as_o_is_put_back(read_as: str) -> None:
    reports = _reports()
    assert reports, "the generator writes a report that spent nothing"
    for report in reports:
        text, words = tidied(*_page(_ZERO.sub(read_as, report)))
        assert text == _ZERO.sub(read_as.replace("O", "0").replace("o", "0"), report)
        assert all(text[w.start : w.end] == w.text for w in words)


@pytest.mark.parametrize("line", ["สถานะ: OK บาท", "ค่าก๊าซ = O2 บาท", "หมายเหตุ : O บริษัท"])
def test_an_o_of_a_word_stays_as_read(line: str) -> None:
    assert tidied(*_page(line))[0] == line
