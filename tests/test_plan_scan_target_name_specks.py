"""Target rows whose name OCR read with a digit glued before it, on generated plans.

Plans are generated from known values (``bench/corpus``); their target tables are
printed flowing and OCR-damaged as :mod:`test_plan_scan_tables` damages them, and a
speck between a row's number and its name read as a digit glued to the name's first
word (``๑ 7ระดับความสำเร็จ...``, a 300 dpi grey scan): the digit looked a target's
number, and the row was lost. The truth is the generated values; the years are not
counted (the model cannot read them), every row and name is.
"""

from __future__ import annotations

import random
import re

import pytest

from test_plan_scan_tables import _ocr_print, targets_read

from corpus.build import GENERATORS

#: A numbered target row as the generator prints it, whose number the OCR print of
#: :mod:`test_plan_scan_tables` leaves as printed (it misreads ``๒`` and ``๓``).
_ROW = re.compile(r"^(?P<no>[๑๔-๙14-9])\t(?=[ก-ฮเ-ไ])")


@pytest.mark.parametrize("seed", range(6))
def test_target_row_whose_name_has_a_digit_glued_before_it_is_read(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    text = "\n".join(_ROW.sub(lambda m: f"{m.group('no')}\t{rng.choice('7149')}", line)
                     for line in generated.text.split("\n"))
    assert text != generated.text, "the generated plan has a numbered target row"
    want = generated.tables["plan_indicators"]
    targets_read(_ocr_print(text, rng), want)
