"""A legacy form's progress whose label OCR read as junk.

Forms are generated from known values (``bench/corpus``) as tab rows, whose progress
opens a line of its own (``⇥:: ความก้าวหน้าของงานฯ = 45.00 % : งบประมาณที่เบิกใช้ …``).
Each label is then damaged the ways Tesseract read it on the corpus's scans: as Latin
letters with the ``=`` read as a digit (``avant ๒ 45.00 %``, seed 173, legacy_long_004
at 150 dpi), or as Thai letters only some of which are the label's
(``ตราบกักจุหธาของงุาปี ๓= = 91.00 %``, seed 179, legacy_pipe_001 at 300 dpi). The
truth is the generated values: the progress, the budget and the flags after it are
read, and the narrative above stays whole, without the junk.
"""

from __future__ import annotations

import random
import re

import pytest

from bma_etl.layouts.legacy_progress_form import extract as legacy
from bma_etl.layouts.legacy_values import progress_label_lost

from corpus.build import GENERATORS
from read_back import assert_rows_read, records_of

_LABEL = re.compile(r"(?m)^\t:: ความก้าวหน้าของงานฯ = ")
_JUNK = ("avant ๒ ", "ตราบกักจุหธาของงุาปี ๓= = ", "ee ", "ความค้าวหบ้ๆ ")


@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_long"])
@pytest.mark.parametrize("seed", range(4))
def test_progress_read_after_a_label_read_as_junk(generator: str, seed: int) -> None:
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    while not _LABEL.search(generated.text):  # a form whose progress opens its line
        generated = GENERATORS[generator](rng)
    text = _LABEL.sub(lambda _: rng.choice(_JUNK), generated.text)
    assert text != generated.text and "ความก้าวหน้าของงานฯ =" not in text
    got = records_of(legacy, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert_rows_read("progress_updates", got, want, (
        "progress_pct", "budget_disbursed_thb", "on_plan", "on_target", "detail"))


@pytest.mark.parametrize("cell", [
    "ผู้เข้าร่วม 150 คน 45.00 % : งบประมาณที่เบิกใช้ (ครั้งที่ 1) = 0 บาท",  # narrative words
    "avant ๒ 45.00 % : ดำเนินการต่อ",  # no budget's label after it
    "avant : 45.00 % : งบประมาณที่เบิกใช้ (ครั้งที่ 1) = 0 บาท",  # a colon inside the junk
])
def test_no_progress_without_the_labels_place(cell: str) -> None:
    assert progress_label_lost(cell, 0) is None


_PROGRESS = re.compile(r"(ความก้าวหน้าของงานฯ = )([0-9๐-๙]{1,3})\.([0-9๐-๙]{2})( %)")


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_tab", "legacy_html", "legacy_long"])
@pytest.mark.parametrize("seed", range(3))
def test_progress_whose_point_ocr_read_as_a_gap(generator: str, seed: int) -> None:
    """``= 61 50 %`` and ``= 87. 50 %`` (seed 569, legacy_html_001 at 150 dpi; the first
    was read as 61): the two digits before the ``%`` are the fraction the form prints."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text = _PROGRESS.sub(lambda m: f"{m[1]}{m[2]}{rng.choice((' ', '. '))}{m[3]}{m[4]}",
                         generated.text)
    assert text != generated.text
    got = records_of(legacy, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert_rows_read("progress_updates", got, want, (
        "progress_pct", "budget_disbursed_thb", "on_plan", "on_target", "detail"))


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_tab", "legacy_long"])
@pytest.mark.parametrize("seed", range(3))
def test_progress_with_a_digit_lost_before_a_spaced_point_is_null(generator: str,
                                                                  seed: int) -> None:
    """``= 9 .50 %`` for 91.50 (seed 2815, legacy_long_002, 1-bit 150 dpi Norasi: 9.50 was
    stored). One digit, a gap, then the point: a digit may have been lost in the gap, so
    the progress is NULL (with the normalizer's issue), never the digit that is left."""
    generated = GENERATORS[generator](random.Random(seed))
    want = generated.tables["progress_updates"]
    text, count = _PROGRESS.subn(lambda m: f"{m[1]}{m[2][-1]} .{m[3]}{m[4]}", generated.text)
    assert count == len(want)
    got = records_of(legacy, text, screened=False)["progress_updates"]
    assert [row.progress_pct for row in got] == [None] * len(want)
    assert [row.report_date.isoformat() for row in got] == [r["report_date"] for r in want]


_BOTH_LABELS = re.compile(r"(?m)^\t:: ความก้าวหน้าของงานฯ = (?P<pct>\S+ %) : งบประมาณที่เบิกใช้ ")
#: Both labels misread, as Tesseract read them on a 1-bit scan of a generated
#: form at 200 dpi: two letters of ``ของ`` and a letter or three of the budget's words.
_BOTH_JUNK = (("ความก้าวหน้ายลงานฯ", "งบประมาณที่เบิกใส้"),
              ("ความก้าวหน้ายกงานฯ", "งแฟระมาณที่เผิกใช้"))


@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_long"])
@pytest.mark.parametrize("seed", range(4))
def test_progress_read_when_the_budgets_label_is_misread_too(generator: str, seed: int) -> None:
    """The progress's place is told by the budget's label read approximately or by its
    bracket (``: งแฟระมาณที่เผิกใช้ (ครั้งที่ 3) = 0 บาท``) right after the percent."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    while not _BOTH_LABELS.search(generated.text):
        generated = GENERATORS[generator](rng)
    text = _BOTH_LABELS.sub(lambda m: "\t: {} = {} : {} ".format(
        *(lambda pair: (pair[0], m["pct"], pair[1]))(rng.choice(_BOTH_JUNK))), generated.text)
    assert "ความก้าวหน้าของงานฯ =" not in text
    got = records_of(legacy, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert_rows_read("progress_updates", got, want, (
        "progress_pct", "budget_disbursed_thb", "on_plan", "on_target", "detail"))


_AMOUNT = re.compile(r"(\(ครั้งที่ [0-9]+\) = )([0-9]{1,3}(?:,[0-9]{3})+)( บาท)")


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_tab", "legacy_long"])
@pytest.mark.parametrize("seed", range(3))
def test_budget_whose_commas_ocr_read_as_dots_and_a_space(generator: str, seed: int) -> None:
    """``= 1.727. 500 บาท`` (a 1-bit form at 200 dpi): a dot, and a space
    after it, before a group of three digits, is a thousands comma."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    while not _AMOUNT.search(generated.text):
        generated = GENERATORS[generator](rng)
    text = _AMOUNT.sub(lambda m: m[1] + re.sub(r",", lambda _: rng.choice((".", ". ")), m[2])
                       + m[3], generated.text)
    assert text != generated.text
    got = records_of(legacy, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert_rows_read("progress_updates", got, want, ("progress_pct", "budget_disbursed_thb"))


_BRACKET = re.compile(r"\(ครั้งที่ ([0-9]+)\) = ")


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_tab", "legacy_long"])
@pytest.mark.parametrize("seed", range(3))
def test_budget_whose_bracket_ocr_read_as_letters_and_its_number(generator: str,
                                                                 seed: int) -> None:
    """``งบประมาณที่เบิกใช้ abst 9 = 0 บาท`` (a 1-bit form at 150 dpi):
    ``(ครั้งที่`` read as a few Latin letters and the ``)`` lost, the number kept."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    while not _BRACKET.search(generated.text):
        generated = GENERATORS[generator](rng)
    text = _BRACKET.sub(lambda m: f"{rng.choice(('abst', 'ad', 'ครง'))} {m[1]} = ", generated.text)
    assert text != generated.text
    got = records_of(legacy, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert_rows_read("progress_updates", got, want, ("progress_pct", "budget_disbursed_thb"))
