"""A history entry's problems and obstacles set side by side on one line.

A tracking page restyled with a CSS grid of two columns, printed or copied, gives
``** ปัญหาของโครงการ :X⇥** อุปสรรคของโครงการ :Y`` on one line: the problems took the
obstacles' label and value, and the obstacles were NULL (an outside test's Edge print,
2 fields an entry). Each label now starts a line of its own
(:func:`bma_etl.layouts.history_entries._labels_apart`).

Generated history pages (bench/corpus, known values) with each entry's two lines joined
by a tab or by spaces; the truth is the pages' entries as generated.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from corpus.build import GENERATORS
from read_back import assert_read_as_generated

#: An entry's problems line followed by its obstacles line.
_PAIR = re.compile(r"^(\*\* ปัญหาของโครงการ :[^\n]*)\n(\*\* อุปสรรคของโครงการ :)", re.M)


@pytest.mark.parametrize(("k", "gap"), [(0, "\t"), (1, "\t"), (2, "    ")])
def test_problems_and_obstacles_on_one_line_read_apart(tmp_path: Path, k: int,
                                                       gap: str) -> None:
    doc = GENERATORS["web_history"](random.Random(f"side-by-side-{k}"))
    text, n = _PAIR.subn(lambda m: m.group(1) + gap + m.group(2), doc.text)
    assert n >= 1, "the generated page has no entry with both lines"
    path = tmp_path / "history.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth, ["progress_updates"])


@pytest.mark.parametrize("k", range(3))
def test_problems_and_obstacles_a_space_apart_read_apart(tmp_path: Path, k: int) -> None:
    """A print's text copied (or read) with one space between the two cells."""
    doc = GENERATORS["web_history"](random.Random(f"side-by-side-space-{k}"))
    text, n = _PAIR.subn(lambda m: m.group(1) + " " + m.group(2), doc.text)
    assert n >= 1, "the generated page has no entry with both lines"
    path = tmp_path / "history.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth, ["progress_updates"])


#: What OCR read between a scanned print's two cells: one space, a speck glued to the
#: second label's ``**``, its ``:`` read as ``1`` glued to the value (breaker26
#: B_cssgrid_print_scan300: ``แรงงาน ข** อุปสรรคของโครงการ 1ไม่มี``).
_OCR_GAPS = ((" ", ":"), (" \u0e02", "1"), (" .", ":"), (" ", "1"))


@pytest.mark.parametrize("k", range(len(_OCR_GAPS)))
def test_problems_and_obstacles_side_by_side_as_ocr_read_them(k: int) -> None:
    from bma_etl.layouts.web_progress_history import extract

    from read_back import records_of

    gap, colon = _OCR_GAPS[k]
    doc = GENERATORS["web_history"](random.Random(f"side-by-side-ocr-{k}"))
    text, n = re.subn(r"^(\*\* ปัญหาของโครงการ :[^\n]*)\n\*\* อุปสรรคของโครงการ :",
                      lambda m: f"{m.group(1)}{gap}** อุปสรรคของโครงการ {colon}", doc.text,
                      flags=re.M)
    assert n >= 1
    got = records_of(extract, text, screened=False)["progress_updates"]
    want = doc.tables["progress_updates"]
    assert [(r.problems, r.obstacles) for r in got] == [
        (w["problems"], w["obstacles"]) for w in want]
