"""Chromium's justified cells of a borderless table: gaps inside a line, a word at the edge.

``text-align: justify`` stretches a cell's wrapped line to the cell's edge at its
spaces. A line with one space put its last word alone at the edge (``…ต่างประเทศ`` …
``(ส่วน``), a column of its own, and the word was lost from the cell
(:func:`bma_etl.read.pdf_runs.with_stretched_tails`); a 3-column table whose last column
stands clear down a landscape sheet's middle was taken for two pages side by side
(:mod:`bma_etl.read.pdf_sheets`). Not yet read: Sarabun 16 px at 7-8 px padding, where a
justified line cut in two by its spread spaces makes the row's three lines no row.

Tables of known cells printed by Chromium, borderless, on A4 landscape; the truth is
the cells as written. And the corpus plan (seed 3621, plan 1) printed as the corpus
builder prints ``chromium-land``: its KPI definitions' activities as generated.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from corpus import render
from corpus.build import GENERATORS, _rng
from read_back import assert_read_as_generated
from thai_fonts import font_file

HEADS = ("ตัวชี้วัด", "นิยาม/คำอธิบายตัวชี้วัด", "โครงการ/กิจกรรมและส่วนราชการที่รับผิดชอบ")
DEFINITION = ("ความสำเร็จ หมายถึง หน่วยงานสามารถดำเนินการได้ตามแผนที่กำหนดภายในปีงบประมาณ"
              " โดยมีหลักฐานการดำเนินงานครบถ้วน")
WORDS = ("กิจกรรมสนับสนุน", "การส่งเสริม", "ผลงานที่โดดเด่น", "ของกรุงเทพมหานคร",
         "สู่แพลตฟอร์มออนไลน์", "ต่างประเทศ", "การพัฒนาระบบ", "ฐานข้อมูล", "ในชุมชน")
UNIT = " (ส่วนราชการรับผิดชอบหลัก : ส่วนแผนงานฯ)"


def _chromium() -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: make venv installs it")


def _rows() -> list[tuple[str, str, str]]:
    """Six rows of known cells: each activity six of :data:`WORDS` drawn, then its unit."""
    rng = random.Random(5)
    return [(f"5.{i} ร้อยละความสำเร็จของการเบิกจ่ายงบประมาณ", DEFINITION,
             "".join(rng.sample(WORDS, 6)) + UNIT) for i in range(1, 7)]


def _print(pdf: Path, rows: list[tuple[str, str, str]], font: str, px: int, pad: int,
           align: str = "top") -> None:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    page = ("<html><head><meta charset='utf-8'><style>"
            f"@font-face {{ font-family: 'T'; src: url('file://{font_file(font)}'); }}"
            f" body, td, th {{ font-family: 'T'; font-size: {px}px; text-align: justify; }}"
            " table { border-collapse: collapse; }"
            f" th, td {{ padding: {pad}px {2 * pad}px; vertical-align: {align}; }}"
            " @page { size: A4 landscape; }</style></head><body><table><tr>"
            + "".join(f"<th>{h}</th>" for h in HEADS) + "</tr>" + cells
            + "</table></body></html>")
    src = pdf.with_suffix(".html")
    src.write_text(page, encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    f"--user-data-dir={pdf.parent / 'profile'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", src.as_uri()], capture_output=True, timeout=120,
                   check=False)
    assert pdf.exists(), "Chromium made no PDF"


@pytest.mark.parametrize(("font", "px", "pad", "align"),
                         [("Sarabun", 16, pad, "top") for pad in (3, 5)]
                         + [("Garuda", 16, 5, "top")]
                         + [("Garuda", 14, 8, align) for align in ("top", "middle")])
def test_a_justified_line_cut_by_its_gaps_stays_in_its_row(tmp_path: Path, font: str, px: int,
                                                           pad: int, align: str) -> None:
    """Each row's three cells read as written.

    Garuda 14 px, padding 8 px: the third column stands clear of the second down the
    sheet's middle, its cells' lines (two a row) on none of the other columns'
    baselines (three a row) when set in the middle, on two of three at the top: the
    sheet was cut there as two pages side by side (:func:`.pdf_sheets.sheet_gutter`)
    and the activities read after the table.
    """
    from bma_etl.read import read_source

    _chromium()
    rows = _rows()
    pdf = tmp_path / "table.pdf"
    _print(pdf, rows, font, px, pad, align)
    lines = read_source(pdf).text.splitlines()
    for row in rows:
        got = [line.split("\t") for line in lines if line.startswith(row[0][:4])]
        assert got, f"no row {row[0][:4]}"
        assert got[0][0] == row[0]
        assert got[0][2:] == [row[2]]


def test_a_justified_lines_last_word_at_the_edge_stays_in_its_cell(tmp_path: Path) -> None:
    _chromium()
    doc = GENERATORS["plan"](_rng(3621, "plan", 1))
    pdf = tmp_path / "plan.pdf"
    render.render_chromium(doc, pdf, "Sarabun", font_file("Sarabun"),
                           _rng(3621, "plan", 1, "chromium-land"), borderless=True)
    assert_read_as_generated(pdf, doc.truth, ["plan_kpi_definitions"])
