"""SWOT items and headings whose numbers, first letters or specks OCR misread.

Plans are generated from known values (``bench/corpus``) and damaged the ways
Tesseract damaged them on scans of seeds 59, 61, 67 and 131 (150 and 200 dpi, grey):

- an item's number read with a colon, its gap read as a tab, and the item's first
  letters read as a Latin word (``1:<tab>ws ชาชน...`` for ``๑. ประชาชน...``), right
  under the heading: the tab ended the list before its first item;
- the next item's number read without its point before first letters misread
  (``2 211ว5 ชาชน...``): the item ran into the one above;
- an item's number alone on its line read as a letter and a semicolon (``a;``), a
  Thai letter after a leading vowel (``ไน``), a letter with a mark (``ร ซี``) or a
  sign and a digit (``$2``): the number was kept in the item's words, or the item
  ran into the one above;
- the analysis' last item, its number lost (a blank line where it stood), right
  above the lead-in to the projects' summary: it was lost;
- a speck read before a kind heading (``อ จุดแข็ง (Strength)``): the list was lost;
- an item's number read unsure as a short word of its own line (``กาต``, ``“| Sie``
  for ``๒.``, confidence 19-26; seed 73, 150 dpi grey): the item ran into the one above;
- an item's number read unsure as a short word before the item's words, a space
  between (``ว บุคลากร...``, ``จัณัง นโยบาย...``; confidence 0-45, seeds 47 and 59,
  150 dpi grey): the item ran into the one above; while the tail of a word the line
  above wrapped, read sure (``น โดยเฉพาะ...``), stays the item's words;
- a speck after an item's line read as a cell of a Latin word, or as an empty cell
  (``...ยั่งยืน<tab>Jags``, ``...ระห<tab>``): its tab ended the list.

The truth is the generated values: every item keeps its kind and its words (as OCR
read them when it misread them); a number read is the one written, one OCR did not
read is NULL.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract
from test_plan_scan_swot import _assert_items_damaged_read, damaged_swot_items

from corpus.build import GENERATORS
from ocr_text import words_unsure_on_lines
from plan_text import SWOT_ITEM, assert_swot_read, swot_lists, swot_span
from read_back import records_of

_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
#: What OCR read an item's first letters as: a word holding a Latin letter or a digit.
_MISREAD_STARTS = ("ws", "211ว5", "Wi")


def _generated_swot(rng: random.Random) -> tuple[list[str], range, list[dict[str, Any]]]:
    """A generated plan's text lines, the lines of its SWOT lists, and their items."""
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    return written, swot_span(written), [dict(w) for w in generated.tables["plan_swot_items"]]


def _misread_first_items(seed: int, damage: str) -> None:
    """The first item under every heading (``damage`` ``tab``) or the second item of
    every list (``space``) written as OCR read it: its number misread, its first three
    letters or so read as a Latin word. Every item is read, of its kind, numbered as written
    or NULL; the damaged items' words are the words OCR gave."""
    rng = random.Random(seed)
    written, span, want = _generated_swot(rng)
    lines: list[str] = []
    item = -1
    damaged = 0
    for k, line in enumerate(written):
        m = SWOT_ITEM.match(line) if k in span else None
        item += m is not None
        first = m is not None and not SWOT_ITEM.match(written[k - 1])
        second = m is not None and not first and not SWOT_ITEM.match(written[k - 2])
        if m is not None and ((damage == "tab" and first) or (damage == "space" and second)):
            body = m.group("body")
            cut = next(c for c in range(3, len(body)) if re.match("[ก-ฮเ-ไ]", body[c]))
            words = f"{rng.choice(_MISREAD_STARTS)} {body[cut:]}"
            number = m.group("no").translate(_ARABIC)
            lines.append(f"{number}:\t{words}" if damage == "tab" else f"{number} {words}")
            want[item]["text"] = words
            damaged += 1
        else:
            lines.append(line)
    assert damaged, "the test damages an item"
    got = records_of(extract, "\n".join(lines), screened=False).get("plan_swot_items", [])
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
    assert all(r.seq is None or str(r.seq) == str(w["seq"]).translate(_ARABIC)
               for r, w in zip(got, want, strict=True))


@pytest.mark.parametrize("seed", range(6))
def test_first_item_with_its_tab_and_first_letters_misread_keeps_the_list(seed: int) -> None:
    _misread_first_items(seed, "tab")


@pytest.mark.parametrize("seed", range(6))
def test_next_number_without_point_before_first_letters_misread_opens_its_item(
        seed: int) -> None:
    _misread_first_items(seed, "space")


#: What OCR read an item's number alone on its line as (seeds 59, 61, 67).
_BARE_MISREADS = ("a;", "ไน", "ร ซี", "$2")


@pytest.mark.parametrize("seed", range(8))
def test_number_alone_misread_as_letters_or_signs_opens_its_item(seed: int) -> None:
    _assert_items_damaged_read(
        seed, lambda rng, line, m: [rng.choice(_BARE_MISREADS), m.group("body")],
        after_item=True)


@pytest.mark.parametrize("seed", range(6))
def test_last_item_whose_number_ocr_lost_above_the_lead_in_is_read(seed: int) -> None:
    """The analysis' last item written as a blank line, then its words: the lead-in
    to the projects' summary follows it (after a blank line), no other item."""
    for attempt in range(20):  # a plan whose last list has two items or more
        generated = GENERATORS["plan"](random.Random(f"{seed}-{attempt}"))
        written = generated.text.split("\n")
        span = swot_span(written)
        last = max(k for k in span if SWOT_ITEM.match(written[k]))
        if SWOT_ITEM.match(written[last - 1]):
            break
    assert SWOT_ITEM.match(written[last - 1]), "the generator writes lists of two items"
    body = SWOT_ITEM.match(written[last]).group("body")  # type: ignore[union-attr]
    lines = [*written[:last], "", body, *written[last + 1:]]
    assert_swot_read("\n".join(lines), generated.tables["plan_swot_items"])


#: What OCR read a speck before a kind heading as.
_HEADING_SPECKS = ("อ", "|", "a", "“")


@pytest.mark.parametrize("seed", range(4))
def test_kind_heading_after_a_speck_is_read(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    heads = [k for k in span if written[k].endswith(")") and "SWOT" not in written[k]]
    assert len(heads) == 4, "the generator writes four kind headings"
    lines = [f"{rng.choice(_HEADING_SPECKS)} {line}" if k in heads else line
             for k, line in enumerate(written)]
    assert_swot_read("\n".join(lines), generated.tables["plan_swot_items"])


@pytest.mark.parametrize("seed", range(8))
def test_one_number_read_numbers_the_items_above_it_by_their_places(seed: int) -> None:
    """Every list's numbers read as a sign (``| บุคลากร...``) but one, not the first: the
    items above it are numbered by their places (it says how many stand above it);
    those below it stay NULL (seed 61, 150 dpi grey)."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    lists = swot_lists(written)
    kept = {items[rng.randrange(1, len(items))] for items in lists if len(items) > 1}
    lines = [f"| {SWOT_ITEM.match(line).group('body')}"  # type: ignore[union-attr]
             if k in span and SWOT_ITEM.match(line) and k not in kept else line
             for k, line in enumerate(written)]
    want = generated.tables["plan_swot_items"]
    got = records_of(extract, "\n".join(lines), screened=False).get("plan_swot_items", [])
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
    places = [k for items in lists for k in items]
    for r, w, k in zip(got, want, places, strict=True):
        listed = next(items for items in lists if k in items)
        below = [m for m in listed if m in kept and m >= k]
        if len(listed) > 1 and below:
            assert str(r.seq) == str(w["seq"]).translate(_ARABIC), (k, r.seq)
        else:
            assert r.seq is None, (k, r.seq)


#: What OCR read an item's number as, unsure, alone on its line (seed 73, 150 dpi grey).
_UNSURE_NUMBERS = ("กาต", "“| Sie", "ee S", "ดาว")


@pytest.mark.parametrize("seed", range(8))
def test_item_whose_number_ocr_read_unsure_on_a_line_of_its_own_is_an_item(seed: int) -> None:
    """Half the items below another item (at random): the number read unsure as a short
    word on its own line, the item's words on the next. Every item keeps its kind and
    words, a number read stays, one read unsure is NULL."""
    generated, text, _ = damaged_swot_items(
        seed, lambda rng, line, m: [rng.choice(_UNSURE_NUMBERS), m.group("body")],
        after_item=True)
    unsure = {no for no, line in enumerate(text.split("\n")) if line in _UNSURE_NUMBERS}
    assert_swot_read(text, generated.tables["plan_swot_items"],
                     words_unsure_on_lines(text, unsure, 15, 30))


#: What OCR read a speck after an item's line as: a cell of a Latin word, or none.
_SPECK_CELLS = ("\tJags", "\t", "\tอว\t", "\tee")


@pytest.mark.parametrize("seed", range(8))
def test_item_line_with_a_speck_read_as_a_latin_or_empty_cell_keeps_the_list(seed: int) -> None:
    """Half the items' lines (at random) end in a cell OCR made of a speck: every item
    is read with its generated values."""
    _assert_items_damaged_read(
        seed, lambda rng, line, m: [line + rng.choice(_SPECK_CELLS)])


#: What OCR read an item's number as, unsure, before the item's words (seeds 47, 59).
_UNSURE_STARTS = ("ว", "จัณัง", "ฝุ")


@pytest.mark.parametrize("seed", range(8))
def test_item_whose_number_ocr_read_unsure_before_its_words_is_an_item(seed: int) -> None:
    """Half the items below another item (at random): the number read unsure as a short
    word, a space, then the item's words; and some items' last word wrapped, its tail
    read sure at the next line's start with a space (``น โดยเฉพาะ...``, as printed:
    the item's words). Every item keeps its kind and words; one read unsure is NULL."""
    rng = random.Random(seed)
    written, span, want = _generated_swot(rng)
    lines: list[str] = []
    unsure: set[int] = set()
    item = -1
    for k, line in enumerate(written):
        m = SWOT_ITEM.match(line) if k in span else None
        item += m is not None
        if m is not None and SWOT_ITEM.match(written[k - 1]) and rng.random() < 0.5:
            unsure.add(len(lines))
            lines.append(f"{rng.choice(_UNSURE_STARTS)} {m.group('body')}")
        elif m is not None and " " in m.group("body") and rng.random() < 0.5:
            head, tail = m.group("body").split(" ", 1)  # ``...ประชาช`` / ``น โดยเฉพาะ...``
            lines += [f"{m.group('no')}. {head[:-1]}", f"{head[-1]} {tail}"]
            want[item]["text"] = f"{head[:-1]}\n{head[-1]} {tail}"  # the break kept
        else:
            lines.append(line)
    assert unsure, "the generator writes lists of two items or more"
    text = "\n".join(lines)
    words = tuple((a, b, 0.0 if k == 0 and no in unsure else 92.0) for no, a, b, k in (
        (no, base + m.start(), base + m.end(), j)
        for no, base, line in _line_bases(text)
        for j, m in enumerate(re.finditer(r"\S+", line))))
    assert_swot_read(text, want, words)


def _line_bases(text: str) -> list[tuple[int, int, str]]:
    """Each line of ``text``: its index (0-based), its start offset and its text."""
    out, base = [], 0
    for no, line in enumerate(text.split("\n")):
        out.append((no, base, line))
        base += len(line) + 1
    return out
