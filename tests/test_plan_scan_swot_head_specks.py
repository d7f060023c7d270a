"""SWOT items whose words OCR read with specks at their head, after the item's number.

Plans are generated from known values (``bench/corpus``); an item's number and its
words are printed in two cells (``๑.<tab>words``, as Tesseract gives an item's
hanging indent), and specks beside the item's first word read the ways Tesseract
read them on a 200 dpi grey scan: a cell of short tokens of its own
(``๑.<tab>2 3 ส่<tab>ระบบ...``) or a digit glued to the first word
(``๑.<tab>4เครือข่าย...``). The specks are no part of the item's words.

The truth is the generated values: every item keeps its kind, its words and its
number.
"""

from __future__ import annotations

import random

import pytest

from corpus.build import GENERATORS
from plan_text import SWOT_ITEM, assert_swot_read, swot_span

#: What OCR read specks at an item's head as.
_SPECKS = ("2 3 ส่\t", "4", "| :\t", "7")


@pytest.mark.parametrize("seed", range(6))
def test_item_whose_words_ocr_read_after_specks_is_read_without_them(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    lines: list[str] = []
    for k, line in enumerate(written):
        m = SWOT_ITEM.match(line) if k in span else None
        if m is not None and rng.random() < 0.6:
            line = f"{m.group('no')}.\t{rng.choice(_SPECKS)}{m.group('body')}"
        lines.append(line)
    text = "\n".join(lines)
    assert any(s in text for s in _SPECKS), "the test damages an item"
    assert_swot_read(text, generated.tables["plan_swot_items"])
