"""Poppler's ``pdftotext`` in reading order: a progress form's report table out of order.

Without ``-layout`` poppler writes a browser print's table block by block: a report's
label apart from its row, the labels in one run and the rows in another, a row's flag
cells after the next row's or between its narrative's lines. Read by the labels'
places each report took its neighbour's date, progress and amount, its number one
too high, and the project its progress from an earlier report: wrong values, no
finding. The table is now read by what each row states itself (the budget's
``(ครั้งที่ n)``), its flags NULL unless a row holds its own two alone, with an
``interleaved_columns`` finding (:mod:`bma_etl.layouts.legacy_dump_order`).

The documents are generated (``bench/corpus``), printed by Chromium or ReportLab in
Sarabun and dumped by ``pdftotext`` (``make venv`` installs poppler-utils); a second kind of
dump is made from a generated form's table by the order poppler gave an outside
tester's Chromium print: the first label's number and the first row's values after
the last row, each row's flag words on the lines of its entry.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bma_etl.document import RepairedText
from bma_etl.layouts.legacy_progress_form import extract as extract_form
from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS, _rng
from corpus.score import score
from thai_fonts import font_file

#: Fields the out-of-order table may leave NULL: which row a flag cell stood beside the
#: dump does not keep, and a narrative with another column's words among its lines.
MAY_BE_NULL = {"progress_updates.on_plan", "progress_updates.on_target",
               "progress_updates.detail"}


def _pdftotext(pdf: Path, out: Path) -> Path:
    if shutil.which("pdftotext") is None:
        pytest.fail("needs pdftotext: apt-get install poppler-utils (make venv does)")
    subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), str(out)], check=True)
    return out


def _assert_read(path: Path, truth: dict[str, Any], codes: set[str] | None = None) -> None:
    processed = process_file(path)
    result = score(processed, truth)
    wrong = [lost for lost in result.lost if lost[2] is not None]
    assert not wrong, wrong[:4]
    assert {lost[0] for lost in result.lost} <= MAY_BE_NULL, result.lost[:6]
    found = {issue.code for issue in processed.tables.get("quality_issues", [])}
    assert codes is None or codes <= found, found


@pytest.mark.parametrize(("producer", "generator", "seed"), [
    # labels, flag cells and rows in separate runs, rows 7 … 3 reversed
    ("chromium", "legacy_tab", 4),
    ("chromium", "legacy_pipe", 1),  # row 4's target flag after row 5's; 5's progress cut
    ("chromium", "legacy_html", 1),  # flag lines between a narrative's lines
    ("reportlab", "legacy_tab", 4),  # ``รายงานครั้`` / ``งที่๑``: the label cut in its word
    ("reportlab", "legacy_tab", 2),  # ``รายงานครั้งที่`` / ``1``; row 2's flags under label 3
])
def test_a_print_dumped_in_reading_order_reads_no_wrong_value(
        producer: str, generator: str, seed: int, tmp_path: Path) -> None:
    doc = GENERATORS[generator](_rng(seed, generator, 0))
    pdf = tmp_path / "printed.pdf"
    rng = _rng(seed, generator, 0, producer)
    if producer == "chromium":
        if not render.have("chromium"):
            pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
        render.render_chromium(doc, pdf, "Sarabun", font_file("Sarabun"), rng)
    else:
        render.render_reportlab(doc, pdf, "Sarabun", font_file("Sarabun"), rng)
    _assert_read(_pdftotext(pdf, tmp_path / "dump.txt"), json.loads(doc.truth_json()),
                 {"interleaved_columns"})


_ROW = re.compile(r"^\|\s*รายงานครั้งที่(?P<no>\d+)\s*\|(?P<entry>[^|]*)\|(?P<plan>[^|]*)"
                  r"\|(?P<target>[^|]*)\|\s*$")


def _split_flag(cell: str) -> tuple[str, str]:
    """``: เป็นไปตามแผน`` → (``: เป็นไป``, ``ตามแผน``): the cell's first line and the rest."""
    at = cell.index("ไป") + 2 if "ไม่เป็น" not in cell else cell.index("เป็น") + 4
    return cell[:at].strip(), cell[at:].strip()


def _moved_dump(text: str) -> str:
    """A form's pipe table written in the order poppler gave the outside tester's print."""
    rows = [m for m in map(_ROW.match, text.splitlines()) if m]
    head, values = [], []
    for m in rows:
        entry = m["entry"].strip()
        at = entry.index(":: ความก้าวหน้า")
        head.append(entry[:at + 2])
        values.append(entry[at + 3:])
    plan = [_split_flag(m["plan"]) for m in rows]
    target = [_split_flag(m["target"]) for m in rows]
    out = ["รายงาน", "", head[0], "", plan[0][0], "", target[0][0], ""]
    for k in range(1, len(rows)):
        out += ["รายงาน", f"ครั้งที่{rows[k]['no']}", "", f"{head[k]} {plan[k][0]}",
                f"{values[k]} {plan[k][1]}", "", target[k][0], target[k][1][:-4],
                target[k][1][-4:], ""]
    out += [f"ครั้งที่{rows[0]['no']}", "", values[0], "", plan[0][1], "", target[0][1], ""]
    lines = text.splitlines()
    table = [i for i, line in enumerate(lines) if line.startswith("|")]  # its head rows too
    return "\n".join([*lines[:table[0]], *out, *lines[table[-1] + 1:]]) + "\n"


@pytest.mark.parametrize("seed", [1, 3])
def test_a_label_s_number_moved_after_the_last_row_shifts_no_report(
        seed: int, tmp_path: Path) -> None:
    # the outside tester's dump: ``รายงาน`` alone over row 1, its ``ครั้งที่1`` and row
    # 1's progress and amount after row 5; read by place every report's number was one
    # too high and the project's progress report 4's (100 -> 82, completed -> in_progress)
    doc = GENERATORS["legacy_pipe"](_rng(seed, "legacy_pipe", 0))
    truth = json.loads(doc.truth_json())
    path = tmp_path / "dump.txt"
    path.write_text(_moved_dump(doc.text), encoding="utf-8")
    processed = process_file(path)
    result = score(processed, truth)
    wrong = [lost for lost in result.lost if lost[2] is not None]
    assert not wrong, wrong[:4]
    reports = processed.tables["progress_updates"]
    rows = truth["tables"]["progress_updates"]
    assert [r.seq_label for r in reports] == [r["seq_label"] for r in rows]
    # row 1's date and narrative stand under no number of their own: not read
    assert [str(r.report_date) for r in reports[1:]] == [r["report_date"] for r in rows[1:]]
    assert reports[0].report_date is None
    project = processed.tables["projects"][0]
    assert str(project.progress_pct) == truth["tables"]["projects"][0]["progress_pct"]
    assert "interleaved_columns" in {i.code for i in processed.tables["quality_issues"]}


@pytest.mark.parametrize(("media_type", "regrouped"), [
    ("text/plain", True), (None, True), ("application/pdf", False), ("text/html", False)])
def test_only_a_text_file_s_table_is_taken_for_a_dump_s_order(
        media_type: str | None, regrouped: bool) -> None:
    # a PDF's reader and OCR lay cells out by their places, an HTML page by its markup:
    # a table read out of order there is a row the reader joined, not a dump (a filled
    # PDF form whose report 7 was read into report 6 lost every report so)
    doc = GENERATORS["legacy_pipe"](_rng(1, "legacy_pipe", 0))
    text = RepairedText.of(_moved_dump(doc.text), media_type=media_type)
    codes = {f.code for f in extract_form(text).findings}
    assert ("interleaved_columns" in codes) is regrouped
