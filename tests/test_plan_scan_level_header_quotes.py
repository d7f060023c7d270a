"""Scoring tables whose indicator quote stands right over a damaged header, on generated plans.

Plans are generated from known values (``bench/corpus``); their scoring tables are
printed flowing (as :mod:`test_plan_scan_levels` prints them), the heading words
on a line of their own, the quoted indicator on the next line and the table's
header right under it with no blank line between, its first syllable OCR lost or
misread (``Je ดับความสำเร็จ เกณฑ์ร้อยละ…``): what Tesseract gave on the corpus's
200 dpi 1-bit scans. The quote opens with ``ระดับความสำเร็จ`` as the header does.

The truth is the generated values: the quote is no header, every level keeps the
indicator it names.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract
from test_plan_scan_levels import _flowing, _plan, _squashed

from read_back import records_of

_HEADING = re.compile(r"^(?P<words>เกณฑ์การให้คะแนน) (?P<quote>“[^”]+”)$")
_HEADER_STARTS = ("Je ดับ", "ดับ", "5ะ ดับ")


@pytest.mark.parametrize("seed", range(3))
def test_quote_over_a_damaged_header_still_names_the_indicator(seed: int) -> None:
    generated = _plan(seed, thai=bool(seed % 2))
    lines = _flowing(generated.text, random.Random(seed),
                     lambda level, rest, place: (level, f"ร้อยละ {rest}")).split("\n")
    out: list[str] = []
    damaged = 0
    for k, line in enumerate(lines):
        if (m := _HEADING.match(line)) is not None and k + 2 < len(lines) \
                and not lines[k + 1].strip() and lines[k + 2].startswith("ระดับความสำเร็จ เกณฑ์"):
            out.extend([m.group("words"), m.group("quote")])
            damaged += 1
            continue
        if line.startswith("ระดับความสำเร็จ เกณฑ์"):
            line = _HEADER_STARTS[seed] + line.removeprefix("ระดับ")
        if damaged and not line.strip() and out and out[-1].startswith("“"):
            continue  # the header right under the quote
        out.append(line)
    assert damaged
    want = [(row["indicator"], row["level"], _squashed(row["description"]))
            for row in generated.tables["plan_scoring_levels"]]
    got = [(r.indicator, r.level, _squashed(r.description)) for r in records_of(
        extract, "\n".join(out), screened=False).get("plan_scoring_levels", [])]
    assert got == want


@pytest.mark.parametrize("seed", range(4))
def test_header_whose_first_word_ocr_split_and_misread_opens_its_table(seed: int) -> None:
    """``ระ ตับความสำเร็จ เกณฑ์ร้อยละ…`` (a space inside ระดับ, ``ด`` read ``ต``: 200 dpi 1-bit):
    every table so headed is read, each level with the indicator its heading names."""
    generated = _plan(seed, thai=bool(seed % 2))
    text = _flowing(generated.text, random.Random(seed),
                    lambda level, rest, place: (level, f"ร้อยละ {rest}"))
    damaged = re.sub(r"(?m)^ระดับ(?=ความสำเร็จ เกณฑ์)", "ระ ตับ", text)
    assert damaged != text
    _assert_levels_read(damaged, generated)


#: The header's first word as OCR misread it past knowing, or lost (200 dpi 1-bit
#: scans: ``ดับ`` read as ``ต้าเ`` or ``เทเ``, ``ร`` as ``จะ``), and its second word's
#: ``ร้อ`` with a mark misplaced (``ร์อ``) or read ``รัก``.
_FIRST_WORDS = ("ระต้าเความสำเร็จ", "ระเทเความสำเร็จ", "จะ ะดับความสำเว็จ", "")
_SECOND_WORDS = ("เกณฑ์ร์อยละ", "เกณฑ์รักยละ")


@pytest.mark.parametrize(("seed", "first"), [(s, w) for s in range(4) for w in _FIRST_WORDS])
def test_header_whose_first_word_ocr_misread_whole_opens_its_table(seed: int, first: str) -> None:
    """A header OCR read with its first word unknowable or lost, its other words as
    printed (``ระเทเความสำเร็จ เกณฑ์รักยละความสำเร็จ การดำเนินงาน คะแนนที่ได้รับ``):
    every table so headed is read, each level with the indicator its heading names,
    its levels none of the table's before."""
    generated = _plan(seed, thai=bool(seed % 2))
    text = _flowing(generated.text, random.Random(seed),
                    lambda level, rest, place: (level, f"ร้อยละ {rest}"))
    second = _SECOND_WORDS[seed % 2]
    damaged = re.sub(r"(?m)^ระดับความสำเร็จ เกณฑ์ร้อยละ", f"{first} {second}".lstrip(), text)
    assert damaged != text
    _assert_levels_read(damaged, generated)


def _assert_levels_read(damaged: str, generated: Any) -> None:
    """Every generated scoring level is read from ``damaged``, with the indicator its
    heading names and its description (spaces aside), none added."""
    want = [(row["indicator"], row["level"], _squashed(row["description"]))
            for row in generated.tables["plan_scoring_levels"]]
    got = [(r.indicator, r.level, _squashed(r.description)) for r in records_of(
        extract, damaged, screened=False).get("plan_scoring_levels", [])]
    assert got == want
