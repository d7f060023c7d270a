"""A saved web page cut short (an interrupted save or download) is read as far as it goes.

Its ``</body>`` and ``</html>`` never come; what came before them is whole. The header
and the rows before the cut load, with a ``file_cut_short`` finding; the row the cut
falls in is left out whole, never loaded as a half row, and a value reaching the
last line is NULL. Nothing loads wrong. The pages are generated (bench/corpus
tracking-system history and detail pages, the legacy form's web page) and cut in
the test; the truth is the values they were generated from.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from bma_etl.errors import BmaEtlError
from bma_etl.pipeline import process_file

from corpus import forms, web
from corpus.score import score_tables

GENERATORS = {"history": web.progress_history, "detail": web.project_detail,
              "form": forms.legacy_html}


def _cut_page(generator: str, k: int, cut_at: float, tmp_path: Path) -> tuple[Any, Path]:
    doc = GENERATORS[generator](random.Random(f"cut-short-{generator}-{k}"))
    assert doc.html is not None
    data = doc.html.encode("utf-8")
    path = tmp_path / "page.html"
    path.write_bytes(data[:int(len(data) * cut_at)])
    assert b"</body>" not in path.read_bytes()
    return doc, path


@pytest.mark.parametrize("cut_at", [0.55, 0.75, 0.9, 0.99])
@pytest.mark.parametrize("generator", list(GENERATORS))
def test_a_cut_page_loads_what_is_whole_and_no_half_row(generator: str, cut_at: float,
                                                         tmp_path: Path) -> None:
    doc, path = _cut_page(generator, 0, cut_at, tmp_path)
    processed = process_file(path)  # past its header and first row: loaded
    codes = [(i.table_name, i.code) for i in processed.tables["quality_issues"]]
    assert ("documents", "file_cut_short") in codes
    tables = processed.tables
    children = [t for t in doc.tables if t != "projects"]
    # The rows read are the first rows written, each whole: none is half read.
    truth = {"tables": {t: doc.tables[t][:len(tables.get(t, []))] for t in children}}
    _, _, lost = score_tables(tables, truth)
    assert lost == [], lost[:4]
    read = sum(len(tables.get(t, [])) for t in children)
    assert read < sum(len(doc.tables[t]) for t in children)
    # The project: what is read is right; only what the cut took may be NULL, and once
    # a row was read (the header is whole) a value left out is one the cut rule flagged.
    _, _, lost = score_tables(tables, {"tables": {"projects": doc.tables["projects"]}})
    assert [k for k, _, got, _ in lost if got is not None] == [], lost
    flagged = {f"projects.{i.field}" for i in processed.tables["quality_issues"]
               if i.code == "file_cut_short" and i.table_name == "projects"}
    if read:
        assert {k for k, _, _, _ in lost} <= flagged, lost


def test_a_page_cut_in_its_header_is_quarantined_as_truncated(tmp_path: Path) -> None:
    _, path = _cut_page("history", 0, 0.05, tmp_path)
    with pytest.raises(BmaEtlError, match="HTML page is truncated"):
        process_file(path)
