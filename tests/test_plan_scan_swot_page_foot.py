"""A SWOT item's number OCR lost at a page's foot: the item on the next page is its own.

fpdf2 may leave an item's number alone at a page's foot (``๔.`` over ``- 1 -``) and
set the item's words at the next page's head. Tesseract lost that number line with
the page's number (a 150 dpi grey scan): the next page opened, under its running
header, with the item's words and no number, and they were read as the rest of the
item above. Where the next number read is two past the item above's place, the
words are an item of their own (``seq`` NULL or its place). An item whose words a
page break cut, the next number the one after it, still runs on over the break.

Plans are generated from known values (``bench/corpus``); the truth is the
generated values: every item keeps its kind and words; a number read is the one
written, one OCR did not read is NULL.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from plan_text import SWOT_ITEM, swot_lists

#: Thai digits as Arabic ones (OCR reads ``๓`` as ``3``).
_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
#: The running header at each page's head.
_HEADER = "ระบบติดตามและประเมินผลโครงการ กรุงเทพมหานคร"


def _read(pages: list[list[str]]) -> list[Any]:
    """The ``plan_swot_items`` records of ``pages`` (lines each) read as an OCR'd
    document, its page furniture found as the reader finds it."""
    from bma_etl.furniture import furniture_lines
    from bma_etl.layouts.base import RepairedText
    from bma_etl.normalize.fields import normalize
    from bma_etl.validate import build_records

    texts = ["\n".join([_HEADER, *page]) for page in pages]
    text = "\n".join(texts)
    starts = tuple(sum(len(t) + 1 for t in texts[:n]) for n in range(len(texts)))
    doc = RepairedText.of(text, starts, ocr_used=True,
                          furniture=furniture_lines(text, starts))
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    return build_records(normalized, "0" * 64).get("plan_swot_items", [])


def _inner_item(rng: random.Random, written: list[str]) -> int:
    """The line of an item, not its list's first nor its last, drawn at random."""
    inner = [k for items in swot_lists(written) for k in items[1:-1]]
    assert inner, "the generator writes lists of three items or more"
    return rng.choice(inner)


@pytest.mark.parametrize("seed", range(7))
def test_item_whose_number_ocr_lost_at_a_page_foot_is_read_apart(seed: int) -> None:
    """One item's number (not its list's first nor last) lost at the foot of a page,
    its words opening the next: every item keeps its kind and words."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    k = _inner_item(rng, written)
    m = SWOT_ITEM.match(written[k])
    assert m is not None
    got = _read([written[:k], [m.group("body"), *written[k + 1:]]])
    want = generated.tables["plan_swot_items"]
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
    assert all(r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True))


@pytest.mark.parametrize("seed", range(7))
def test_item_a_page_break_cut_runs_on_over_it(seed: int) -> None:
    """One item's words cut by a page break at its last space (the page's number lost):
    the words on the next page stay the item's."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    k = _inner_item(rng, written)
    head, _, tail = written[k].rpartition(" ")
    got = _read([[*written[:k], head], [tail, *written[k + 1:]]])
    want = generated.tables["plan_swot_items"]
    assert [(r.kind, r.text.replace("\n", " ")) for r in got] == \
        [(w["kind"], w["text"]) for w in want]



@pytest.mark.parametrize("seed", range(7))
def test_a_next_number_read_without_its_point_is_no_skip(seed: int) -> None:
    """An item's words cut by a page break, the next item's number alone on its line
    with its point lost and read in Arabic digits (``3`` for ``๓.``, over its words,
    the item after it numbered as written): the next page's first line is no item
    whose number OCR lost (:func:`.plan_swot_places.number_skipped`)."""
    from bma_etl.document import Line
    from bma_etl.layouts.base import Raw, RawRow
    from bma_etl.layouts.plan_swot_places import number_skipped

    rng = random.Random(seed)
    written = GENERATORS["plan"](rng).text.split("\n")
    k = rng.choice([k for items in swot_lists(written) for k in items[1:-2]])
    m, after = SWOT_ITEM.match(written[k + 1]), SWOT_ITEM.match(written[k])
    assert m is not None and after is not None
    cut = written[k].rfind(" ")
    texts = [written[k][cut + 1:], m.group("no").translate(_ARABIC), m.group("body"),
             written[k + 2]]
    lines = [Line(n, 0, text) for n, text in enumerate(texts, start=2)]
    place = int(after.group("no").translate(_ARABIC))
    last = RawRow("plan_swot_items", place, {"seq": Raw(str(place), None)})
    assert not number_skipped(lines, 0, last, place, frozenset())
