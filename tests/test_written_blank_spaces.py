"""Spaces LibreOffice writes as blank objects of their own stay spaces, in a line and at its wrap.

LibreOffice writes the space after a Thai cluster it marks with ``/ActualText`` (a
letter and its mark: ``ปี``, ``น้ำ``) as a text object of its own, which pdfium
leaves out of its text. A plan's project name in a Word table cell,
``โครงการขุดลอกท่อระบายน้ำ ประจำปี 2567``, wrapped at the space after ``น้ำ``,
was read ``โครงการขุดลอกท่อระบายน้ำประจำปี2567``: the space inside the line was lost
(:func:`bma_etl.read.pdf_lost_spaces.written_spaces`), and the one at the wrap, drawn
past the SARA AM's SARA AA that carries no text, was not seen as the line's
(:data:`bma_etl.read.pdf_wraps.AM_TAIL_EM`), so the cell's lines were joined
with none; a space after ``ปี`` before ``2567`` on one line was lost where the
line's other space, after ``น้ำ``, was measured from its NIKHAHIT (its SARA AA carries
no text) and so taken as wider than any lost one. A name with no space, which the
print wraps inside a word (its characters stand on two baselines), still joins with
none.

The names are known values, written into a Word table (python-docx) at 15 pt in
TH Sarabun New (not installed: Waree draws the Thai) and printed by LibreOffice as
the corpus prints (``render._soffice``), on a landscape page's four even columns and
in a narrow column.
"""

from __future__ import annotations

import ctypes
import tempfile
from pathlib import Path

import pytest

from bma_etl.read import read_source

from corpus import render
from thai_fonts import font_file

#: The font a Thai office's Word file names, not installed: LibreOffice prints in
#: another (Noto Sans, then Waree for the Thai letters) and marks the clusters.
FONT = "TH Sarabun New"
#: Names as a plan states them: spaces after a SARA AM or a vowel mark, before a
#: digit, and words a narrow cell wraps inside.
NAMES = [
    "โครงการขุดลอกท่อระบายน้ำ ประจำปี 2567",
    "โครงการก่อสร้างบ่อสูบน้ำพร้อมระบบระบายน้ำ ซอยลาดพร้าว 101",
    "โครงการปรับปรุงประตูระบายน้ำคลองแสนแสบ ระยะที่ 2",
    "โครงการพัฒนาศักยภาพเจ้าหน้าที่ด้านการระบายน้ำ",
    "ลงนามสัญญาจ้างที่ดี เลขที่ 14/2567 ผู้รับจ้างเริ่มงาน",
]
#: A name with no space: wherever the cell wraps it, the cut is inside a word.
UNSPACED = NAMES[3]


def _printed(tmp_path: Path, width_cm: float | None) -> Path:
    """The names in a Word table's second column, printed to PDF by LibreOffice.

    ``width_cm``: the column's width on a portrait page (three columns); None: a
    landscape section's table of four columns at python-docx's even widths.
    """
    docx = pytest.importorskip("docx")
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    font_file("Waree")  # the font LibreOffice draws the Thai letters in
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(15)
    style.element.rPr.rFonts.set(qn("w:cs"), FONT)
    head = ["ลำดับที่", "ชื่อโครงการ", "งบประมาณ (บาท)"]
    if width_cm is None:
        section = d.add_section()
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        head.append("ส่วนราชการที่รับผิดชอบ")
    table = d.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = text
    for i, name in enumerate(NAMES, 1):
        values = [str(i), name, f"{i},250,000.00", "กองระบบท่อระบายน้ำ"][:len(head)]
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    if width_cm is not None:
        for row in table.rows:
            for cell, width in zip(row.cells, [1.5, width_cm, 3.5], strict=True):
                cell.width = Cm(width)
    pdf = tmp_path / "names.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "names.docx"
        d.save(str(src))
        assert render._soffice(tmp, [str(src)], [pdf], "--convert-to", "pdf") == {}
    return pdf


def _print_lines(pdf: Path, name: str) -> list[str]:
    """``name``'s characters in the print (its spaces aside) as the lines they stand
    on, top first: grouped by the baseline pdfium gives each character's origin."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument(str(pdf))
    try:
        for page in doc:
            texts = page.get_textpage()
            text = texts.get_text_range(0, texts.count_chars())
            kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
            flat, want = "".join(ch for _, ch in kept), name.replace(" ", "")
            if want not in flat:
                continue
            at = flat.index(want)
            lines: dict[int, str] = {}
            x, y = ctypes.c_double(), ctypes.c_double()
            for i, ch in kept[at:at + len(want)]:
                assert pdfium_c.FPDFText_GetCharOrigin(texts.raw, i, x, y)
                lines[round(y.value)] = lines.get(round(y.value), "") + ch
            return [lines[base] for base in sorted(lines, reverse=True)]
    finally:
        doc.close()
    raise AssertionError(f"{name!r} is not in the print's text")


@pytest.mark.parametrize("width_cm", [
    None,  # ``…ระบายน้ำ`` / ``ประจำปี 2567``: blank objects at the wrap and in the line
    4.6,  # ``น้ำ ประจำปี 2567`` on one line: the space before the digits lost
])
def test_names_wrapped_in_a_cell_keep_their_spaces(tmp_path: Path,
                                                   width_cm: float | None) -> None:
    pdf = _printed(tmp_path, width_cm)
    cut = _print_lines(pdf, UNSPACED)
    assert " " not in UNSPACED and len(cut) >= 2 and "".join(cut) == UNSPACED, \
        f"the print wraps {UNSPACED!r} inside a word: {cut!r}"
    text = read_source(pdf).text
    cells = [line.split("\t") for line in text.splitlines() if "\t" in line]
    read = [row[1] for row in cells if row[0].strip().isdigit()]
    assert read == NAMES
