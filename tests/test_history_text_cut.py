"""A progress-history page copied as text and cut inside an entry.

A text copy has no ``</body>`` to miss: a copy that stopped inside an entry loaded the
half entry as whole (its detail cut mid-sentence, no problems, no obstacles) with no
issue, where the same page saved as HTML and cut drops it with ``file_cut_short``.
The page prints every entry's problem and obstacle lines; a last entry without the
labels every other entry has, and nothing of the page after it, is a copy cut short
(:func:`bma_etl.layouts.history_cut.cut_entry`) and is read as a cut HTML page is.
The pages are generated (bench/corpus ``web_history``) and cut in the test; the truth
is the values they were generated from.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus.build import GENERATORS, _rng
from corpus.score import score_tables

_HEAD = re.compile(r"^\(\d+\) ความคืบหน้าโครงการฯ.*$", re.MULTILINE)


def _cut_text(k: int, at: float, tmp_path: Path) -> tuple[object, Path, str]:
    doc = GENERATORS["web_history"](_rng(441, "web_history", k))
    heads = list(_HEAD.finditer(doc.text))
    head = heads[min(len(heads) - 1, max(3, int(len(heads) * at)))]
    date_line_end = doc.text.index("\n", head.end() + 1)
    cut = head.end() + 1 + (date_line_end - head.end()) // 2  # inside the entry's detail
    path = tmp_path / "history.txt"
    path.write_text(doc.text[:cut], encoding="utf-8")
    return doc, path, doc.text[:cut]


@pytest.mark.parametrize(("k", "at"), [(0, 0.5), (1, 0.8), (2, 1.0)])
def test_a_text_copy_cut_inside_an_entry_leaves_the_half_entry_out(
        k: int, at: float, tmp_path: Path) -> None:
    doc, path, _ = _cut_text(k, at, tmp_path)
    processed = process_file(path)
    codes = [(i.table_name, i.code) for i in processed.tables["quality_issues"]]
    assert ("documents", "file_cut_short") in codes
    tables = processed.tables
    truth_tables = doc.tables  # type: ignore[attr-defined]
    rows = tables.get("progress_updates", [])
    assert 0 < len(rows) < len(truth_tables["progress_updates"])
    # The rows read are the first rows written, each whole: none is half read.
    truth = {"tables": {"progress_updates": truth_tables["progress_updates"][:len(rows)]}}
    _, _, lost = score_tables(tables, truth)
    assert lost == [], lost[:4]


def test_a_whole_text_copy_is_not_judged_cut(tmp_path: Path) -> None:
    doc = GENERATORS["web_history"](_rng(441, "web_history", 0))
    path = tmp_path / "history.txt"
    path.write_text(doc.text, encoding="utf-8")
    codes = {i.code for i in process_file(path).tables["quality_issues"]}
    assert "file_cut_short" not in codes
