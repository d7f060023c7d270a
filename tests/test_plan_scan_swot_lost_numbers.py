"""SWOT items whose numbers OCR lost at the end of the analysis, after a page break.

fpdf2 sets a SWOT item's number apart from its words; on a 150 dpi grey scan
Tesseract lost the numbers of the analysis' last items (a blank line where each
stood) while the item above them ran over a page break (``...กรุงเทพมหา`` at a
page's foot, ``นคร`` at the next page's head; seed 277). The words on the next
page were asked whether the list went on after them; it does, through the items
whose numbers OCR lost, up to the lead-in of the plan's next part
(``จากการวิเคราะห์... ดังนี้``), but that lead-in counted only right after the
words asked about: the list ended, and the last items were lost.

An item whose number OCR lost (a blank line where it stood) is taken for an item
when what follows it goes on with the list; a speck after its last line read as a
cell of a few signs at confidence 0 (``...ล่าช้า<tab>11,``; seed 277, 200 dpi grey)
made that line a table's, so the list ended there and its last items were lost.

An item whose number OCR lost entirely, the wide gap fpdf2 set between the number and
the words read as a tab that leads the line (``<tab>บุคลากร...``; seed 277, 150 dpi
grey): the tab made the line a table's, and the list ended (under its heading) or
the item ran into the one above.

An item's number OCR misread as a number the list has had (``2.`` again for ``3.``)
or as ``0.`` was stored as the item's number: a list's numbers only go on, so it is
NULL (or its place) now.

Plans are generated from known values (``bench/corpus``); the truth is the
generated values: every item keeps its kind and words; a number read is the one
written, one OCR did not read is NULL.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.annual_action_plan import extract
from test_plan_scan_swot_page_foot import _read

from corpus.build import GENERATORS
from plan_text import SWOT_ITEM, swot_lists, swot_span
from read_back import records_of

#: Thai digits as Arabic ones (OCR reads ``๓`` as ``3``).
_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _cut_before_lost_numbers(seed: int) -> tuple[list[list[str]], list[dict[str, object]]]:
    """A plan generated from ``seed`` (a variant whose last list suits), written as
    two pages: a page break cuts an item of the analysis' last list at a space, and
    every item below it loses its number (a blank line where it stood)."""
    for attempt in range(40):
        generated = GENERATORS["plan"](random.Random(f"{seed}-{attempt}"))
        written = generated.text.split("\n")
        last = swot_lists(written)[-1]
        cuts = [k for k in last[:-1] if " " in SWOT_ITEM.match(written[k]).group("body")]  # type: ignore[union-attr]
        if cuts:
            break
    assert cuts, "the generator writes a last list of two items or more, one with a space"
    k = random.Random(seed).choice(cuts)
    head, _, tail = written[k].rpartition(" ")
    rest: list[str] = [tail]
    for n in range(k + 1, len(written)):
        m = SWOT_ITEM.match(written[n]) if n in last else None
        rest += ["", m.group("body")] if m is not None else [written[n]]
    return [[*written[:k], head, ""], rest], generated.tables["plan_swot_items"]


@pytest.mark.parametrize("seed", range(8))
def test_last_items_whose_numbers_ocr_lost_after_a_page_break_are_read(seed: int) -> None:
    """The words a page break cut run on into their item; the items below, numbers
    lost, are items of their own up to the lead-in of the plan's next part."""
    pages, want = _cut_before_lost_numbers(seed)
    got = _read(pages)
    assert [(r.kind, r.text.replace("\n", " ")) for r in got] == \
        [(w["kind"], w["text"]) for w in want]
    assert all(r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True))


#: What OCR read a speck after a line's words as, at confidence 0-9: a cell of a few
#: signs that no pattern of specks' cells knows (``11,``: seed 277, 200 dpi grey).
_SPECK_CELLS = ("11,", "1/4", "๑๑.", "':,")


@pytest.mark.parametrize("seed", range(8))
def test_item_whose_number_ocr_lost_keeps_its_list_past_a_speck_cell(seed: int) -> None:
    """Half the items below another item (at random): the number lost (a blank line
    where it stood), the words wrapped at their last space, a speck read as a cell of
    signs at 0-9 after the last line; every other word read at 85-96. Every item keeps
    its kind and words; the list goes on."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    lines: list[str] = []
    specks: set[int] = set()
    for k, line in enumerate(written):
        m = SWOT_ITEM.match(line) if k in span else None
        if m is None or not SWOT_ITEM.match(written[k - 1]) or rng.random() < 0.5:
            lines.append(line)
            continue
        head, _, tail = m.group("body").rpartition(" ")
        lines += ["", *([head, tail] if head else [tail])]
        specks.add(len(lines) - 1)
        lines[-1] += f"\t{rng.choice(_SPECK_CELLS)}"
    assert specks, "the test damages an item"
    words: list[tuple[int, int, float]] = []
    base = 0
    for no, line in enumerate(lines):
        for w in re.finditer(r"\S+", line):
            low = no in specks and w.end() == len(line)
            words.append((base + w.start(), base + w.end(),
                          round(rng.uniform(0, 9) if low else rng.uniform(85, 96), 2)))
        base += len(line) + 1
    got = records_of(extract, "\n".join(lines), words=tuple(words)).get("plan_swot_items", [])
    want = generated.tables["plan_swot_items"]
    assert [(r.kind, r.text.replace("\n", " ")) for r in got] == \
        [(w["kind"], w["text"]) for w in want]
    assert all(r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True))


@pytest.mark.parametrize("seed", range(8))
def test_item_whose_number_ocr_lost_before_a_tab_is_an_item(seed: int) -> None:
    """Half the items (at random; a list's first too): the number lost, the wide gap
    fpdf2 set after it read as a tab before the item's words (``<tab>บุคลากร...``;
    seed 277, 150 dpi grey). Every item keeps its kind and words; its number is NULL
    or its place."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    lines: list[str] = []
    for k, line in enumerate(written):
        m = SWOT_ITEM.match(line) if k in span else None
        lines.append(f"\t{m.group('body')}" if m is not None and rng.random() < 0.5 else line)
    assert lines != written, "the test damages an item"
    got = records_of(extract, "\n".join(lines)).get("plan_swot_items", [])
    want = generated.tables["plan_swot_items"]
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
    assert all(r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True))


@pytest.mark.parametrize("seed", range(8))
def test_number_read_as_no_step_forward_is_null(seed: int) -> None:
    """One item of each list (at random) whose number OCR misread as one the list has
    had (the item above's again, ``2.`` for ``3.``; seed 845, 200 dpi grey) or as
    ``0.`` (a list's first): no number of its own (``1.`` again starts another list).
    Every item keeps its kind and words; its number is NULL or its place, never the
    misread one."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    lines = list(written)
    for items in swot_lists(written):
        k = rng.choice([k for n, k in enumerate(items) if n != 1])  # ``1.`` again starts over
        m = SWOT_ITEM.match(written[k])
        assert m is not None
        misread = int(m.group("no").translate(_ARABIC)) - 1
        lines[k] = f"{misread}. {m.group('body')}"
    got = records_of(extract, "\n".join(lines)).get("plan_swot_items", [])
    want = generated.tables["plan_swot_items"]
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
    assert all(r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True)), \
        [(r.seq, w["seq"]) for r, w in zip(got, want, strict=True)]
