"""A report's label whose ``ที่`` and number OCR read as a Latin word: no part of its detail.

Legacy forms are generated (``bench/corpus``, pipe or tab rows, known values); a
report's label is damaged the way a 200 dpi scan of a two-column page read it:
``รายงานครั้งที่1`` → ``รายงานครั้ง Al`` (``ที่`` lost, the ``1`` read as Latin letters),
alone in its cell. The label still opens its report, of a number OCR did not read;
the report's detail is its own text, never the damaged label. The truth is the
generated values.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.legacy_progress_form import extract as legacy

from corpus.build import GENERATORS
from read_back import records_of

#: What the ``tha+eng`` model read for ``ที่1`` .. ``ที่4`` after ``รายงานครั้ง``.
_LATIN = ("Al", "A1", "Ai", "Ad", "At", "Il")


@pytest.mark.parametrize("seed", range(8))
def test_a_label_whose_number_was_read_as_latin_letters_is_no_detail(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS[rng.choice(("legacy_pipe", "legacy_tab"))](rng)
    reports = generated.tables["progress_updates"]
    which = rng.randrange(len(reports))
    label = re.compile(r"รายงานครั้งที่[0-9๐-๙]+(?=\t| \|)")
    spans = [m.span() for m in label.finditer(generated.text)]
    start, end = spans[which]
    text = f"{generated.text[:start]}รายงานครั้ง {rng.choice(_LATIN)}{generated.text[end:]}"
    got = records_of(legacy, text, ocr_used=True, screened=False)["progress_updates"]
    assert len(got) == len(reports)
    for row, want in zip(got, reports, strict=True):
        assert row.detail == want["detail"]
        assert row.seq_label in (want["seq_label"], None)
