"""A plan or tracking page pasted into a spreadsheet and saved as CSV.

Analysts save sheets as CSV: every row a line of comma-separated cells, a cell with a
comma (``"๔๘,๒๕๐,๐๐๐.- บาท"``) or a line break in quotes, the rows padded with empty
cells by some programs, the file in UTF-8 with or without its byte order mark or in
Thai cp874. ``.csv`` was refused ("unsupported file type"); renamed ``.txt`` the plan's
12 items and totals were lost. A CSV row is the row the tab text prints
(:func:`bma_etl.read.text_csv.csv_as_tabs`), so the file reads as its tab text does.

The documents are generated (bench/corpus ``plan``, ``web_detail``); their tab rows are
written as CSV rows, and the truth is every field as generated.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated


def _as_csv(text: str, width: int) -> str:
    """``text``'s lines as CSV rows: tab cells as cells, padded to ``width`` when >0."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for line in text.split("\n"):
        cells = line.split("\t") if line.strip() else []
        writer.writerow(cells + [""] * (width - len(cells)) if cells and width else cells)
    return out.getvalue()


@pytest.mark.parametrize(("generator", "k", "encoding", "width"), [
    ("plan", 0, "utf-8", 0), ("plan", 1, "utf-8-sig", 6), ("web_detail", 1, "cp874", 0),
    ("web_detail", 0, "utf-8-sig", 0)])
def test_a_sheet_saved_as_csv_reads_as_its_tab_text(
        generator: str, k: int, encoding: str, width: int, tmp_path: Path) -> None:
    doc = GENERATORS[generator](_rng(437, generator, k))
    path = tmp_path / "sheet.csv"
    path.write_bytes(_as_csv(doc.text, width).encode(encoding))
    assert_read_as_generated(path, doc.truth)


@pytest.mark.parametrize("k", [3, 4])
def test_a_plans_csv_renamed_txt_reads_as_its_tab_text(k: int, tmp_path: Path) -> None:
    """An office mails the CSV renamed ``.txt``: its quoted amounts say it is a CSV."""
    from bma_etl.read.text_csv import is_csv_text

    doc = GENERATORS["plan"](_rng(437, "plan", k))
    path = tmp_path / "sheet.txt"
    path.write_text(_as_csv(doc.text, 0), encoding="utf-8")
    assert is_csv_text(path.read_text(encoding="utf-8"))
    assert_read_as_generated(path, doc.truth)


@pytest.mark.parametrize("generator", ["legacy_pipe", "web_history", "web_detail"])
def test_a_text_with_commas_in_its_amounts_is_no_csv(generator: str) -> None:
    """A report's own text (amounts ``1,234.00``, prose with commas) is never split."""
    from bma_etl.read.text_csv import is_csv_text

    for k in range(6):
        doc = GENERATORS[generator](_rng(437, generator, k))
        assert not is_csv_text(doc.text.replace("\t", " "))
