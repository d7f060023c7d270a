"""A legacy form's report label whose ``ครั้งที่`` OCR read as a Latin word or as marks.

Forms are generated from known values (``bench/corpus``); each report's label cell
``รายงานครั้งที่N`` is then damaged the way Tesseract's ``tha+eng`` read it on
scans whose noise fell on it: ``ครั้งที่`` as an English word (``asian``) and the
mark of ``ที่`` as brackets, or as a bracket and a stroke or a ``ป`` glued to the
number (``รายงาน asian []4``, ``รายงาน asian [15`` for 5, ``รายงาน asian ป3``). The
truth is the generated values: every report row is read, its number and its values.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from bma_etl.layouts.legacy_progress_form import extract

from corpus.build import GENERATORS
from read_back import assert_rows_read, records_of

_LABEL = re.compile(r"รายงานครั้งที่(?P<no>[0-9๐-๙]{1,2})")
_WORDS = ("asian", "Asian", "sas", "ows")
_MARKS = ("", " []", " [", " [1", " ป", " ปิ")


def _reads_with_labels_as(rng: random.Random, words: Callable[[], str]) -> None:
    """A generated form whose every report label reads ``words()`` and marks before
    its number reads its reports as generated."""
    generated = GENERATORS[rng.choice(("legacy_pipe", "legacy_tab"))](rng)

    def damaged(m: re.Match[str]) -> str:
        marks = rng.choice(_MARKS if len(m["no"]) == 1 else _MARKS[:3] + _MARKS[4:])
        if m["no"][0] in "๐๑๒๓๔๕๖๗๘๙" and marks == " [1":
            marks = " [๑"
        return f"{words()}{marks}{m['no']}"

    text = _LABEL.sub(damaged, generated.text)
    assert "รายงานครั้งที่" not in text
    got = records_of(extract, text, screened=False)["progress_updates"]
    assert_rows_read("progress_updates", got, generated.tables["progress_updates"],
                     ("seq_label", "report_date", "progress_pct", "budget_disbursed_thb",
                      "detail"))


@pytest.mark.parametrize("seed", range(8))
def test_report_label_whose_words_ocr_read_as_latin_opens_its_row(seed: int) -> None:
    rng = random.Random(seed)
    _reads_with_labels_as(rng, lambda: f"รายงาน {rng.choice(_WORDS)}")


_INSIDE = ("[1", "ป", "[", "โปิ", "ปิ")


@pytest.mark.parametrize("seed", range(6))
def test_report_label_whose_marks_ocr_read_as_brackets_opens_its_row(seed: int) -> None:
    """``รายงานครั[1งที [15``: the marks of ``ครั้งที่`` read as brackets, strokes or
    letters inside the words and before the number."""
    rng = random.Random(f"marks-{seed}")
    _reads_with_labels_as(rng, lambda: f"รายงานครั{rng.choice(_INSIDE)}งที")
