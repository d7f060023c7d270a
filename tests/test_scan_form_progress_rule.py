"""A scanned progress form whose table rule OCR read before a progress's value.

Forms are generated from known values (``bench/corpus``, ``legacy_pipe``, its digits
printed Arabic); each report's progress is then damaged as Tesseract read it on
the breaker's scans at 200-300 dpi: the cell's rule glued before the value as
``|``, ``l`` or ``I`` (``ความก้าวหน้าของงานฯ = |12.00 %``). Read as ``1`` the stroke
would make 112.00, no percent: the value is 12.00. When it would make one
(``|5.00 %``: 15.00 or 5.00), the progress is NULL with an issue
(``ocr_doubtful_value``; ``unparsed_value`` for a letter ``l``/``I``), never either guess.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.normalize.digits import to_arabic_digits

from corpus.build import GENERATORS
from form_ocr_lines import as_ocr_lines, progress_records

_PROGRESS = re.compile(r"(ความก้าวหน้าของงานฯ = )([0-9]{1,3}\.[0-9]{2} %)")


@pytest.mark.parametrize("seed", range(6))
def test_rule_read_before_a_progress_is_a_speck_only_when_a_1_would_pass_100(seed: int
                                                                            ) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["legacy_pipe"](rng)
    text = _PROGRESS.sub(lambda m: m[1] + rng.choice("|lI") + m[2],
                         as_ocr_lines(to_arabic_digits(generated.text)))
    assert text.count("= |") + text.count("= l") + text.count("= I") >= 3
    rows, issues = progress_records(text)
    want = [w["progress_pct"] for w in generated.tables["progress_updates"]]
    assert len(rows) == len(want)
    for row, pct in zip(rows, want, strict=True):
        if Decimal("1" + pct) > 100:  # ``|12.00`` is no 112.00: the stroke was the rule
            assert row.progress_pct == Decimal(pct)
        else:  # ``|5.00``: 15.00 or 5.00, never a guess
            assert row.progress_pct is None
            assert any(i.table_name == "progress_updates" and i.row_ordinal == row.ordinal
                       and i.field == "progress_pct"
                       and i.code in ("ocr_doubtful_value", "unparsed_value")
                       for i in issues), issues

