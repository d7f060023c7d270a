"""SWOT items whose number OCR read as a line of signs, and the last item before the lead-in.

Plans are generated from known values (``bench/corpus``) and damaged the ways
Tesseract damaged them on scans of seeds 71, 79 and 83 (150 and 200 dpi):

- an item's number alone on its line read not sure (confidence 40-70) as a short
  word holding a sign no Thai word holds (``เอ*`` for ``๑.``, ``๓ฑ.ุ.`` for ``๓.``):
  it was taken for the item's first words (``เอ*`` / ``ข้อมูลสถิติ...``), or for an
  item whose words were a mark and a point (``.`` / the item's words after it);
- the analysis' last item, its number lost (a blank line where it stood), with the
  lead-in to the projects' summary right under its words, no blank line between
  (the page turned there), the lead-in's last word wrapped (``...ของหน่วยงา`` /
  ``นดังนี้``): the item was lost.

The truth is the generated values: every item keeps its kind and its words; a number
read is the one written, one OCR did not read is NULL.
"""

from __future__ import annotations

import random

import pytest

from test_plan_scan_swot import damaged_swot_items

from corpus.build import GENERATORS
from ocr_text import words_unsure_on_lines
from plan_text import SWOT_ITEM, assert_swot_read, swot_span

#: What OCR read an item's number alone on its line as, not sure (seeds 71, 83).
_SIGN_NUMBERS = ("เอ*", "๓ฑ.ุ.", "ไ+", "2ข", "(ร")


@pytest.mark.parametrize("seed", range(8))
def test_item_number_read_as_a_line_of_signs_not_sure_opens_its_item(seed: int) -> None:
    """Half the items (at random, a list's first too): the number read not sure as a
    short word holding a sign, alone on its line, the item's words on the next. Every
    item keeps its kind and words; a number read so is NULL."""
    generated, text, _ = damaged_swot_items(
        seed, lambda rng, line, m: [rng.choice(_SIGN_NUMBERS), m.group("body")])
    unsure = {no for no, line in enumerate(text.split("\n")) if line in _SIGN_NUMBERS}
    assert_swot_read(text, generated.tables["plan_swot_items"],
                     words_unsure_on_lines(text, unsure, 40, 70))


@pytest.mark.parametrize("seed", range(6))
def test_last_item_whose_number_ocr_lost_right_above_the_lead_in_is_read(seed: int) -> None:
    """The analysis' last item written as a blank line, then its words, the lead-in
    right under them (no blank line), its last word wrapped onto a line of its own:
    the item is read, the lead-in no part of it."""
    for attempt in range(20):  # a plan whose last list has two items or more
        generated = GENERATORS["plan"](random.Random(f"{seed}-{attempt}"))
        written = generated.text.split("\n")
        span = swot_span(written)
        last = max(k for k in span if SWOT_ITEM.match(written[k]))
        if SWOT_ITEM.match(written[last - 1]):
            break
    assert SWOT_ITEM.match(written[last - 1]), "the generator writes lists of two items"
    body = SWOT_ITEM.match(written[last]).group("body")  # type: ignore[union-attr]
    lead_in = next(k for k in range(last + 1, len(written)) if written[k].strip())
    assert written[lead_in].endswith(" ดังนี้"), "the generator writes the lead-in"
    wrapped = [written[lead_in][:-len("น ดังนี้")], "นดังนี้"]  # ``...หน่วยงา`` / ``นดังนี้``
    lines = [*written[:last], "", body, *wrapped, *written[lead_in + 1:]]
    assert_swot_read("\n".join(lines), generated.tables["plan_swot_items"])
