"""A legacy form typed in a sheet (label cell | value cell, no grid) and scanned.

Forms are generated from known values (``bench/corpus``); each head line
``ชื่อโครงการ/กิจกรรม : โครงการ…`` is put on the page as a sheet prints it, the label
in column A and the value in column C, far apart on one row. Tesseract's page
segmentation reads such a page as two blocks, every label line first and every value
line after them (the TSV below is built that way: the breaker's 200 dpi grey scan of
a Calc form read so and was quarantined for want of รหัสโครงการ). The truth is the
generated values: a row of two blocks is one line again and the head is read.
"""

from __future__ import annotations

import random
from decimal import Decimal, InvalidOperation
from typing import Any

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract as legacy
from bma_etl.normalize.fields import normalize
from bma_etl.read.ocr_layout import page_layout
from bma_etl.validate import build_records

from corpus.build import GENERATORS

_HEAD = ("project_code", "project_name", "fiscal_year_be", "agency", "coordinator",
         "budget_allocated_thb", "budget_spent_thb", "start_date", "end_date")
_LINE_HEIGHT = 40
_VALUE_LEFT = 1200  # column C of the sheet, in pixels


def _pieces(text: str, left: int) -> list[tuple[str, int, int]]:
    """Words of ``text`` as (word, left, width), a space 20 px, a tab 300 px."""
    out = []
    for cell in text.split("\t"):
        for word in cell.split():
            out.append((word, left, 15 * len(word)))
            left += 15 * len(word) + 20
        left += 280
    return out


def _two_block_tsv(text: str) -> str:
    """Tesseract's TSV of the printed sheet: block 1 the label column, block 2 the values."""
    blocks: dict[int, list[tuple[int, list[tuple[str, int, int]]]]] = {1: [], 2: []}
    for n, line in enumerate(ln for ln in text.splitlines() if ln.strip()):
        top = 100 + 60 * n
        label, colon, value = line.partition(" : ")
        if colon and "\t" not in line and value.strip():
            blocks[1].append((top, _pieces(label + " :", 100)))
            blocks[2].append((top + 3, _pieces(value, _VALUE_LEFT)))  # a little skew left
        else:
            blocks[1].append((top, _pieces(line, 100)))
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
            "\tconf\ttext"]
    for block, lines in blocks.items():
        for n, (top, words) in enumerate(lines, 1):
            rows.append(f"4\t1\t{block}\t1\t{n}\t0\t0\t{top}\t1\t{_LINE_HEIGHT}\t-1\t")
            for i, (word, left, width) in enumerate(words, 1):
                rows.append(f"5\t1\t{block}\t1\t{n}\t{i}\t{left}\t{top}\t{width}"
                            f"\t{_LINE_HEIGHT}\t95\t{word}")
    return "\n".join(rows)


def _value(value: Any) -> str | None:
    if value is None:
        return None
    try:
        return str(Decimal(str(value)).normalize())
    except InvalidOperation:
        return str(value)


@pytest.mark.parametrize("seed", range(3))
def test_sheet_form_read_as_label_block_and_value_block_keeps_its_head(seed: int) -> None:
    """Every head field of the form is read as generated, none lost to the value block."""
    generated = GENERATORS["legacy_tab"](random.Random(seed))
    text, words, _ = page_layout(_two_block_tsv(generated.text), "")
    assert all(text[w.start:w.end] == w.text for w in words)
    doc = RepairedText.of(text, ocr_used=True)
    records = build_records(normalize(legacy(doc), doc.text, doc.words, None), "0" * 64)
    project = records["projects"][0]
    want = generated.tables["projects"][0]
    got = {f: _value(getattr(project, f)) for f in _HEAD}
    assert got == {f: _value(want[f]) for f in _HEAD}
