"""An amount of ``0`` Tesseract read as the letter O (``= O บาท``), put back.

The progress reports of generated legacy forms (``bench/corpus``) say what each
report spent (``… งบประมาณที่เบิกใช้ (ครั้งที่ 3) = 0 บาท``); on a 1-bit 200 dpi scan
Tesseract read that ``0`` as ``O``, glued to the ``=`` or not, and the amount was
lost. The tidied text is the report as generated. An O that is part of a word or
a code (``OK``, ``O2``) stays as read.
"""

from __future__ import annotations

import re

import pytest

from bma_etl.read.ocr_tidy import tidied

from corpus_prints import legacy_report_cells
from ocr_text import ocr_line

_ZERO = re.compile(r"= 0 บาท")


@pytest.mark.parametrize("read_as", ["=O บาท", "= O บาท", "= o บาท"])
def test_an_amounts_zero_read_as_o_is_put_back(read_as: str) -> None:
    reports = legacy_report_cells(_ZERO, 12)
    assert reports, "the generator writes a report that spent nothing"
    for report in reports:
        text, words = tidied(*ocr_line(_ZERO.sub(read_as, report)))
        assert text == _ZERO.sub(read_as.replace("O", "0").replace("o", "0"), report)
        assert all(text[w.start : w.end] == w.text for w in words)


@pytest.mark.parametrize("line", ["สถานะ: OK บาท", "ค่าก๊าซ = O2 บาท", "หมายเหตุ : O บริษัท"])
def test_an_o_of_a_word_stays_as_read(line: str) -> None:
    assert tidied(*ocr_line(line))[0] == line
