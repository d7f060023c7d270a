"""Ruled rows of Latin letters alone, set by a browser in its Latin font, read row by row.

A project-detail page printed by Chromium with no Thai font in its CSS (the
browser's defaults, ``font-family: sans-serif``, or a font that is not installed,
``'TH SarabunPSK'``) sets a row whose cells hold Latin letters and digits alone
(``Policy ID`` / ``22``, ``Start Date`` / ``2023-10-01 00:00:00.000``) in the
fallback Latin font (Noto Sans), whose lines are lower than the Thai font's: two
such rows stand a single line pitch apart, and were read as one row of two wrapped
cells (``Policy ID Branch ID Kpi ID`` / ``22 2370 5802-8265``). The border the
table draws between them parts them (:func:`bma_etl.read.pdf_page.ruled_apart`);
a table without borders draws none, and a row's line that leaves room in its
column for the next line's first word ends its row
(:func:`bma_etl.read.pdf_rowlines.ends_short`).
Pages are generated (``bench/corpus/web.py``) and printed as a saved page is; the
truth is the values they were generated from.
"""

from __future__ import annotations

import json
import random
import subprocess
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.pdf_layout import page_lines
from bma_etl.read.pdf_line import TextLine
from bma_etl.read.pdf_page import with_side_by_side

from corpus import render
from corpus.build import GENERATORS
from corpus.score import score

#: The page's own CSS only: no font (the browser's defaults), the generic family, a
#: Thai font that is not installed.
CSS = {"default": "@page { size: A4; }",
       "sans-serif": "body { font-family: sans-serif; } @page { size: A4; }",
       "not-installed": "body, th, td { font-family: 'TH SarabunPSK'; font-size: 16pt; }"
                        " @page { size: A4; }"}


def _print(page: str, encoding: str, out: Path) -> None:
    """``page`` (HTML in ``encoding``) printed to ``out`` by headless Chromium."""
    if not render.have("chromium"):
        pytest.fail("needs Chromium: apt-get install chromium (make venv does)")
    with tempfile.TemporaryDirectory(prefix="bma-latin-") as tmp:
        src = Path(tmp) / "page.html"
        src.write_bytes(page.encode("cp874" if encoding == "windows-874" else encoding))
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-first-run", f"--user-data-dir={tmp}/profile",
                        "--no-pdf-header-footer", f"--print-to-pdf={out}", src.as_uri()],
                       capture_output=True, timeout=120, check=True)


def _steps(pdf: Path) -> tuple[float, float]:
    """Baseline steps (points) from ``Policy ID``'s row to the next, and from ``ปี``'s."""
    document = pdfium.PdfDocument(pdf)
    try:
        lines = page_lines(document[0].get_textpage())
    finally:
        document.close()

    def at(label: str) -> float:
        return next(line.baseline or 0.0 for line in lines if line.text.startswith(label))

    return at("Policy ID") - at("Branch ID"), at("ปี") - at("ชื่อโครงการ")


@pytest.mark.parametrize("css", sorted(CSS))
def test_detail_page_printed_without_a_thai_font_reads_every_field(css: str,
                                                                   tmp_path: Path) -> None:
    doc = GENERATORS["web_detail"](random.Random(f"latin-rows-{css}"))
    assert doc.html is not None
    page = doc.html.replace("</head>", f"<style>{CSS[css]}</style></head>", 1)
    pdf = tmp_path / "detail.pdf"
    _print(page, doc.html_encoding, pdf)
    latin, thai = _steps(pdf)
    assert latin < thai - 2.0  # the Latin rows stand closer: set in another font
    right, total, lost = score(process_file(pdf), json.loads(doc.truth_json()))
    assert right == total, lost[:6]


#: The page's table without borders (the browser's default: no rule, 1 px padding),
#: its label cells as the page has them (``th``, centred), set left, or plain ``td``.
BORDERLESS = {"th-centred": lambda h: h,
              "th-left": lambda h: h.replace("</head>", "<style>th { text-align: left; }"
                                             "</style></head>", 1),
              "td-only": lambda h: h.replace("<th", "<td").replace("</th>", "</td>")}


@pytest.mark.parametrize("cells", sorted(BORDERLESS))
def test_borderless_detail_page_without_a_thai_font_reads_each_row(cells: str,
                                                                   tmp_path: Path) -> None:
    doc = GENERATORS["web_detail"](random.Random(f"borderless-latin-rows-{cells}"))
    assert doc.html is not None
    page = BORDERLESS[cells](doc.html.replace(' border="1"', "").replace(
        "</head>", f"<style>{CSS['default']}</style></head>", 1))
    pdf = tmp_path / "detail.pdf"
    _print(page, doc.html_encoding, pdf)
    latin, thai = _steps(pdf)
    assert latin < thai - 2.0  # the Latin rows stand closer: set in another font
    right, total, lost = score(process_file(pdf), json.loads(doc.truth_json()))
    assert right == total, lost[:6]


def _rows(rules: tuple[tuple[float, float, float], ...], end: float = 200.0) -> list[str]:
    """Three rows of a label and a value 21 pt apart under a Thai row 22.5 pt above
    them (12 pt, a 20.25 pt line pitch), read back; each value ends at ``end`` (260: at
    the column's edge, as a wrapped cell's lines do)."""
    cells = [("Policy ID", "22"), ("Branch ID", "2370"), ("Kpi ID", "5802-8265")]
    lines = [TextLine("ชื่อโครงการ\tโครงการก่อสร้างห้องน้ำ", 654.5, 12.0, (64.0, 154.0),
                      64.0, 260.0, ends=(120.0, 260.0))]
    lines += [TextLine(f"{label}\t{value}", 632.0 - 21.0 * k, 12.0, (64.0, 154.0), 64.0, end,
                       ends=(120.0, end)) for k, (label, value) in enumerate(cells)]
    return [line.text for line in with_side_by_side(lines, {12.0: 20.25}, rules)][1:]


def test_a_rule_between_rows_a_line_pitch_apart_keeps_them_rows() -> None:
    borders = ((624.9, 36.0, 559.5), (603.9, 36.0, 559.5))  # 7 pt under a baseline
    assert _rows(borders) == ["Policy ID\t22", "Branch ID\t2370", "Kpi ID\t5802-8265"]


def test_an_underline_or_a_rule_beside_the_lines_parts_no_cell() -> None:
    underlines = ((630.0, 64.0, 120.0), (609.0, 64.0, 120.0))  # 2 pt under a baseline
    beside = ((624.9, 300.0, 559.5), (603.9, 300.0, 559.5))  # right of the text
    joined = ["Policy ID Branch ID Kpi ID\t22 2370 5802-8265"]
    assert _rows((), 260.0) == _rows(underlines, 260.0) == _rows(beside, 260.0) == joined


def test_rows_whose_values_end_short_of_their_column_stay_rows() -> None:
    # no border: the values end 60 pt short of the column's edge, room for the next
    # value: each line ended on its own
    assert _rows(()) == ["Policy ID\t22", "Branch ID\t2370", "Kpi ID\t5802-8265"]
