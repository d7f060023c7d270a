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

from conftest import assert_read_as_generated
from corpus.build import GENERATORS

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
