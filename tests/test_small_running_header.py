"""A running header in small type, drawn left of the body's margin, sets no margin.

A program may draw a running header (``ระบบติดตามและประเมินผลโครงการ``) in the
page's top margin in smaller type, starting left of the body's text (ReportLab at
18 mm over a 25 mm margin). Taken for the page's left margin, it made every line of
the body a row indented one column, and the lines of a paragraph the cell lines
of one row: a paragraph's last line that reached the right edge was joined with
the label line under it (``…สถานเอกอัครราชทูตผู้รับผิดชอบฝ่ายเทศกิจ``), the
responsible unit lost into the target. Such a header is a margin line
(:func:`bma_etl.read.pdf_margins.small_header_edge`).

Long project pages generated from known values (bench/corpus), printed by
ReportLab on 25 mm margins; the truth is their values.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from bma_etl.pipeline import process_file
from bma_etl.read.pdf import extract_pdf

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score
from thai_fonts import font_file

PAGES = 4


def test_body_under_a_small_header_reads_as_text(tmp_path: Path) -> None:
    font = "Laksaman"
    for k in range(PAGES):
        doc = replace(
            GENERATORS["web_detail_long"](random.Random(f"small-header-{k}")), margins_mm=25.0
        )
        pdf = tmp_path / f"detail{k}.pdf"
        render.render_reportlab(doc, pdf, font, font_file(font), random.Random(k))
        body = extract_pdf(pdf.read_bytes(), pdf.name).text.split("\n")[1:]
        indented = [line for line in body if line.startswith("\t")]
        assert len(indented) < len(body) // 2, (k, indented[:3])
        result = score(process_file(pdf), doc.truth)
        assert result.lost == [], (k, result.lost[:6])
