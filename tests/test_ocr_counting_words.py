"""A counting word after a number whose marks Tesseract dropped (``3 รน``), put back.

The progress reports of generated legacy forms (``bench/corpus``) count what was
done with a classifier after the number (``จำนวน 3 รุ่น``); on a 1-bit 200 dpi scan
Tesseract read ``รุ่น`` as ``รน``, which the word list leaves alone (a short word, and
a word itself). Each such word of the generated reports is read with its marks
dropped; the restored text is the report as generated. A word a number is not
counting, and a key two counting words share (``คน``, ``คัน``), stay as read.
"""

from __future__ import annotations

import re

import pytest

from bma_etl.matchkey import key
from bma_etl.read.ocr_counts import COUNTING
from bma_etl.read.ocr_lexicon import restored

from corpus_prints import legacy_report_cells
from ocr_text import ocr_line

_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
#: The counting words with marks that no other counting word shares a key with.
_MARKED = [w for w in COUNTING if _MARKS.search(w) and w != "ปี"
           and sum(key(v) == key(w) for v in COUNTING) == 1]
_COUNTED = re.compile(r"(?<=[0-9] )(?:" + "|".join(_MARKED) + r")(?=[ ,.)]|$)")


def test_a_counting_words_lost_marks_are_put_back() -> None:
    lines = legacy_report_cells(_COUNTED, 16)
    assert lines, "the generator counts with a classifier"
    for line in lines:
        read = _COUNTED.sub(lambda m: _MARKS.sub("", m.group()), line)
        assert read != line
        text, words, _ = restored(*ocr_line(read))
        assert text == line
        assert all(text[w.start : w.end] == w.text for w in words)


@pytest.mark.parametrize("word", _MARKED)
def test_each_marked_counting_word_is_put_back(word: str) -> None:
    line = f"ดำเนินการแล้ว จำนวน {len(word)} {word} ตามแผน"
    text, _, _ = restored(*ocr_line(line.replace(word, _MARKS.sub("", word))))
    assert text == line


@pytest.mark.parametrize("line", ["ผู้เข้าร่วม 150 คน", "จำนวน 3 คน และ 2 คน",
                                  "ครั้งที่ 2 ตามแผน", "ปี 2566 ราย"])
def test_other_words_after_a_number_stay_as_read(line: str) -> None:
    assert restored(*ocr_line(line))[0] == line
