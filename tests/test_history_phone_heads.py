"""A progress-history page copied at phone width: entry headings wrapped after their words.

A phone-width copy of the tracking system's history page breaks every entry heading
after ``ความคืบหน้าโครงการฯ``: ``(22) ความคืบหน้าโครงการฯ`` / ``ร้อยละ 93.00
(2024-09-13)``. The second line was read as the entry's detail, so every entry lost
its report date and progress, silently. A heading's parts over two lines are still the
heading (:func:`bma_etl.layouts.history_entry_heads.heading_wrapped`).

The pages are generated (bench/corpus ``web_history``); every heading is wrapped, and
the truth is every field as generated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated

_HEAD = re.compile(r"^(\(\d+\) ความคืบหน้าโครงการฯ)\s+(ร้อยละ .*\(\d{4}-\d{2}-\d{2}[^)]*\))\s*$",
                   re.MULTILINE)


@pytest.mark.parametrize("k", range(4))
def test_entry_heads_wrapped_after_their_words_by_a_phone_copy_read_whole(
        k: int, tmp_path: Path) -> None:
    doc = GENERATORS["web_history"](_rng(433, "web_history", k))
    text, heads = _HEAD.subn(r"\1\n\2", doc.text)
    assert heads >= 1, heads
    path = tmp_path / "history.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth)
