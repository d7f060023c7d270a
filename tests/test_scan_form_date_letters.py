"""A progress form's report date OCR read as Thai letters glued to a digit.

Forms are generated from known values (``bench/corpus``, ``legacy_html``: the report
table as tab rows); one report's ``:: 13/11/2562 :`` is then damaged the way
Tesseract read it on a 300 dpi scan: ``: กน อรณ8``, letters that make words of the
word list with a digit of the date glued to them. The truth is the generated values:
the junk is no part of the narrative, and the date OCR lost is NULL, never a guess.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.history_specks import after_date_junk
from bma_etl.layouts.legacy_progress_form import extract

from corpus.build import GENERATORS
from read_back import records_of

_ROW = re.compile(r"^รายงานครั้งที่[0-9๐-๙]+\t(?P<date>:: [0-9๐-๙/]+ :) ", re.M)
#: Thai letters and a digit of the date glued, as OCR read them (with a letter or two before).
_DATE_LETTERS = (": กน อรณ8", ": อรณ8", ": 8อรณ", ": ก ทางน1", ": นาย2")


def _generated(rng: random.Random) -> Any:
    return GENERATORS["legacy_html"](rng, reports=4, sentences=2)


@pytest.mark.parametrize("seed", range(8))
def test_date_read_as_letters_glued_to_a_digit_is_no_part_of_the_narrative(seed: int) -> None:
    rng = random.Random(seed)
    generated = _generated(rng)
    rows = list(_ROW.finditer(generated.text))
    k = rng.randrange(len(rows))
    hit = rows[k]
    text = (generated.text[:hit.start("date")] + rng.choice(_DATE_LETTERS)
            + generated.text[hit.end("date"):])
    got = records_of(extract, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [r.detail for r in got] == [w["detail"] for w in want]
    assert got[k].report_date is None


@pytest.mark.parametrize("opening", ["งวดที่2 ส่งมอบงาน", "ครั้งที่2/2566 ประชุม",
                                     "จำนวน3 รุ่น ผู้เข้าร่วม", "ปี2566 ดำเนินการ"])
def test_number_glued_to_the_word_counting_it_is_text(opening: str) -> None:
    assert after_date_junk(opening) is None
