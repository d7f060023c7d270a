"""A value a page break cut, its page's number between its two lines.

A form printed in a large size wraps its responsible unit (``สำนัก… / กอง… /`` /
``ส่วน…``) at the foot of a page; the page's number (``- 1 -``) stands between the
two lines in the text, and is furniture. The division, the part after the first
``/``, is the value read across the break without the page number: its letters
are matched with the document's past the furniture. The forms are generated
(bench/corpus ``legacy_long``); the truth is the division as generated.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.furniture import furniture_lines
from bma_etl.layouts import legacy_progress_form
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.validate import build_records

from corpus.build import GENERATORS

LABEL = "หน่วยงานที่รับผิดชอบ"


def _cut_over_a_page(text: str, rng: random.Random, number: str) -> RepairedText:
    """``text`` as two pages, its unit's line wrapped at the first page's foot."""
    lines = text.split("\n")
    at = next(k for k, line in enumerate(lines) if line.startswith(LABEL) and " : " in line)
    line = lines[at]
    # cut after the agency's slash: at a space, or inside the division's words
    first = line.index("/") + 2
    cut = rng.choice([line.index(" ", first), rng.randrange(first + 2, len(line) - 2)])
    page_one = [*lines[:at], line[:cut].rstrip(), number]
    page_two = [line[cut:].lstrip(), *lines[at + 1:]]
    one, two = "\n".join(page_one), "\n".join(page_two)
    whole = f"{one}\n{two}"
    starts = (0, len(one) + 1)
    return RepairedText.of(whole, starts, furniture=furniture_lines(whole, starts),
                           wraps=frozenset({at + 1}), judged=frozenset({1, 2}))


@pytest.mark.parametrize("seed", range(8))
def test_a_division_cut_by_a_page_break_reads_without_the_page_number(seed: int) -> None:
    rng = random.Random(f"division-over-page-{seed}")
    doc = GENERATORS["legacy_long"](rng)
    want = doc.truth["tables"]["projects"][0]["division"]
    number = rng.choice(["- 1 -", "หน้า 1", "1"])
    text = _cut_over_a_page(doc.text, rng, number)
    foot = text.text.split("\n").index(number) + 1
    assert foot in text.furniture, "the page number is no furniture: the test shows nothing"
    normalized = normalize(legacy_progress_form.extract(text), text.text, (), None)
    projects = build_records(normalized, "0" * 64)["projects"]
    assert [p.division for p in projects] == [want]
