"""A table header over running text set at the same tab stops (fpdf2's flowing print).

fpdf2 prints a plan's tab rows as text at tab stops every 12.7 mm, wrapped at the
page's right edge back to the left margin, anywhere in a word. When a KPI
definition row's measure ends in the tab-stop interval before the header's last
column, the row's first line has its tab there too: the header line and the row's
first lines look like a borderless table of two columns. Read so, the header's
cells were taken for justification gaps and closed, and the header was joined to
the row cell by cell (``มาตรการตัวชี้วัดมาตรการนิยาม/คำอธิบายตัวชี้วัดมน. การลด…``):
the definition row was lost. A line cut inside a word at the right edge and
going on at the margin is running text, no table's row (:func:`.pdf_borderless.
runs_on_at_margin`).

The plans are generated (bench/corpus), the size and margin chosen so that the
measure's tab falls on the header's last column; the truth is the generated values.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest

from bma_etl.read.pdf import extract_pdf
from bma_etl.read.pdf_borderless import runs_on_at_margin
from bma_etl.read.pdf_glyphs import TAB_GAP_EM
from bma_etl.read.pdf_layout import TextLine
from bma_etl.textnorm import repair_text

from corpus.build import GENERATORS
from corpus.render import fpdf_page
from thai_fonts import fonts_or_fail

HEADER = ("มาตรการ", "ตัวชี้วัดมาตรการ", "นิยาม/คำอธิบายตัวชี้วัด", "โครงการ/กิจกรรม")
#: fpdf2's print (bench/corpus/render.py: render_fpdf): tab stops every 12.7 mm.
STOP_MM = 12.7
FIELDS = ("measure", "indicator", "definition", "activities")


def _kpi_rows(seed: int) -> list[dict[str, str]]:
    doc = GENERATORS["plan"](random.Random(seed))
    return [{k: str(row[k]) for k in FIELDS} for row in doc.truth["tables"]["plan_kpi_definitions"]
            if row.get("measure")]


def _fpdf(font: str, path: Path, pt: float, margin: float) -> Any:
    """An A4 page as render_fpdf sets it up, without header or page number."""
    return fpdf_page(font, path, pt, margin=margin, numbered=False)


def _tab_to(x: float, margin: float) -> float:
    return margin + (int((x - margin) / STOP_MM) + 1) * STOP_MM


def _setting(font: str, path: Path, row: dict[str, str]) -> tuple[float, float] | None:
    """A size and margin (mm) at which the row's measure tabs to the header's last column."""
    for pt in (10.0, 10.5, 11.0, 11.5, 12.0, 12.5, 13.0, 13.5, 14.0, 15.0, 16.0):
        for margin in (15.0, 18.0, 20.0, 21.0, 25.4):
            pdf = _fpdf(font, path, pt, margin)
            em = TAB_GAP_EM * pt * 25.4 / 72  # mm: a narrower gap is read as no tab
            x, gaps = margin, []
            for cell in HEADER[:-1]:
                end = x + pdf.get_string_width(cell)
                x = _tab_to(end, margin)
                gaps.append(x - end)
            last = x
            end = margin + pdf.get_string_width(row["measure"])
            right = pdf.w - margin
            room = right - last - pdf.get_string_width(HEADER[-1])
            tabbed = min(gaps) > em and _tab_to(end, margin) == last > end + em
            if tabbed and end < right and room > 0 \
                    and last + pdf.get_string_width(row["indicator"]) > right:
                return pt, margin
    return None


def _print(font: str, path: Path, rows: list[dict[str, str]], pt: float, margin: float,
           out: Path) -> None:
    """The header and rows as render_fpdf prints tab rows: text at tab stops, wrapped."""
    pdf = _fpdf(font, path, pt, margin)
    h = pt * 0.5
    pdf.multi_cell(0, h, "แนวทางการประเมินผลการปฏิบัติราชการ", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(h * 0.6)
    for cells in (HEADER, *(tuple(row[k] for k in FIELDS) for row in rows)):
        pdf.set_x(margin)
        for i, piece in enumerate(cells):
            if i:
                nxt = _tab_to(pdf.get_x(), margin)
                if nxt > pdf.w - margin - 5:
                    pdf.ln(h)
                else:
                    pdf.set_x(nxt)
            pdf.write(h, piece)
        pdf.ln(h)
    pdf.output(str(out))


CASES = [("Laksaman", 1), ("Loma", 20), ("Norasi", 40), ("Garuda", 60), ("Sarabun", 80)]


@pytest.mark.parametrize(("font", "seed"), CASES)
def test_header_over_a_row_at_its_tab_stops_stays_the_header(font: str, seed: int,
                                                             tmp_path: Path) -> None:
    path = fonts_or_fail([font])[font]
    # the first plan from ``seed`` on with a row a size and margin print as the case
    setting = next(((row, s) for k in range(seed, seed + 40) for row in _kpi_rows(k)
                    if (s := _setting(font, path, row))), None)
    assert setting is not None, "no size puts a measure's tab on the header's last column"
    row, (pt, margin) = setting
    out = tmp_path / "kpi.pdf"
    _print(font, path, [row], pt, margin, out)
    text = repair_text(extract_pdf(out.read_bytes(), out.name).text)
    heads = [line for line in text.split("\n") if line.startswith(HEADER[0])]
    assert heads and [c for c in heads[0].split("\t") if c] == list(HEADER), text
    lines = text.split("\n")
    at = lines.index(heads[0])
    body = lines[at + 1:at + 1 + next((k for k, ln in enumerate(lines[at + 1:]) if not ln.strip()),
                                      len(lines))]
    # the row's cells, in order and whole: the layout reads a flowing row by its text
    assert _squeezed("".join(body)) == _squeezed("".join(row[k] for k in FIELDS)), text


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _line(cells: list[tuple[str, float, float]], baseline: float, size: float = 12.0,
          first_word: float = 0.0) -> TextLine:
    return TextLine("\t".join(t for t, _, _ in cells), baseline, size,
                    cells=tuple(x for _, x, _ in cells), ends=tuple(e for _, _, e in cells),
                    left=cells[0][1], right=cells[-1][2], first_word=first_word)


def test_a_table_row_wrapped_in_its_columns_is_no_running_text() -> None:
    # A borderless table's row whose last cell reaches the page's right edge, cut in a
    # word: the cell goes on in its column, and the first cell's next line opens the
    # next line inside the first column (a word of its own, or the rest of its own
    # word cut too). No line wrapped into the next at the margin.
    for first, rest in (("รายงานครั้ง", "ที่ 1"),
                        ("มน. การพัฒนาระบบฐานข้อมูลของหน่วยงา", "นในสังกัด")):
        rows = [_line([(first, 60, 190), ("ดำเนินการตามแผนการส่งเสริมความสำเ", 200, 531)], 700),
                _line([(rest, 60, 120), ("ร็จของงาน", 200, 260)], 683, first_word=60.0)]
        assert not runs_on_at_margin(rows, 60.0, 535.0, 17.0), first
    # The same first line set as running text: the next line runs across its last
    # piece's start (no column holds it), its first word too wide for the room left,
    # or it ends the word the edge cut.
    for head, end in (("ร็จในการพัฒนาระบบฐานข้อมูลของหน่วยงานทุกแห่ง", 330.0),
                      ("ร็จของงาน", 120.0)):
        prose = [rows[0], _line([(head, 60, end)], 683, first_word=end - 60)]
        assert runs_on_at_margin(prose, 60.0, 535.0, 17.0), head
