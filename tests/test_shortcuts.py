"""The shortcuts that keep detection and matching fast give what the long way gives.

Each shortcut (a signal's core searched first, a score cut short once it cannot
reach what the caller needs, the key form by a regex and its offsets without a
per-letter loop, widths without a per-letter loop, line offsets and lines worked
out once) is checked against the long way on text generated from
known words, and on the signals of every registered layout.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bma_etl.document import Line, RepairedText
from bma_etl.layouts import REGISTRY
from bma_etl.layouts.base import Signal, score_signals
from bma_etl.matchkey import _KEY_TABLE, key, key_map
from bma_etl.provenance import LineIndex
from bma_etl.unwrap import _width

#: Thai upper and lower vowels and tone marks: no width of their own.
MARK_CHARS = {chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F))}

#: Words and marks of the layouts' own lines, and the damage PDFs and OCR do to them.
PIECES = [
    "ความคืบหน้าโครงการ",
    "กิจกรรม",
    "รหัสโครงการ",
    "สำนักการโยธา",
    "เเผน",
    "แผน",
    "รายงานครั้งที่",
    "ร้อยละ",
    "(2566)",
    "(๒๕๖๖)",
    "12345678-0001",
    " : ",
    ":",
    "/",
    "**",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "หลักการและเหตุผล",
    "ไตรมาส",
    "ดำเนินการ",
    "ด ํา",
    "ํา",
    "่",
    "1.1 ",
    "-",
    "&&&",
    "---",
    "Back Home",
    "ขั้นตอนการดำเนินงาน",
    "แผนปฏิบัติราชการประจำปี",
    "วิสัยทัศน์",
    "พันธกิจ",
    "ผลงานที่ทำได้ ระดับ : 1",
]

texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
SIGNALS = [s for layout in REGISTRY for s in layout.signals]


def _key_map_long_way(text: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        mapped = _KEY_TABLE.get(ord(ch), ch)
        if not mapped:
            continue
        if mapped == "\u0e40" and chars and chars[-1] == "\u0e40":
            chars[-1] = "\u0e41"
            continue
        chars.append(str(mapped))
        offsets.append(i)
    return "".join(chars), [*offsets, len(text)]


@given(texts)
def test_key_map_gives_the_letter_by_letter_offsets(text: str) -> None:
    assert key_map(text) == _key_map_long_way(text)
    assert key(text) == _key_map_long_way(text)[0]


@given(texts)
def test_a_width_counts_the_letters_but_the_marks(text: str) -> None:
    line = text.strip()
    assert _width(text) == len([ch for ch in line if ch not in MARK_CHARS])


@settings(max_examples=60)
@given(texts, st.sampled_from([0.1, 0.3, 0.5, 0.8]))
def test_a_score_cut_short_decides_as_the_whole_score(text: str, need: float) -> None:
    doc = RepairedText.of(text)
    for layout in REGISTRY:
        whole = score_signals(doc, layout.signals, keyed=True)
        short = score_signals(doc, layout.signals, keyed=True, at_least=need)
        assert (short >= need) == (whole >= need)
        if whole >= need:
            assert short == whole


@settings(max_examples=60)
@given(texts)
def test_a_signal_with_a_core_finds_what_its_pattern_finds(text: str) -> None:
    cored = [s for s in SIGNALS if s.core is not None]
    assert cored, "no layout signal has a core: nothing to check"
    doc = RepairedText.of(text)
    for signal in cored:
        bare = Signal(signal.pattern, signal.points, signal.within, signal.needles)
        for keyed in (False, True):
            assert score_signals(doc, (signal,), keyed=keyed) == score_signals(
                doc, (bare,), keyed=keyed
            )


def test_a_core_that_is_not_the_patterns_tail_is_refused() -> None:
    with pytest.raises(ValueError, match="tail"):
        score_signals(RepairedText.of("a : b"), (Signal(r"^\w+\s*:", 0.5, core=r":\s*c"),))


def test_a_core_lets_a_line_with_the_whole_pattern_count() -> None:
    core = r":\s*\(\s*[0-9]{4}\s*\)\s*$"
    signal = Signal(r"^[^\n:()]*\S\s*" + core, 0.4, core=core)
    assert score_signals(RepairedText.of("หัวเรื่อง\nสำนักการโยธา : (2566)\n"), (signal,)) == 0.4
    assert score_signals(RepairedText.of("สำนักการโยธา : 2566\n"), (signal,)) == 0.0


@given(texts)
def test_line_offsets_and_lines_are_those_of_the_text(text: str) -> None:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    index = LineIndex(text)
    assert index.line_starts == starts and index.line_count == len(starts)
    doc = RepairedText.of(text, furniture=frozenset({2, 3}))
    every = [
        Line(no, start, line)
        for no, (start, line) in enumerate(zip(starts, text.split("\n"), strict=True), start=1)
    ]
    assert list(doc.all_lines()) == every
    assert list(doc.lines()) == [ln for ln in every if ln.no not in {2, 3}]
    assert list(doc.lines()) == list(doc.lines())  # a second walk reads the same lines
