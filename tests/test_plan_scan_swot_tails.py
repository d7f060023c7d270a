"""A SWOT item's wrapped tail read over the next item's number, on generated plans.

Plans are generated from known values (``bench/corpus``) and damaged the way
Tesseract damaged them on seed 73's 150 dpi grey scan: an item's last word wrapped,
its tail of two or three Thai letters on a line of its own (``ยืน``, read sure), then
the next item's number alone on its line without its point (``3``), the item's words
on the line after. The tail, two Thai letters as OCR may read a number
(``OCR_BARE_NUMBER_RE``), was taken for the next item's number, and the number for
the first of its words (``3`` / ``งบประมาณ...``).

The truth is the generated values: every item keeps its kind and its words (the
tail joined to its item's words, compared without spaces); a number read is the one
written, one OCR did not read is NULL.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from plan_text import SWOT_ITEM, swot_span
from read_back import records_of

#: A Thai word's last letters that OCR may read as an item's number: a consonant,
#: a vowel or tone mark on it, then a consonant (``ยืน``, ``ชน``).
_TAIL_RE = re.compile("[ก-ฮ][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]?[ก-ฮ]$")
_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@pytest.mark.parametrize("seed", range(8))
def test_items_wrapped_tail_over_the_next_items_bare_number_stays_the_items(seed: int) -> None:
    """Half the items right above another item (at random) end in a tail on a line of
    its own; the item below them is written as its number without its point, alone,
    and its words. Every item keeps its kind and words."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    lines: list[str] = []
    damaged = 0
    for k, line in enumerate(written):
        m = SWOT_ITEM.match(line) if k in span else None
        below = SWOT_ITEM.match(written[k + 1]) if m and k + 1 in span else None
        tail = _TAIL_RE.search(line) if below else None
        if below is not None and tail is not None and rng.random() < 0.5:
            lines += [line[:tail.start()], tail.group()]
            written[k + 1] = "\n".join((below.group("no").translate(_ARABIC),
                                        below.group("body")))
            damaged += 1
        else:
            lines.append(line)
    assert damaged, "the test wraps an item's tail"
    want = generated.tables["plan_swot_items"]
    got = records_of(extract, "\n".join(lines)).get("plan_swot_items", [])
    # the tail joins its item's words across a line break (how is the text stage's call)
    assert [(r.kind, "".join((r.text or "").split())) for r in got] == [
        (w["kind"], "".join(w["text"].split())) for w in want]
    assert all(r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True))
