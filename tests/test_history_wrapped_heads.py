"""A progress-history page printed large: entry headings and separators wrapped.

At 18 pt on A5 (reportlab, fpdf2) an entry's heading breaks before its system date,
``(2) ความคืบหน้าโครงการฯ ร้อยละ 51.50`` / ``(2018-03-25)``, and the separator
between entries breaks after its ``&&&`` (``------&&&`` / ``------``). The entry
lost its report date and the fiscal year with it, its detail began with the system
date, and its obstacles ended in the separator's dashes; no quality issue said so.
The pieces are joined (:func:`bma_etl.layouts.history_entries._colons_joined`).

The pages are generated (bench/corpus ``web_history``); every heading's date and
every separator is wrapped, and the truth is every field as generated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated

_HEAD_DATE = re.compile(r"^(\(\d+\) ความคืบหน้าโครงการฯ.*?)\s+(\(\d{4}-\d{2}-\d{2}[^)]*\))\s*$",
                        re.MULTILINE)
_SEPARATOR = re.compile(r"^(-+&&&)(-+)\s*$", re.MULTILINE)


@pytest.mark.parametrize("k", range(4))
def test_entry_heads_and_separators_wrapped_by_a_large_print_read_whole(
        k: int, tmp_path: Path) -> None:
    doc = GENERATORS["web_history"](_rng(421, "web_history", k))
    text, heads = _HEAD_DATE.subn(r"\1\n\2", doc.text)
    text, separators = _SEPARATOR.subn(r"\1\n\2", text)
    assert heads >= 1 and separators >= 1, (heads, separators)
    path = tmp_path / "history.txt"
    path.write_text(text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth)
