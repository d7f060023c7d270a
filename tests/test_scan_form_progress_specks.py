"""A scanned progress form whose progress OCR read after specks (``ฯ=, .12.50 %``).

Forms are generated from known values (``bench/corpus``, ``legacy_pipe``, its digits
printed Arabic); each report's progress is then damaged as Tesseract read it on a
skewed 200 dpi scan with a black border: specks between the label's ``=`` and
the value, each alone (``= | 52.00 %``, ``=, ! 6.00 %``), the last a point glued to
the value (``=, .12.50 %``). The form's progress is ``NN.NN %``: it is read, never
dropped silently.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.normalize.digits import to_arabic_digits

from corpus.build import GENERATORS
from form_ocr_lines import as_ocr_lines, progress_records

_PROGRESS = re.compile(r"(ความก้าวหน้าของงานฯ) = ([0-9]{1,3}\.[0-9]{2} %)")
#: What OCR read between the label and the value (the value follows at once).
SPECKS = ("=, .", "= | ", "=, ! ", " = ; .", "= | .")


@pytest.mark.parametrize("seed", range(4))
def test_specks_between_a_progress_label_and_its_value_are_read_past(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["legacy_pipe"](rng)
    text = _PROGRESS.sub(lambda m: m[1] + rng.choice(SPECKS) + m[2],
                         as_ocr_lines(to_arabic_digits(generated.text)))
    assert sum(text.count(s) for s in SPECKS) >= 3
    rows, _ = progress_records(text)
    want = [w["progress_pct"] for w in generated.tables["progress_updates"]]
    assert [r.progress_pct for r in rows] == [Decimal(p) for p in want]
