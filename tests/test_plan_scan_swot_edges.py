"""Where an OCR'd SWOT item starts and ends: junk OCR read around its words left out.

Plans are generated from known values (``bench/corpus``) and damaged the ways
Tesseract damaged them on scans of seeds 43, 59, 61 and 67 (150-300 dpi):

- a speck by an item line's last word read as a short Latin token, unsure
  (``...ประชาชนในพื้นที่ és``, confidence 0): it was kept in the item's words;
- an item's number read as Thai consonants and a point, not sure (``ดตก.`` for
  ``๓.``, confidence 59), or as a leading vowel, a consonant and a point (``ไว.`` for
  ``๒.``, 65, the item's words at 12; seed 1811, 200 dpi 1-bit Norasi): the item ran
  into the one above;
- the running header at a page's head read unsure (``ารุงเทพมหานค`` for
  ``กรุงเทพมหานคร``, confidence 41), between an item's number at the foot of the
  page before and the item's words: it was kept in the item's words.

The truth is the generated values: every item keeps its kind and its words; a
number read is the one written, one OCR did not read is NULL.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract
from test_plan_scan_swot import damaged_swot_items

from corpus.build import GENERATORS
from plan_text import SWOT_ITEM, assert_swot_read, swot_span

#: What OCR read specks by an item line's last word as (seeds 59, 67, 83).
_END_SPECKS = ("és", "i", "Us", "=)")


def _words(text: str, conf: dict[str, float]) -> tuple[tuple[int, int, float], ...]:
    """``text``'s words as OCR gives them: read sure (92), but the words ``conf`` names."""
    return tuple((m.start(), m.end(), conf.get(m.group(), 92.0))
                 for m in re.finditer(r"\S+", text))


@pytest.mark.parametrize("seed", range(8))
def test_speck_read_unsure_at_an_item_line_end_is_no_part_of_the_item(seed: int) -> None:
    """Half the items' lines (at random) end in a short Latin token read unsure: every
    item keeps its generated kind and words."""
    generated, text, _ = damaged_swot_items(
        seed, lambda rng, line, m: [f"{line} {rng.choice(_END_SPECKS)}"])
    assert_swot_read(text, generated.tables["plan_swot_items"],
                     _words(text, dict.fromkeys(_END_SPECKS, 12.0)))


@pytest.mark.parametrize("seed", range(4))
def test_latin_token_read_sure_at_an_item_line_end_stays_in_the_item(seed: int) -> None:
    """The same tokens read sure are the document's words: they stay in the item."""
    generated, text, damaged = damaged_swot_items(seed, lambda rng, line, m: [f"{line} Us"])
    want = [dict(w, text=f"{w['text']} Us") if k in damaged else w
            for k, w in enumerate(generated.tables["plan_swot_items"])]
    assert_swot_read(text, want, _words(text, {}))


#: What OCR read an item's number as, Thai consonants and a point (seed 61, 300 dpi).
_CONSONANT_NUMBERS = ("ดตก.", "ตก.", "ฒ.")


@pytest.mark.parametrize("seed", range(8))
def test_number_read_as_consonants_and_a_point_not_sure_opens_its_item(seed: int) -> None:
    """Half the items below another item (at random): the number read as Thai
    consonants and a point at 59, then the item's words. Every item keeps its kind and
    words; the number misread is NULL or its place."""
    generated, text, _ = damaged_swot_items(
        seed, lambda rng, line, m: [f"{rng.choice(_CONSONANT_NUMBERS)} {m.group('body')}"],
        after_item=True)
    assert_swot_read(text, generated.tables["plan_swot_items"],
                     _words(text, dict.fromkeys(_CONSONANT_NUMBERS, 59.0)))


#: What OCR read an item's number as, a leading vowel, a consonant and a point (``ไว.``
#: for ``๒.``: seed 1811, 200 dpi 1-bit, Norasi; 65 sure, the item's words at 12).
_VOWEL_NUMBERS = ("ไว.", "โต.", "เต.")


def _vowel_number_words(text: str) -> tuple[tuple[int, int, float], ...]:
    """``text``'s words as OCR gave them: a line led by a :data:`_VOWEL_NUMBERS` token
    has it at 65 and its other words at 12; every other word is read sure (92)."""
    out: list[tuple[int, int, float]] = []
    at = 0
    for line in text.split("\n"):
        led = line.split(" ", 1)[0] in _VOWEL_NUMBERS
        for k, m in enumerate(re.finditer(r"\S+", line)):
            out.append((at + m.start(), at + m.end(), (65.0 if k == 0 else 12.0) if led else 92.0))
        at += len(line) + 1
    return tuple(out)


@pytest.mark.parametrize("seed", range(8))
def test_number_read_as_a_vowel_a_consonant_and_a_point_opens_its_item(seed: int) -> None:
    """Half the items below another item (at random): the number read as a leading
    vowel, a consonant and a point, not sure, then the item's words read unsure. Every
    item keeps its kind and words (none joined into the item above); the number is NULL
    or its place."""
    generated, text, _ = damaged_swot_items(
        seed, lambda rng, line, m: [f"{rng.choice(_VOWEL_NUMBERS)} {m.group('body')}"],
        after_item=True)
    assert_swot_read(text, generated.tables["plan_swot_items"], _vowel_number_words(text))


#: An item's wrapped line led by an abbreviation (``กทม.``): consonants and a point, read
#: at 70, the words after it unsure (30).
_WRAPPED_ABBREVIATED = "กทม. ร่วมกับสำนักงานเขต"


@pytest.mark.parametrize("seed", range(4))
def test_a_wrapped_line_led_by_an_abbreviation_its_words_unsure_stays_in_its_item(
        seed: int) -> None:
    """Half the items wrap onto a line ``กทม. ร่วมกับสำนักงานเขต``, ``กทม.`` read at 70 and
    its words at 30: no item of its own (that needs the words after it read sure, or
    a leading vowel: ``ไว.``); the item keeps the line's words."""
    generated, text, damaged = damaged_swot_items(
        seed, lambda rng, line, m: [line, _WRAPPED_ABBREVIATED])
    want = [dict(w, text=f"{w['text']}\n{_WRAPPED_ABBREVIATED}") if k in damaged else w
            for k, w in enumerate(generated.tables["plan_swot_items"])]
    words = {"กทม.": 70.0, "ร่วมกับสำนักงานเขต": 30.0}
    assert_swot_read(text, want, _words(text, words))


def _swot_read(text: str, page_starts: tuple[int, ...],
               words: tuple[tuple[int, int, float], ...]) -> list[Any]:
    """The ``plan_swot_items`` records of the plan ``text`` read as an OCR'd document of
    pages starting at ``page_starts``, its page furniture found as the reader finds it."""
    from bma_etl.furniture import furniture_lines
    from bma_etl.layouts.base import RepairedText
    from bma_etl.normalize.fields import normalize
    from bma_etl.normalize.trust import screen
    from bma_etl.validate import build_records

    doc = RepairedText.of(text, page_starts, ocr_used=True, words=words,
                          furniture=furniture_lines(text, page_starts))
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    screen(normalized, doc.text)
    return build_records(normalized, "0" * 64).get("plan_swot_items", [])


@pytest.mark.parametrize("seed", range(8))
def test_running_header_read_unsure_between_number_and_words_is_no_part_of_the_item(
        seed: int) -> None:
    """One item's number at the foot of a page, the running header (the first page's top
    line, ``กรุงเทพมหานคร``) read unsure with a letter lost at each end at the next
    page's head, then the item's words; the page after it headed as printed: every
    item keeps its kind and words."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    items = [k for k in span if SWOT_ITEM.match(written[k])]
    k = rng.choice(items[1:])
    m = SWOT_ITEM.match(written[k])
    assert m is not None
    pages = ["\n".join(["กรุงเทพมหานคร", *written[:k], f"{m.group('no')}."]),
             "\n".join(["ารุงเทพมหานค", m.group("body"), *written[k + 1:span.stop]]),
             "\n".join(["กรุงเทพมหานคร", *written[span.stop:]])]
    text = "\n".join(pages)
    starts = (0, len(pages[0]) + 1, len(pages[0]) + len(pages[1]) + 2)
    got = _swot_read(text, starts, _words(text, {"ารุงเทพมหานค": 41.0}))
    want = generated.tables["plan_swot_items"]
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
    assert all(r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True))


@pytest.mark.parametrize("seed", range(4))
def test_item_words_read_unsure_at_a_page_head_stay_the_items(seed: int) -> None:
    """An item's words read unsure at a page's head (confidence 42: seed 61, 200 dpi):
    they are the item's, not a running header's."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    items = [k for k in span if SWOT_ITEM.match(written[k])]
    k = rng.choice(items[1:])
    m = SWOT_ITEM.match(written[k])
    assert m is not None
    pages = ["\n".join(["กรุงเทพมหานคร", *written[:k], f"{m.group('no')}."]),
             "\n".join([m.group("body"), *written[k + 1:span.stop]]),
             "\n".join(["กรุงเทพมหานคร", *written[span.stop:]])]
    text = "\n".join(pages)
    starts = (0, len(pages[0]) + 1, len(pages[0]) + len(pages[1]) + 2)
    got = _swot_read(text, starts, _words(text, dict.fromkeys(m.group("body").split(), 42.0)))
    want = generated.tables["plan_swot_items"]
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
