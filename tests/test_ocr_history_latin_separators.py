"""A progress-history page's separator OCR read as Latin bits is no entry's last line.

History pages are generated from known values (``bench/corpus`` ``web_history``); the
first ``---&&&---`` separator between entries stays as printed and the later ones are
written as Tesseract read them on the corpus's 200 dpi scans (seeds 5101 and 4245:
``SS See``, ``ee Co``, ``wenn nn cn nnn nnn BG Ginna naan nnn nnn ccnn``). The entry
above took the bits for its obstacles' last line (``สภาพอากาศ…ดำเนินงาน`` /
``SS See``), a wrong value loaded. The truth is the generated values: every entry
keeps its problems and obstacles.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.web_progress_history import extract
from test_scan_form_specks import assert_entries_read, history_separators_read_as

from read_back import records_of

#: What Tesseract read a separator as.
READ_AS = ("SS See", "ee Co", "wenn nn cn nnn nnn BG Ginna naan nnn nnn ccnn")


@pytest.mark.parametrize("seed", range(6))
def test_separator_read_as_latin_bits_is_no_obstacle(seed: int) -> None:
    generated, text = history_separators_read_as(random.Random(seed), READ_AS, r"^-+&&&-+$")
    assert "&&&" in text and any(bits in text for bits in READ_AS)
    assert_entries_read(records_of(extract, text, screened=False), generated)


def test_latin_words_a_value_ends_in_are_no_separator() -> None:
    from bma_etl.layouts.history_specks import separator_read_as_latin

    assert all(separator_read_as_latin(bits) for bits in READ_AS)
    assert not any(separator_read_as_latin(t) for t in (
        "Big Cleaning Day", "Compact City", "Co., Ltd.", "(Smart City)", "PM 2.5", "COVID",
        "Video Conference)", "ไม่มี", "Work From Home"))
