"""A legacy form's negated plan flag and report year as OCR misread them.

Forms are generated from known values (``bench/corpus``) as tab rows (the scanned print
wraps the flags onto the line after the budget); each negated plan flag is then damaged
the ways Tesseract read it on the corpus's scans (seed 47, legacy_tab_000 at 300 dpi):
a letter of ตาม lost (``ไม่เป็นไปตแผน``), or the ม of ไม่ read as another letter and แผน
misread (``ไห้เป็นไปตามแน่``). The truth is the generated values: each such flag is read
negative, never affirmative (its words alone would read ``เป็นไปตามแผน``), and the
affirmative flags are read as printed. A report date whose year OCR read with a digit
more, its ``:`` lost (``23/3/25601 อยู่…``), gives no date and leaves the detail whole.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.legacy_flags import approx_flags
from bma_etl.layouts.legacy_progress_form import extract as legacy

from corpus.build import GENERATORS
from read_back import records_of

#: The flags after the budget in a tab row: ``… บาท⇥: ไม่เป็นไปตามแผน⇥: …เป้าหมาย``.
_FLAGS = re.compile(r"บาท\t: (?P<plan>(?:ไม่)?เป็นไปตามแผน)\t: (?P<target>\S+)")
#: What OCR read for ไม่เป็นไปตามแผน on the corpus's scans.
_NEGATED_MISREAD = ("ไม่เป็นไปตแผน", "ไห้เป็นไปตามแน่", "ไม่เป็นไปตามแน่", "ไท่เป็นไปตามแผน")


def _form(rng: random.Random) -> Any:
    """A generated tab-row form with a negated plan flag."""
    while True:
        generated = GENERATORS["legacy_tab"](rng)
        if any(w["on_plan"] is False for w in generated.tables["progress_updates"]):
            return generated


@pytest.mark.parametrize("seed", range(8))
def test_negated_plan_flag_misread_and_wrapped_below_the_budget(seed: int) -> None:
    rng = random.Random(seed)
    generated = _form(rng)

    def damaged(m: re.Match[str]) -> str:
        plan = rng.choice(_NEGATED_MISREAD) if m["plan"].startswith("ไม่") else m["plan"]
        return f"บาท :\n{plan} : {m['target']}"

    text = _FLAGS.sub(damaged, generated.text)
    assert "ไม่เป็นไปตามแผน" not in text
    got = records_of(legacy, text, screened=False)["progress_updates"]
    assert [(r.on_plan, r.on_target) for r in got] == [
        (w["on_plan"], w["on_target"]) for w in generated.tables["progress_updates"]]


@pytest.mark.parametrize("cell", [" 0 บาท :ไม่เป็นไปตแผน : ไม่เป็นไปตามเป้าหมาย",
                                  " : ไม่เป็นไปตแผน : เป็นไปตามเป้าหมาย",
                                  "= 85,000 บาท :ไห้เป็นไปตามแน่ : เป็นไปตามเป้าหมาย"])
def test_an_alignment_that_takes_in_the_negation_never_reads_affirmative(cell: str) -> None:
    """The approximate match may start on ไม่'s letters: the plan flag is still negative."""
    assert [(column, value) for column, value, _, _ in approx_flags(cell)
            if column == "on_plan"] == [("on_plan", False)]


@pytest.mark.parametrize("cell", ["คนไห้เป็นไปตามแผน", ": เป็นไปด้วคน : เป็นไปตามเป้าหมาย"])
def test_flag_words_after_other_text_or_made_junk_are_not_read(cell: str) -> None:
    """ไ and a letter after other text is no misread ไม่; words OCR made junk stay unread."""
    assert [c for c, _, _, _ in approx_flags(cell) if c == "on_plan"] == []


@pytest.mark.parametrize("generator", ["legacy_pipe", "legacy_tab", "legacy_long"])
@pytest.mark.parametrize("seed", range(3))
def test_report_year_read_with_a_digit_more_and_its_colon_lost(generator: str,
                                                              seed: int) -> None:
    """``:: 23/3/25601 อยู่…`` (seed 43, legacy_long_003: ``๒๕๖๑`` read ``๒๕๒๐๑``): no
    date is read from it (not ``23/3/2560``), and the digit is no part of the detail."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    dates = re.compile(r"(?<=:: )([0-9๐-๙]{1,2}/[0-9๐-๙]{1,2}/[0-9๐-๙]{4}) : ")
    text = dates.sub(lambda m: f"{m[1]}{rng.choice('0๑1')} ", generated.text)
    assert text != generated.text
    got = records_of(legacy, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [r.report_date for r in got] == [None] * len(want)
    assert [" ".join((r.detail or "").split()) for r in got] == [
        " ".join(w["detail"].split()) for w in want]


@pytest.mark.parametrize("seed", range(6))
def test_plan_flag_alone_is_no_target_flag(seed: int) -> None:
    """A tab row's target flag OCR set on a line of its own far below (seed 179,
    legacy_tab_003 at 200 dpi): the row ends ``… บาท : เป็นไปตามแผน``. The plan's words
    align inside the longer target's at 80, but they are the plan's flag: the target
    is unread, never the plan's value."""
    generated = GENERATORS["legacy_tab"](random.Random(seed))
    text = _FLAGS.sub(lambda m: f"บาท : {m['plan']}", generated.text)
    assert text != generated.text
    got = records_of(legacy, text, screened=False)["progress_updates"]
    assert [(r.on_plan, r.on_target) for r in got] == [
        (w["on_plan"], None) for w in generated.tables["progress_updates"]]


@pytest.mark.parametrize("cell", [" : เป็นไปตามแผน", " ; เป็นไปตามแผน", ": ไม่เป็นไปตามแผน"])
def test_the_plan_flag_alone_is_read_as_the_plan_only(cell: str) -> None:
    assert [c for c, _, _, _ in approx_flags(cell)] in ([], ["on_plan"])


@pytest.mark.parametrize("seed", range(6))
def test_negated_target_flag_with_its_sara_ai_misread(seed: int) -> None:
    """``ไม่`` read as ``เม่`` (seed 179, legacy_html_002 at 300 dpi), the ``:`` before it
    read as a letter on the line above (``… บาท ง`` / ``เม่เป็นไปตามเป้าหมาย``): the
    flag's words after it are never read affirmative; the plan's flag reads as printed."""
    rng = random.Random(seed)
    while True:
        generated = GENERATORS["legacy_tab"](rng)
        if any(w["on_target"] is False for w in generated.tables["progress_updates"]):
            break

    def damaged(m: re.Match[str]) -> str:
        target = m["target"].replace("ไม่", "เม่")
        return f"บาท : {m['plan']} ง\n{target}"

    text = _FLAGS.sub(damaged, generated.text)
    got = records_of(legacy, text, screened=False)["progress_updates"]
    want = generated.tables["progress_updates"]
    assert [r.on_plan for r in got] == [w["on_plan"] for w in want]
    assert all(r.on_target is None or r.on_target is w["on_target"]
               for w, r in zip(want, got, strict=True))


@pytest.mark.parametrize("cell", [": เม่เป็นไปตามเป้าหมาย", " : แม่เป็นไปตามแผน"])
def test_negation_with_its_sara_ai_misread_reads_negative(cell: str) -> None:
    assert [value for _, value, _, _ in approx_flags(cell)] == [False]


#: Flags as Tesseract read them on the corpus's scans (seed 569: legacy_html_002,
#: legacy_long_005 and legacy_pipe_000 at 200 and 300 dpi), their words too garbled
#: to match approximately, each still opening as its flag does.
_GARBLED = {"เป็นไปตามแผน": "เปไปด้กมแผน", "ไม่เป็นไปตามแผน": "ไม่เป็นไปตมาฒน",
            "เป็นไปตามเป้าหมาย": "เป็นไปตรญาหหม่าย", "ไม่เป็นไปตามเป้าหมาย": "ไม่เป็นไปตามเป๋าตุมาอ"}


@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(4))
def test_garbled_flags_read_by_their_place_after_the_budget(generator: str, seed: int) -> None:
    """Each row's plan or target flag (in turn) garbled, the ``:`` before the target read
    as a dash: the two cells after the budget are the plan's and the target's flags, each
    read by its place, negative when it opens with ไม่, as generated."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    flags = re.compile(r"บาท(?P<cut>\s*[|]?\s*):\s*(?P<plan>(?:ไม่)?เป็นไปตามแผน)"
                       r"(?P<gap>\s*[|]?\s*):\s*(?P<target>(?:ไม่)?เป็นไปตามเป้าหมาย)")
    turn = iter(range(100))

    def damaged(m: re.Match[str]) -> str:
        plan, target = m["plan"], m["target"]
        if next(turn) % 2:
            target = _GARBLED[target]
        else:
            plan = _GARBLED[plan]
        return f"บาท{m['cut']}: {plan}{m['gap']}- {target}"

    text = flags.sub(damaged, generated.text)
    assert text != generated.text and "เปไปด้กมแผน" in text
    got = records_of(legacy, text, screened=False)["progress_updates"]
    assert [(r.on_plan, r.on_target) for r in got] == [
        (w["on_plan"], w["on_target"]) for w in generated.tables["progress_updates"]]


@pytest.mark.parametrize("cell", [" : เป็นไปด้วคน : เป็นไปตามเป้าหมาย",
                                  " : ไม่เก็น111สหมาัน ไม่เป็นไปตามเป้าหมาย",
                                  " โหน : เป็นไปตามเป้าหมาย",
                                  " : เป็นไปตามแผน : เป็นไปตามแผน : ไม่เป็นไปตามเป้าหมาย"])
def test_a_cell_unlike_its_flag_or_out_of_place_is_not_read(cell: str) -> None:
    """Words OCR made junk, or no ไม่ or เป opening them, or a third cell: no flag there."""
    from bma_etl.layouts.legacy_flags import placed_flags

    assert [c for c, _, _, _ in placed_flags(cell) if c == "on_plan"] == []
