"""A ruled table's row whose cell wraps over many lines is read as one row from OCR.

A progress form printed as the system's web page (bench/corpus ``legacy_html``) sets
each report in a ruled row: its label, its narrative (the report's date, what was
done, the progress and the money spent), its plan and target flags. A long narrative
wraps over 15 lines or more in its cell; Tesseract gives each cell's lines apart
(the label's 2, the narrative's 15, the flags' 2 and 2: 21 lines), and a band of more
than 12 such lines was taken for a frame around text: the row's lines were left as
Tesseract read them across the cells and the report was lost (a 1-bit scan at 200 dpi
of a ReportLab print lost 6 of its 8 reports).

The page's words are laid out as Tesseract gives them, from a generated form's
reports (known values), in the boxes of a ruled table; the row is one line of four
cells, the narrative's letters as generated.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.read.ocr_image import PageRules
from bma_etl.read.ocr_layout import page_layout

from corpus.forms import legacy_html

#: The table's column rules (x, pixels at 300 dpi) and its top rule (y).
EDGES = (300, 530, 1590, 1850, 2190)
TOP = 800
PITCH = 72  # a line's pitch, pixels
HEIGHT = 50  # a line's letters' height
LETTER = 26  # a letter's width


def _tsv(cells: list[list[str]]) -> tuple[str, int]:
    """Tesseract's TSV of one ruled row: ``cells`` (each a list of lines) in their
    columns, one block per cell; and the y of the row's bottom rule."""
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth"
            "\theight\tconf\ttext"]
    for block, lines in enumerate(cells, 1):
        for n, line in enumerate(lines, 1):
            top = TOP + 20 + (n - 1) * PITCH
            left = EDGES[block - 1] + 15
            rows.append(f"4\t1\t{block}\t1\t{n}\t0\t{left}\t{top}\t900\t{HEIGHT}\t-1\t")
            for w, word in enumerate(line.split(), 1):
                width = LETTER * len(word)
                rows.append(f"5\t1\t{block}\t1\t{n}\t{w}\t{left}\t{top}\t{width}\t{HEIGHT}"
                            f"\t91.5\t{word}")
                left += width + 18
    bottom = TOP + 40 + max(len(lines) for lines in cells) * PITCH
    return "\n".join(rows) + "\n", bottom


def _wrapped(text: str, chars: int) -> list[str]:
    """``text`` cut into lines of about ``chars`` characters at its spaces."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


@pytest.mark.parametrize("seed", range(4))
def test_a_report_cell_of_many_lines_is_one_row(seed: int) -> None:
    doc = legacy_html(random.Random(seed), reports=2, sentences=9)
    row = next(line for line in doc.text.split("\n") if line.startswith("รายงานครั้งที่"))
    label, narrative, plan, target = row.split("\t")
    cells = [[label[:6], label[6:]], _wrapped(narrative, 38), plan.split(), target.split()]
    assert len(cells[1]) >= 13, "the narrative wraps over more lines than before"
    tsv, bottom = _tsv(cells)
    rules = PageRules(((TOP, EDGES[0], EDGES[-1]), (bottom, EDGES[0], EDGES[-1])),
                      tuple((x, TOP, bottom) for x in EDGES), 300.0)
    text, _, _ = page_layout(tsv, "", rules)
    lines = [line for line in text.split("\n") if line.strip()]
    assert len(lines) == 1, lines[:4]
    got = lines[0].split("\t")
    assert [c.replace(" ", "") for c in got] == \
        [c.replace(" ", "") for c in (label, narrative, plan, target)]
