"""A legacy form's target flag whose first letters OCR lost at a wrapped line's start.

Forms are generated from known values (``bench/corpus`` ``legacy_tab``: the scanned
print wraps the flags onto lines after the budget); each report's target flag is then
put on a line of its own and read the way Tesseract read one on a 300 dpi grey scan
of a ``legacy_html`` form (seed 1523): its first letter lost, with the ``ไม่`` before it
when negative (``ไม่เป็นไปตามเป้าหมาย`` and ``เป็นไปตามเป้าหมาย`` both read
``ป็นไปย่างเป้าหมาย``). The negative one was read affirmative, a wrong flag. The
truth is the generated values: such a flag is NULL, never affirmative on letters that
a lost ``ไม่`` may have stood before; the plan flags are read as printed.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.legacy_progress_form import extract as legacy

from corpus.build import GENERATORS
from read_back import records_of

#: The flags after the budget in a tab row: ``… บาท⇥: ไม่เป็นไปตามแผน⇥: …เป้าหมาย``.
_FLAGS = re.compile(r"บาท\t: (?P<plan>(?:ไม่)?เป็นไปตามแผน)\t: (?P<target>(?:ไม่)?เป็นไปตามเป้าหมาย)")
#: What OCR read for a target flag whose line's first letters it lost.
_LOST_FIRST = ("ป็นไปย่างเป้าหมาย", "ป็นไปตามเป้าหมาย", "ป็นไปตามเป๋าหมาย")


@pytest.mark.parametrize("seed", range(8))
def test_target_flag_without_its_first_letters_is_not_read_affirmative(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["legacy_tab"](rng)
    want = generated.tables["progress_updates"]
    text = _FLAGS.sub(lambda m: f"บาท :\n{m['plan']} :\n{rng.choice(_LOST_FIRST)}",
                      generated.text)
    assert len(_FLAGS.findall(generated.text)) == len(want)
    got = records_of(legacy, text, screened=False)["progress_updates"]
    assert [(r.on_plan, r.on_target) for r in got] == [(w["on_plan"], None) for w in want]
