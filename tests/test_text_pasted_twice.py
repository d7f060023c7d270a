"""A page's text pasted twice (or three times) into one text file is read once.

A detail page's text saved twice gave 24 monthly rows, the second copy's glued
``ผลงานเดือนที่ 10`` (month 1, value 0 after month 12) judged month 10 with no value.
Pages generated from known values (bench/corpus/web.py), their text written
several times over, read back as the page's values, each month once, with a
``page_repeated`` warning; two different pages in one file are not cut.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from corpus import web
from read_back import assert_read_as_generated


def _issues(path: Path) -> list[tuple[str, str]]:
    from bma_etl.pipeline import process_file

    return [(i.code, i.message) for i in process_file(path).rows("quality_issues")]


@pytest.mark.parametrize(("k", "copies"), [(0, 2), (1, 2), (2, 3)])
def test_a_detail_page_pasted_again_is_read_once(k: int, copies: int, tmp_path: Path) -> None:
    from bma_etl.pipeline import process_file

    doc = web.project_detail(random.Random(f"pasted-twice-{k}"))
    path = tmp_path / "detail.txt"
    path.write_text("\n".join([doc.text] * copies), encoding="utf-8")
    assert_read_as_generated(path, doc.truth)
    processed = process_file(path)
    months = [r.month_no for r in processed.rows("monthly_progress")]
    assert months == [r["month_no"] for r in doc.truth["tables"]["monthly_progress"]]
    codes = [i.code for i in processed.rows("quality_issues")]
    assert "page_repeated" in codes and "ambiguous_value" not in codes
    assert "unparsed_line" not in codes  # no field read a second time


def test_a_history_page_pasted_again_is_read_once_and_said(tmp_path: Path) -> None:
    doc = web.progress_history(random.Random("pasted-twice-history"))
    path = tmp_path / "history.txt"
    path.write_text(doc.text + "\n\n" + doc.text, encoding="utf-8")
    assert_read_as_generated(path, doc.truth)
    assert any(code == "page_repeated" for code, _ in _issues(path))


def test_two_projects_pages_in_one_file_are_not_taken_for_a_copy(tmp_path: Path) -> None:
    first = web.project_detail(random.Random("pasted-twice-a"))
    second = web.project_detail(random.Random("pasted-twice-b"))
    path = tmp_path / "two.txt"
    path.write_text(first.text + "\n" + second.text, encoding="utf-8")
    assert not any(code == "page_repeated" for code, _ in _issues(path))
