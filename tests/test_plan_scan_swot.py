"""SWOT lists and budget tables of an action plan as OCR damages them, on generated plans.

Plans are generated from known values (``bench/corpus``) and damaged the ways
Tesseract damages them on the corpus's scans (150 and 200 dpi, grey):

- a speck far out in the margin after an item's last line, read unsure as one Thai
  consonant in a cell of its own (``โรคติดเชื้อ<tab>ว``): its tab ended the list;
- a SWOT item's number read as two specks a space apart, alone on its line
  (``5 8`` for ``1.``), or as a Latin word (``Tabs`` for ``๒.``), the item's words
  on the next line;
- specks read as a line of their own between two items (``ณุ a a``);
- a leading vowel read before an item's number (``โ๒. มีช่องทาง...``) from a speck;
- an item's number read as a sign or Latin letters (``| บุคลากร...``): numbered by
  its place when the list's other numbers read theirs;
- the plan's next part's heading right under the last item, no blank line between
  (``ส่วนที่ ๑ การบริการสาธารณะ``): OCR gives no sign that the item ended; so with
  the sentence leading into it (``จากการวิเคราะห์... ดังนี้``);
- a budget table's first row whose number OCR lost (the line opens with the
  project's name), its amount read with a space after a thousands comma
  (``1,623, 700.- บาท``).

The truth is the generated values: every item keeps its kind and words, every row
its section, name, budget and unit, and a number OCR did not read stays NULL.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_tidy import without_strays

from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from plan_text import SWOT_ITEM, assert_swot_read, swot_lists, swot_span
from read_back import assert_rows_read, records_of

# ------------------------------------------------------------------ a speck in the margin


def _laid_out(lines: list[str], height: int, rng: random.Random) -> list[OcrWord]:
    """The words of ``lines`` (joined by newlines) with boxes as OCR lays them out."""
    words: list[OcrWord] = []
    base = 0
    for no, line in enumerate(lines):
        x, top = 100, 100 + round(no * 1.6 * height)
        for m in re.finditer(r"[^ \t]+", line):
            box = (x, top, x + round(0.5 * height * len(m.group())), top + height)
            words.append(OcrWord(m.group(), rng.uniform(85, 97), box, base + m.start()))
            x = box[2] + round(height * rng.uniform(0.3, 0.5))
        base += len(line) + 1
    return words


#: What a speck far out in the margin reads as: one consonant, no vowel nor mark.
_SPECK_LETTERS = "วลรงกอ"


@pytest.mark.parametrize("seed", range(8))
def test_a_consonant_read_from_a_speck_far_out_in_the_margin_is_taken_out(seed: int) -> None:
    """After the last line of some SWOT items, a speck 10-30 line heights out read at
    10-49 as one consonant in a cell of its own: the page reads as written, and so
    do its SWOT items (OCR lost the numbers of all lists' items but the last list's and
    the first of each, and set blank lines between them)."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    # the last list keeps its numbers: an unnumbered item at its end and the paragraph
    # under the list read alike
    last_heading = max(k for k in span if written[k].endswith(")") and "SWOT" not in written[k])
    lines: list[str] = []
    for k, line in enumerate(written):
        m = SWOT_ITEM.match(line) if k in span and k < last_heading else None
        if m is not None and m.group("no") not in ("1", "๑"):
            lines += ["", m.group("body")]  # its number lost, a blank line before it
        else:
            lines.append(line)
    ends = [k for k, line in enumerate(lines)
            if k + 1 < len(lines) and line and not lines[k + 1] and _is_item_text(line)]
    height = rng.choice((40, 60, 90))  # 150 to 300 dpi
    words = _laid_out(lines, height, rng)
    page, laid, specks = _with_margin_specks(lines, words, ends, height, rng)
    assert specks, "the test puts a speck after an item"
    out, kept = without_strays(page, tuple(laid))
    assert out == "\n".join(lines)
    assert len(kept) == len(laid) - specks
    assert_swot_read(out, generated.tables["plan_swot_items"])


def _is_item_text(line: str) -> bool:
    return "\t" not in line and not line.endswith(")") and bool(re.match("[ก-๙]", line))


def _with_margin_specks(lines: list[str], words: list[OcrWord], ends: list[int],
                        height: int, rng: random.Random) -> tuple[str, list[OcrWord], int]:
    """``lines`` with a speck read as a consonant after some of the ``ends``, as tall as
    a letter (0.6-0.9 of the line): the page, its words (offsets moved), how many."""
    out: list[str] = []
    laid: list[OcrWord] = []
    base = shift = 0
    chosen = set(rng.sample(ends, max(1, len(ends) // 2))) if ends else set()
    for k, line in enumerate(lines):
        mine = [w for w in words if base <= w.start <= base + len(line)]
        laid += [OcrWord(w.text, w.conf, w.box, w.start + shift) for w in mine]
        if k in chosen and mine:
            x = mine[-1].box[2] + round(height * rng.uniform(10, 30))
            top = mine[-1].box[1] + height // 3
            side = round(height * rng.uniform(0.6, 0.9))
            laid.append(OcrWord(rng.choice(_SPECK_LETTERS), rng.uniform(10, 49),
                                (x, top, x + side, top + side), base + len(line) + 1 + shift))
            line = f"{line}\t{laid[-1].text}"
            shift += 2
        out.append(line)
        base += len(lines[k]) + 1
    page = "\n".join(out)
    assert all(page[w.start:w.end] == w.text for w in laid)
    return page, laid, len(chosen)


def test_a_lone_consonant_read_sure_or_near_its_line_is_kept() -> None:
    """A consonant read sure (60) far out, or unsure right after its line's words (two
    line heights): a letter of the page, kept; the same unsure and far out goes."""
    text = "งบประมาณ\tก\nงบประมาณ\tข\nงบประมาณ\tค"
    words = (OcrWord("งบประมาณ", 90, (0, 0, 200, 60), 0),
             OcrWord("ก", 60, (1400, 10, 1430, 60), 9),  # sure: kept
             OcrWord("งบประมาณ", 90, (0, 100, 200, 160), 11),
             OcrWord("ข", 30, (320, 110, 350, 160), 20),  # near: kept
             OcrWord("งบประมาณ", 90, (0, 200, 200, 260), 22),
             OcrWord("ค", 30, (1400, 210, 1430, 260), 31))  # unsure and far: a speck
    out, kept = without_strays(text, words)
    assert out == "งบประมาณ\tก\nงบประมาณ\tข\nงบประมาณ"
    assert [w.text for w in kept] == ["งบประมาณ", "ก", "งบประมาณ", "ข", "งบประมาณ"]


def damaged_swot_items(
        seed: int, damage: Callable[[random.Random, str, re.Match[str]], list[str]], *,
        after_item: bool = False, share: float = 0.5) -> tuple[GeneratedDoc, str, set[int]]:
    """A plan generated from ``seed`` whose SWOT items, ``share`` of them at random,
    are written as ``damage`` gives them (``after_item``: only items right below
    another item); returns the plan, its damaged text and the damaged items' places
    (0-based, in the order the plan lists its items)."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    lines: list[str] = []
    damaged: set[int] = set()
    item = -1
    for k, line in enumerate(written):
        m = SWOT_ITEM.match(line) if k in span else None
        item += m is not None
        if after_item and not (k - 1 in span and SWOT_ITEM.match(written[k - 1])):
            m = None
        if m is not None and rng.random() < share:
            lines += damage(rng, line, m)
            damaged.add(item)
        else:
            lines.append(line)
    assert damaged, "the test damages an item's number"
    return generated, "\n".join(lines), damaged


def _assert_items_damaged_read(
        seed: int, damage: Callable[[random.Random, str, re.Match[str]], list[str]], *,
        after_item: bool = False) -> None:
    """Half the SWOT items of a plan generated from ``seed`` (at random) are written as
    ``damage`` gives them (:func:`damaged_swot_items`); every item must still be read
    with its generated values."""
    generated, text, _ = damaged_swot_items(seed, damage, after_item=after_item)
    assert_swot_read(text, generated.tables["plan_swot_items"])


# ------------------------------------------------------------------ a number OCR lost

#: What OCR read a SWOT item's number and point as on the corpus's scans.
_NUMBER_MISREADS = ("|", "i,", "©).", "Se")


@pytest.mark.parametrize("seed", range(8))
def test_swot_item_whose_number_ocr_lost_is_numbered_by_its_place(seed: int) -> None:
    """One item of each list read as ``| บุคลากร...`` or ``i, บุคลากร...``, the list's
    other numbers read: the item is numbered by its place; its kind and words kept."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    lists = swot_lists(written)
    lost = {rng.choice(items) for items in lists if len(items) > 1}
    assert lost, "the generator writes lists of two items or more"
    lines = [f"{rng.choice(_NUMBER_MISREADS)} {SWOT_ITEM.match(line).group('body')}"  # type: ignore[union-attr]
             if k in lost else line for k, line in enumerate(written)]
    want = generated.tables["plan_swot_items"]
    got = records_of(extract, "\n".join(lines), screened=False).get("plan_swot_items", [])
    assert [(r.kind, r.text, r.seq) for r in got] == [
        (w["kind"], w["text"], w["seq"]) for w in want]

# ------------------------------------------------------------------ a number read as two specks

#: What OCR reads an item's number as when its stem and its point come apart.
_TWO_SPECKS = ("5 8", "l .", "1 i", "ร 1")


@pytest.mark.parametrize("seed", range(8))
def test_swot_number_read_as_two_specks_alone_numbers_the_next_line(seed: int) -> None:
    _assert_items_damaged_read(
        seed, lambda rng, line, m: [rng.choice(_TWO_SPECKS), m.group("body")])


#: What OCR read an item's number and point alone on their line as, a Latin word
#: (``Tabs`` for ``๒.`` on seed 43's 150 dpi grey scan).
_LATIN_WORDS = ("Tabs", "Lee", "wen.", "Ibo")


@pytest.mark.parametrize("seed", range(8))
def test_swot_number_read_as_a_latin_word_alone_numbers_the_next_line(seed: int) -> None:
    _assert_items_damaged_read(
        seed, lambda rng, line, m: [rng.choice(_LATIN_WORDS), m.group("body")])


#: Specks OCR read as a line of their own between two items (seed 47, 200 dpi 1-bit).
_SPECK_LINES = ("ณุ a a", "i ,", "ee ุ", "a' .")


@pytest.mark.parametrize("seed", range(8))
def test_line_of_specks_between_two_items_is_no_part_of_either(seed: int) -> None:
    _assert_items_damaged_read(seed, lambda rng, line, m: [rng.choice(_SPECK_LINES), line])


# ------------------------------------------------------------------ a budget table's first row

_PROJECT_ROW = re.compile(r"^(?P<no>[๑-๙0-9]{1,2})\t(?P<rest>โครงการ.*)$")
_COMMA = re.compile(r"(?<=[0-9๐-๙]),(?=[0-9๐-๙]{3})")


@pytest.mark.parametrize("seed", range(10))
def test_first_row_whose_number_ocr_lost_with_a_spaced_amount_is_read(seed: int) -> None:
    """The strategic and key tables flowing (no tab), as OCR gives them; a table's first
    row opens with the project's name (its ``๑`` lost) and its amount has a space after
    a thousands comma (``๖,๙๒๔, ๑๐๐ บาท``): every row is read, that row's ``seq`` NULL."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [r for r in generated.tables["plan_projects"] if r["section"] != "routine"]
    lines: list[str] = []
    table = False
    spaced = 0
    for line in generated.text.split("\n"):
        first = line.startswith("ลำดับ ที่\tชื่อโครงการ")
        table = first or (table and bool(line.strip()))
        m = _PROJECT_ROW.match(line)
        if m is None:
            lines.append(" ".join(line.split()) if table else line)
            continue
        rest = m.group("rest").replace("\t", " ")
        if m.group("no") in ("1", "๑") and rng.random() < 0.7:
            commas = list(_COMMA.finditer(rest))
            if commas:
                at = rng.choice(commas).end()
                rest, spaced = f"{rest[:at]} {rest[at:]}", spaced + 1
            lines.append(rest)
        else:
            lines.append(f"{m.group('no')} {rest}")
    got = [r for r in records_of(extract, "\n".join(lines), screened=False).get(
        "plan_projects", [])
           if r.section != "routine"]
    assert_rows_read("plan_projects", got, want,
                     ("section", "name", "budget_thb", "responsible_unit"))
    firsts = [r for r in got if r.seq is None]
    assert all(r.name.startswith("โครงการ") for r in firsts)
    if spaced:
        assert firsts, "a row whose number OCR lost has no seq"


# ------------------------------------------------------------------ a vowel before the number

_VOWELS = "เแโใไ"


@pytest.mark.parametrize("seed", range(8))
def test_swot_number_with_a_leading_vowel_read_before_it_is_an_item(seed: int) -> None:
    _assert_items_damaged_read(seed, lambda rng, line, m: [f"{rng.choice(_VOWELS)}{line}"])


# ------------------------------------------------------------------ the next part under the list

_PART_HEADINGS = ("ส่วนที่ ๑ การบริการสาธารณะ", "ส่วนที่ 2 การบริหารจัดการองค์กร",
                  "ตัวชี้วัดเป้าประสงค์")


@pytest.mark.parametrize("seed", range(8))
def test_next_parts_heading_right_under_the_last_item_ends_the_list(seed: int) -> None:
    """The blank line and the paragraph after the SWOT lists gone (OCR set no gap), the
    plan's next part's heading right under the last item: the item keeps its words."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    last_item = max(k for k in span if SWOT_ITEM.match(written[k]))
    heading = rng.choice(_PART_HEADINGS)
    lines = [*written[:last_item + 1], heading, "", *written[span.stop:]]
    assert_swot_read("\n".join(lines), generated.tables["plan_swot_items"])



@pytest.mark.parametrize("seed", range(8))
def test_lead_in_to_the_next_part_right_under_the_last_item_ends_the_list(seed: int) -> None:
    """The paragraph that leads into the projects' summary (``จากการวิเคราะห์...
    ดังนี้``) right under the last item, no blank line around it: it is no item's words."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    last_item = max(k for k in span if SWOT_ITEM.match(written[k]))
    lead_in = [line for line in written[last_item + 1:span.stop] if line.strip()]
    assert lead_in and lead_in[-1].endswith("ดังนี้"), "the generator writes the lead-in"
    lines = [*written[:last_item + 1], *lead_in, *written[span.stop:]]
    assert_swot_read("\n".join(lines), generated.tables["plan_swot_items"])

# ------------------------------------------------------------------ a RO RUA read twice

#: A word opening with ``ระ`` at a run's start, as OCR damages it: the rule or a speck
#: before it read as a second ``ร``, or its SARA A read as ``ร``.
_RA_START = re.compile(r"(?:(?<=^)|(?<=[\s\t\"“(]))ระ(?=[ก-ฮ])", re.MULTILINE)


@pytest.mark.parametrize("seed", range(6))
def test_ro_rua_read_twice_at_a_words_start_is_read_once(seed: int) -> None:
    """Every ``ระ`` opening a run of a generated plan (``ระดับความสำเร็จ…``, ``ระบบ…``)
    read as ``รระ`` or ``รร``: the page reads as written; no other run changes."""
    from bma_etl.read.ocr_lexicon import restored

    rng = random.Random(seed)
    written = GENERATORS["plan"](rng).text
    starts = [m.start() for m in _RA_START.finditer(written)]
    assert starts, "the plan has a word opening with ระ"
    pieces, at = [], 0
    for start in starts:
        pieces += [written[at:start], rng.choice(("รระ", "รร"))]
        at = start + 2
    read = "".join(pieces) + written[at:]
    text, _, done = restored(read, ())
    assert text == written
    # Each record is the damaged opening alone (``รร`` → ``ร``) or the whole word
    # the Thai word list knew (``รระดับ`` → ``ระดับ``); nothing else was rewritten.
    for d in done:
        assert d.word.startswith("ระ") or d.word == "ร", d
        assert d.read in ("ร" + d.word, "รร" + d.word[2:]), d


# ------------------------------------------------------------------ SWOT headings

_BRACKETED = re.compile(r"^(?P<words>จุดแข็ง|จุดอ่อน|โอกาส|อุปสรรค) \((?P<english>[A-Za-z]+)\)$")
#: What OCR reads a heading's bracketed English word as, its Thai words read right.
_ENGLISH_JUNK = ("5แ๕๓6เก", "Weaknoss", "Opportunlty", "Thre@t", "๕๓6")


@pytest.mark.parametrize("seed", range(8))
def test_swot_heading_whose_english_word_ocr_misread_keeps_its_kind(seed: int) -> None:
    """``จุดแข็ง (5แ๕๓6เก)``: the heading still names its kind, the first one too; the
    items under it are of that kind."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    want = [(row["kind"], row["text"]) for row in generated.tables["plan_swot_items"]]
    lines = generated.text.split("\n")
    headings = [k for k, line in enumerate(lines) if _BRACKETED.match(line)]
    assert headings, "the generator writes SWOT headings in two languages"
    for k in {headings[0], *rng.sample(headings, k=min(2, len(headings)))}:
        m = _BRACKETED.match(lines[k])
        assert m is not None
        lines[k] = f"{m.group('words')} ({rng.choice(_ENGLISH_JUNK)})"
    got = [(row.kind, row.text)
           for row in records_of(extract, "\n".join(lines)).get("plan_swot_items", [])]
    assert got == want
