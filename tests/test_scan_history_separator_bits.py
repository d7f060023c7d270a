"""The entries' separator OCR read as Latin bits or as signs with a letter: no value's.

A progress-history page prints ``------------------&&&--------------------`` between two
entries. On the corpus's scans Tesseract read it now and then as Latin bits of two or
three letters (``RR. aa RE``) or as signs and digits with a leading vowel alone among
them (``@@8เ@``), and the line was kept as the last line of the obstacles above it.
Pages are generated from known values (``bench/corpus``), each separator replaced by
such a reading; the obstacles read are the generated ones.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts import web_progress_history as layout
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.textnorm import repair_text
from bma_etl.validate import build_records

from corpus.build import GENERATORS

SEPARATOR = "------------------&&&--------------------"
#: What Tesseract read for the separator on the corpus's scans.
READINGS = ("RR. aa RE", "@@8เ@", "ee. nn RE", "@8เ@@")


@pytest.mark.parametrize("seed", range(4))
def test_separator_read_as_bits_is_no_line_of_the_obstacles_above(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["web_history"](rng)
    lines = generated.text.split("\n")
    heads = [k + 1 for k, line in enumerate(lines[:-1]) if line == SEPARATOR
             and "ความคืบหน้าโครงการฯ" in lines[k + 1]]  # above an entry
    assert heads
    for k in heads:
        lines[k - 1] = rng.choice(READINGS)
    doc = RepairedText.of(repair_text("\n".join(lines)), ocr_used=True)
    records = build_records(normalize(layout.extract(doc), doc.text, doc.words, None), "0" * 64)
    read = [r.obstacles for r in records["progress_updates"]]
    assert read == [w["obstacles"] for w in generated.tables["progress_updates"]]


@pytest.mark.parametrize("line", ["ICT", "PM 2.5", "COVID-19", "แรงงาน"])
def test_a_wrapped_value_s_last_words_stay_its_own(line: str) -> None:
    """A short line above an entry that is words (an acronym, Thai) stays the value's."""
    from bma_etl.layouts.history_specks import separator_read_as_letters

    assert not separator_read_as_letters(line)
