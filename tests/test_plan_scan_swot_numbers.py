"""SWOT items whose numbers OCR damaged, and a lead-in whose last word it misread.

Plans are generated from known values (``bench/corpus``) and damaged the ways
Tesseract damaged them on scans of seeds 47 and 103 (150 and 200 dpi, grey):

- an item's number read without its point, alone on its line between the item
  above and the item's own words (``2``): no page's number (that stands at a
  page's head or foot), so the item keeps its number;
- an item's number and point read as a digit and a Thai letter or two
  (``“6ชี. บุคลากร...``, ``4ว.``): no Thai word holds a digit, so the item starts
  there (its number not read);
- a speck read as a cell of its own, a tab before it: after an item's words
  (``ประชาชน<tab><tab><tab>'``) or alone on a line above an item (``<tab>a``), seed
  109 (150 dpi grey, 200 dpi 1-bit): no table's tab, so the list goes on;
- the lead-in to the projects' summary with its last word ``นี้`` read as Latin
  letters (``... ของหน่วยงาน ดัง ii``), right under the last item: it ends the list.

The truth is the generated values: every item keeps its kind and words; a number
read is the one written.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.annual_action_plan import extract
from test_plan_scan_swot import _assert_items_damaged_read, damaged_swot_items

from corpus.build import GENERATORS
from plan_text import SWOT_ITEM, assert_swot_read, swot_span
from read_back import records_of

_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@pytest.mark.parametrize("seed", range(8))
def test_swot_number_alone_without_its_point_mid_page_keeps_its_number(seed: int) -> None:
    """Items right under another item written as ``2`` / the item's words: each is
    read with its kind and words, and its number as written."""
    generated, text, _ = damaged_swot_items(
        seed, lambda rng, line, m: [m.group("no").translate(_ARABIC), m.group("body")],
        after_item=True, share=0.6)
    want = generated.tables["plan_swot_items"]
    got = records_of(extract, text, screened=False).get("plan_swot_items", [])
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
    assert [str(r.seq) for r in got] == [str(w["seq"]).translate(_ARABIC) for w in want]


#: What OCR read an item's number and point as: a digit, then Thai letters.
_DIGIT_LETTERS = ("“6ชี.", "4ว.", "๓ร.", "2ท,")


@pytest.mark.parametrize("seed", range(8))
def test_swot_number_read_as_a_digit_and_thai_letters_opens_its_item(seed: int) -> None:
    _assert_items_damaged_read(
        seed, lambda rng, line, m: [f"{rng.choice(_DIGIT_LETTERS)} {m.group('body')}"],
        after_item=True)


@pytest.mark.parametrize("seed", range(6))
def test_lead_in_whose_last_word_ocr_read_as_latin_letters_ends_the_list(seed: int) -> None:
    """``จากการวิเคราะห์... ดัง ii`` right under the last item, no blank line around it."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    last_item = max(k for k in span if SWOT_ITEM.match(written[k]))
    lead_in = [line for line in written[last_item + 1:span.stop] if line.strip()]
    assert lead_in and lead_in[-1].endswith("ดังนี้"), "the generator writes the lead-in"
    lead_in[-1] = lead_in[-1][:-len("นี้")] + rng.choice((" ii", "ii", " nu", "u"))
    lines = [*written[:last_item + 1], *lead_in, *written[span.stop:]]
    assert_swot_read("\n".join(lines), generated.tables["plan_swot_items"])


#: What specks far from the words read as, each a cell of its own.
_SPECK_CELLS = ("\u2018", "a", "=", "ว", "'.")


@pytest.mark.parametrize("seed", range(8))
def test_speck_cell_after_an_items_words_is_no_table(seed: int) -> None:
    _assert_items_damaged_read(
        seed, lambda rng, line, m: [f"{line}\t\t{rng.choice(_SPECK_CELLS)}"])


@pytest.mark.parametrize("seed", range(8))
def test_line_of_one_speck_cell_above_an_item_is_no_table(seed: int) -> None:
    _assert_items_damaged_read(
        seed, lambda rng, line, m: [f"\t{rng.choice(_SPECK_CELLS)}", line])


@pytest.mark.parametrize("seed", range(8))
def test_swot_number_alone_misread_out_of_order_is_no_number(seed: int) -> None:
    """``5`` alone between item 1 and item 2's words (OCR read ``2.`` as ``5``): the
    item is read with its kind and words; its number is the one written (by its
    place) or NULL, never the misread digit (seed 61, 200 dpi 1-bit)."""
    def misread(rng: random.Random, line: str, m: re.Match[str]) -> list[str]:
        number = int(m.group("no").translate(_ARABIC))
        return [str(rng.choice([d for d in range(3, 10) if d not in (number, number - 1)])),
                m.group("body")]

    generated, text, damaged = damaged_swot_items(seed, misread, after_item=True)
    want = generated.tables["plan_swot_items"]
    got = records_of(extract, text, screened=False).get("plan_swot_items", [])
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
    for k, (r, w) in enumerate(zip(got, want, strict=True)):
        if k in damaged:
            assert r.seq is None or str(r.seq) == str(w["seq"]).translate(_ARABIC), (k, r.seq)
        else:
            assert str(r.seq) == str(w["seq"]).translate(_ARABIC)


def _tail_at(body: str) -> int:
    """Where the page wraps ``body`` for its last few letters: before a consonant that
    no leading vowel stands before (a cluster is never cut)."""
    return max(k for k in range(len(body) - 10, len(body) - 3)
               if "ก" <= body[k] <= "ฮ" and body[k - 1] not in "เแโใไ")


@pytest.mark.parametrize("seed", range(8))
def test_swot_number_misread_as_another_digit_under_a_short_line_opens_its_item(
        seed: int) -> None:
    """Every item wrapped so that its last letters stand on a short line of their own
    (``...อย่างต่อเ`` / ``นื่อง``), and items right below another read with their number
    one more and its point lost (``๕ เครือข่าย...`` for ``๔. เครือข่าย...``, a 150 dpi
    scan, seed 561): the short line ended the item above, so each such line opens its
    item; its number, misread, is NULL or its place."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    lines, misread = [], 0
    for k, line in enumerate(written):
        m = SWOT_ITEM.match(line) if k in span else None
        if m is None:
            lines.append(line)
            continue
        no, body = m.group("no"), m.group("body")
        if k - 1 in span and SWOT_ITEM.match(written[k - 1]) and rng.random() < 0.5:
            head = f"{'๐๑๒๓๔๕๖๗๘๙'[(int(no.translate(_ARABIC)) + 1) % 10]} "
            misread += 1
        else:
            head = f"{no}. "
        at = _tail_at(body)
        lines += [head + body[:at], body[at:]]
    assert misread, "the test misreads an item's number"
    want = generated.tables["plan_swot_items"]
    got = records_of(extract, "\n".join(lines)).get("plan_swot_items", [])
    assert [(r.kind, "".join(r.text.split())) for r in got] == [
        (w["kind"], "".join(w["text"].split())) for w in want]
    assert all(r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True))


@pytest.mark.parametrize("seed", range(6))
def test_swot_number_glued_to_its_first_word_opens_its_item(seed: int) -> None:
    """``4ระบบสารสนเทศ...`` for ``๔. ระบบสารสนเทศ...`` (a 200 dpi scan, seed 561): the
    point and the space lost, the number the list's next, right under another item."""
    _assert_items_damaged_read(
        seed, lambda rng, line, m: [
            f"{rng.choice((m.group('no'), m.group('no').translate(_ARABIC)))}{m.group('body')}"],
        after_item=True)
