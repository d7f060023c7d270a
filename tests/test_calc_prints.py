"""A progress form kept as a spreadsheet and printed by LibreOffice Calc.

One form line per row: the report label in column A, the update in B, the two flags
in C and D, printed "fit to width" (the whole sheet shrunk onto the page). Calc sets
a cell's text at the foot of its row (bottom alignment, its default), so a report
whose update wraps over two lines prints the update's first line above the label's
line. The first report's first line, standing before any label, was dropped as
table text before the first report (its date, progress and budget lost); a project
name that wraps beside its label (``ชื่อโครงการ/กิจกรรม``) lost its first line.

The form is generated from known values (bench/corpus, producer ``soffice-calc``);
the truth is the generated values.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_bottoms import bottom_aligned_rows
from bma_etl.read.pdf_line import TextLine

from corpus import calc, render
from corpus.build import GENERATORS
from corpus.score import score
from thai_fonts import font_file

SEED = 3117


def _calc_installed() -> bool:
    return Path("/usr/lib/libreoffice/program/libsclo.so").exists()


@pytest.mark.parametrize(("gen", "font", "grid"), [("legacy_pipe", "Loma", "none"),
                                                   ("legacy_tab", "Garuda", "borders"),
                                                   ("legacy_tab", "Kinnari", "none"),
                                                   ("legacy_html", "Norasi", "none")])
def test_bottom_aligned_report_rows_fit_to_width_are_read(
        tmp_path: Path, gen: str, font: str, grid: str) -> None:
    if not (render.have("soffice") and _calc_installed()):
        pytest.fail("needs LibreOffice Calc: make venv installs libreoffice-calc-nogui")
    font_file(font)  # fails the test when the font is not installed
    doc = GENERATORS[gen](random.Random(f"{SEED}-{gen}"))
    settings = calc.calc_settings(random.Random(SEED), fit=True)
    settings |= {"grid": grid, "valign": "bottom", "cap": "60", "pt": "11"}
    pdf = tmp_path / f"{gen}.pdf"
    failed = calc.render_calc_batch([(doc, pdf, font, settings)])
    assert not failed, failed
    truth = json.loads(doc.truth_json())
    right, total, lost = score(process_file(pdf), truth)
    assert right == total, lost[:5]


def test_sheet_rows_put_label_and_value_in_cells() -> None:
    doc = GENERATORS["legacy_pipe"](random.Random(SEED))
    rows = calc.sheet_rows(doc, "value")
    coded = [r for r in rows if r and r[0].startswith("รหัสโครงการ")]
    assert len(coded) == 1 and len(coded[0]) == 2 and coded[0][1].startswith(": ")
    project = doc.tables["projects"][0]
    assert coded[0][1] == f": {project['project_code']}"
    reports = [r for r in rows if r and r[0].startswith("รายงานครั้งที่")]
    assert len(reports) == len(doc.tables["progress_updates"])
    assert all(len(r) == 4 for r in reports)


@pytest.mark.parametrize("k", range(3))
def test_a_sheets_rows_at_a_page_break_stay_two_rows(tmp_path: Path, k: int) -> None:
    """A spreadsheet moves a row that does not fit to the next page whole: the last row
    of a page (a label filling its cell, bottom-aligned, down to the row's rule) and
    the first of the next are two rows, not one row a page break cut."""
    if not (render.have("soffice") and _calc_installed()):
        pytest.fail("needs LibreOffice Calc: make venv installs libreoffice-calc-nogui")
    font_file("Garuda")
    doc = GENERATORS["web_detail"](random.Random(f"{SEED}-detail-{k}"))
    settings = calc.calc_settings(random.Random(SEED), fit=True)
    settings |= {"grid": "lines", "valign": "bottom", "cap": "120", "pt": "14",
                 "orientation": "portrait"}
    pdf = tmp_path / "detail.pdf"
    failed = calc.render_calc_batch([(doc, pdf, "Garuda", settings)])
    assert not failed, failed
    right, total, lost = score(process_file(pdf), json.loads(doc.truth_json()))
    assert right == total, lost[:5]


def _cells(text: str, baseline: float, ends: tuple[float, ...]) -> TextLine:
    return TextLine(text, baseline, 10.0, ends=ends)


def test_a_head_line_joins_the_row_below_only_under_a_rows_gap() -> None:
    """The value's first line, alone in its column a row's gap under the row above and
    one line pitch over the label's line, is that row's; at a page's top it is the
    rest of a row the page break cut, and stays."""
    above = _cells("ปีงบประมาณ\t: 2566", 740.0, (90.0, 160.0))
    head = _cells("\t: โครงการอบรมศูนย์บริการสาธารณสุขเพื่อยกระดับ", 712.0, (400.0,))
    label = _cells("ชื่อโครงการ\tคุณภาพชีวิตของประชาชน", 698.0, (90.0, 250.0))
    anchors, pitch = [50.0, 100.0], 14.0
    joined = bottom_aligned_rows([above, head, label], anchors, pitch)
    assert [line.text for line in joined] == [
        above.text, "ชื่อโครงการ\t: โครงการอบรมศูนย์บริการสาธารณสุขเพื่อยกระดับคุณภาพชีวิตของประชาชน"]
    assert bottom_aligned_rows([head, label], anchors, pitch) == [head, label]
    near = replace(above, baseline=head.baseline + pitch)  # one pitch above: the cell's own
    assert bottom_aligned_rows([near, head, label], anchors, pitch) == [near, head, label]


def test_a_detail_s_lines_under_a_line_of_cells_set_side_by_side_are_no_head() -> None:
    """A row's flag cells end a line lower than its label's (WeasyPrint, Noto Sans Thai):
    the reader sets that lower line beside the label's (``depth``). The detail's next
    lines stand a pitch under that lower line, not a row's gap: they stay the row's and
    are no head of the row below, which keeps its own cells."""
    pitch = 22.4
    row = replace(_cells("รายงาน\t:: 11/5/2569 : ผู้รับจ้างดำเนินการตามสัญญา อยู่\t: ไม่เป็น\t: ไม่เป็นไป",
                         302.4, (106.0, 396.0, 471.0, 528.0)), depth=pitch)
    rest = [_cells("\tจำนวน 3 รุ่น ผู้เข้าร่วม 150 คน อยู่ระหว่างสำรวจพื้นที่", 257.6, (407.0,)),
            _cells("\tและจัดทำรายละเอียดโครงการ :: ความก้าวหน้าของงานฯ", 235.2, (417.0,)),
            _cells("\t= 81.50 % : งบประมาณที่เบิกใช้ (ครั้งที่  7) = 0 บาท", 212.8, (419.0,))]
    below = _cells("รายงาน\t:: 5/6/2569 : อยู่ระหว่างการเบิกจ่ายงบประมาณงวดที่\t: เป็นไป\t: เป็นไป",
                   190.4, (106.0, 417.0, 470.0, 516.0))
    anchors = [63.4, 113.4, 428.2, 473.6]
    lines = [row, *rest, below]
    assert bottom_aligned_rows(lines, anchors, pitch) == lines
    # a row's gap under the lower line: a head of the row below, as before
    apart = [row, *[replace(r, baseline=r.baseline - pitch) for r in rest],
             replace(below, baseline=below.baseline - pitch)]
    assert bottom_aligned_rows(apart, anchors, pitch)[-1].text.startswith(
        "รายงาน\tจำนวน 3 รุ่น")
