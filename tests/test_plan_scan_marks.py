"""SWOT lists of an action plan whose numbers and signs OCR misread.

Plans are generated from known values (``bench/corpus``) and damaged the ways
Tesseract damages them on the corpus's scans (150 to 300 dpi, grey and 1-bit):

- a SWOT heading's bracketed English word read as a run of signs, a bracket inside
  it and none closing it (``จุดอ่อน (*/@ล|(๓๕55)``), or as digits, Latin and Thai
  letters mixed, none closing it (``จุดแข็ง (5ผ๐ก๓6ฝัป``);
- a SWOT item's number read without its point, a space before its words
  (``2 ประชาชน...``), or as signs (``Se บบสาร...``, ``| บุคลากร...``);
- a SWOT item's number alone on its line, specks read as cells after it
  (``en.<tab>น.<tab>ม``), its words on the next line;
- the paragraph under the SWOT lists, then the summary whose table rows OCR gave
  with a tab after their number (``2<tab>โครงการ...``);
- an item's words' last letter wrapped alone before the next item's number alone;
- a quote or a point read from a speck before an item's number (``' ๕. งบประมาณ...``).

The truth is the generated values: every item keeps its kind and words; a number
OCR did not read stays NULL.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from bma_etl.layouts.annual_action_plan import extract

from corpus.build import GENERATORS
from plan_text import SWOT_ITEM, assert_swot_read, swot_span
from read_back import records_of

_HEADING = re.compile(r"^(?P<words>จุดแข็ง|จุดอ่อน|โอกาส|อุปสรรค) \((?P<english>[A-Za-z]+)\)$")
_PROJECT_ROW = re.compile(r"^(?P<no>[๑-๙0-9]{1,2})\t(?P<rest>โครงการ.*)$")



def _damaged_swot(
    seed: int, damage: Callable[[random.Random, str, re.Match[str]], list[str]]
) -> tuple[list[str], list[dict[str, object]]]:
    """A plan generated from ``seed`` with half its SWOT items (at random, at least one)
    written as ``damage`` gives them: its lines and the generated items."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    items = [k for k in span if SWOT_ITEM.match(written[k])]
    chosen = {k for k in items if rng.random() < 0.5} or {rng.choice(items)}
    lines: list[str] = []
    for k, line in enumerate(written):
        m = SWOT_ITEM.match(line) if k in chosen else None
        lines += damage(rng, line, m) if m is not None else [line]
    return lines, generated.tables["plan_swot_items"]


# ------------------------------------------------------------------ a heading's bracket misread

_SIGNS = "*/@|(๓๕5l!"


@pytest.mark.parametrize("seed", range(6))
def test_swot_heading_whose_bracket_ocr_read_as_signs_names_its_kind(seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines = []
    for line in generated.text.split("\n"):
        m = _HEADING.match(line)
        if m is not None:
            signs = "".join(rng.choice(_SIGNS) for _ in range(rng.randint(4, 10)))
            line = f"{m.group('words')} ({signs}" + rng.choice((")", ""))
        lines.append(line)
    assert_swot_read("\n".join(lines), generated.tables["plan_swot_items"])


#: What OCR reads an English word's letters as in a 1-bit scan: digits and Latin
#: letters, and between them a Thai letter or a few (never a Thai word: at most three).
_NOT_THAI = ("5", "6", "W", "l", "๐", "๓")
_THAI = ("ผ", "ก", "ฝั", "ฝัป", "")


@pytest.mark.parametrize("seed", range(6))
def test_swot_heading_whose_bracket_ocr_read_as_mixed_letters_names_its_kind(seed: int) -> None:
    """``จุดแข็ง (5ผ๐ก๓6ฝัป``: the bracketed word read as digits, Latin and Thai letters
    mixed, its closing bracket lost; the heading still names its kind."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines = []
    for line in generated.text.split("\n"):
        m = _HEADING.match(line)
        if m is not None:
            mixed = rng.choice("56Wl") + "".join(
                rng.choice(_THAI) + rng.choice(_NOT_THAI) for _ in range(rng.randint(1, 3)))
            line = f"{m.group('words')} ({mixed}"
        lines.append(line)
    assert_swot_read("\n".join(lines), generated.tables["plan_swot_items"])


# ------------------------------------------------------------------ a number without its point

#: What OCR reads a number as, its point lost: signs or Latin letters.
_NUMBER_SIGNS = ("Se", "|", "l", "©")


def _without_point(rng: random.Random, line: str, m: re.Match[str]) -> list[str]:
    no = m.group("no")
    read = no if rng.random() < 0.5 else rng.choice(_NUMBER_SIGNS)
    return [f"{read} {m.group('body')}"]


@pytest.mark.parametrize("seed", range(8))
def test_swot_number_read_without_its_point_starts_an_item(seed: int) -> None:
    lines, want = _damaged_swot(seed, _without_point)
    assert_swot_read("\n".join(lines), want)


def test_a_wrapped_line_opening_with_a_number_out_of_turn_goes_on_the_item() -> None:
    """The first item's words wrapped before ``๓ รุ่น``: no item ๓ comes right after
    item ๑, so the line is the item's words."""
    generated = GENERATORS["plan"](random.Random(3))
    written = generated.text.split("\n")
    first = next(k for k in swot_span(written) if SWOT_ITEM.match(written[k]))
    written[first : first + 1] = [f"{written[first]} จำนวน", "๓ รุ่น"]
    want = [dict(w) for w in generated.tables["plan_swot_items"]]
    want[0]["text"] = f"{want[0]['text']} จำนวน\n๓ รุ่น"  # its lines as the page broke them
    assert_swot_read("\n".join(written), want)


# ------------------------------------------------------------------ specks after a number alone

#: What specks after a number read as, each in a cell of its own.
_SPECK_CELLS = ("\tน.\tม", "\tม", "\t'\tว.")


@pytest.mark.parametrize("seed", range(8))
def test_swot_number_alone_with_specks_after_it_numbers_the_next_line(seed: int) -> None:
    def damage(rng: random.Random, line: str, m: re.Match[str]) -> list[str]:
        number = rng.choice((f"{m.group('no')}.", "en.", "on."))
        return [number + rng.choice(_SPECK_CELLS), m.group("body")]

    lines, want = _damaged_swot(seed, damage)
    assert_swot_read("\n".join(lines), want)


# ------------------------------------------------------------------ the paragraph under the lists


def _flowing(line: str, keep_number_tab: bool) -> str:
    """A summary line as OCR gives it: no tab, but the one after a row's number."""
    m = _PROJECT_ROW.match(line)
    if m is not None and keep_number_tab:
        return f"{m.group('no')}\t{' '.join(m.group('rest').split())}"
    return " ".join(line.split())


@pytest.mark.parametrize("seed", range(6))
def test_paragraph_under_the_lists_is_no_item_though_rows_follow_the_summary(seed: int) -> None:
    """Under the last list, its paragraph after a blank line (an item whose number OCR
    lost reads alike); the summary's heading, then table rows OCR gave with a tab after
    their number (``2<tab>โครงการ...``), no blank line between the header and the rows:
    the summary's heading ends the list, the paragraph is no item."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    written = generated.text.split("\n")
    span = swot_span(written)
    lines = [*written[: span.stop]]
    for line in written[span.stop :]:
        lines.append(_flowing(line, rng.random() < 0.5) if line.strip() else line)
    assert_swot_read("\n".join(lines), generated.tables["plan_swot_items"])


# ------------------------------------------------------------------ a word's last letter alone


@pytest.mark.parametrize("seed", range(6))
def test_a_words_last_letter_wrapped_alone_before_a_number_alone_ends_its_item(seed: int) -> None:
    """Every item's number alone on its line (its words on the next), the words' last
    letter wrapped onto a line of its own (``...จัดสร`` / ``ร``): a letter alone is what
    OCR may read a number as, but not when the next item's number follows it."""
    rng = random.Random(seed)
    generated = GENERATORS["plan"](rng)
    lines: list[str] = []
    span = swot_span(written := generated.text.split("\n"))
    for k, line in enumerate(written):
        m = SWOT_ITEM.match(line) if k in span else None
        if m is None:
            lines.append(line)
            continue
        body = m.group("body")
        cut = [body[:-1], body[-1]] if re.match("[ก-ฮ]", body[-1]) else [body]
        lines += [f"{m.group('no')}.", *cut]
    got = records_of(extract, "\n".join(lines)).get("plan_swot_items", [])
    want = generated.tables["plan_swot_items"]
    assert [(r.kind, r.text.replace("\n", "")) for r in got] == [
        (w["kind"], w["text"]) for w in want
    ]
    assert all(r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True))


# ------------------------------------------------------------------ a speck before the number


@pytest.mark.parametrize("seed", range(6))
def test_swot_number_with_a_quote_read_from_a_speck_before_it_is_an_item(seed: int) -> None:
    lines, want = _damaged_swot(
        seed, lambda rng, line, m: [rng.choice(("' ", "'", "\u201c", ". ", "` ")) + line]
    )
    assert_swot_read("\n".join(lines), want)
