"""A plan's total row at a page's top is no rest of the project row above the break.

bench/corpus ``fpdf2-shaped`` prints a summary table's rows as lines of text: a
project row whose name wraps ends a page with its second line, its budget and unit
a word space after the name (``…เขตหนองจอก และพื้นที่ใกล้เคียง ๔,๘๗๓,๔๐๐.- บาท
ส่วนคดี``), and the table's total row opens the next page (``รวมงบประมาณทั้งสิ้น`` ⇥
``๒๑,๕๙๗,๓๐๐.- บาท``). The total's amount started where a word space of the row
above happened to end, so the row was cut there into two "cells" and the total
joined onto them as their rest: the project's budget read the table's total and its
unit the next table's heading. One cut at a word space is no column
(:func:`bma_etl.read.pdf_cutcells.cut_row_at`).

The plan is generated (bench/corpus) and printed by fpdf2 (shaped) in Garuda; the
truth is its projects and sections as generated.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from bma_etl.pipeline import process_file

from corpus.score import score
from corpus_prints import corpus_fpdf_print


def test_a_total_row_after_a_page_break_keeps_the_last_project(tmp_path: Path) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, 1873, "plan", 4, "Garuda", shaping=True)
    pages = [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf)]
    assert any(page.split("\r\n")[1:2] and page.split("\r\n")[1].startswith("รวมงบประมาณ")
               for page in pages[1:]), "the print no longer opens a page with the table's total"
    tables = doc.truth["tables"]
    truth = {"tables": {name: tables[name] for name in ("plan_projects", "plan_sections")}}
    result = score(process_file(pdf), truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]
