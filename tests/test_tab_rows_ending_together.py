"""Two tab rows set at the same stop whose amounts end together stay two rows.

bench/corpus ``fpdf2`` prints a tab row by moving the pen to the next default tab
stop: a routine list's items (``⇥⇥๓. โครงการ…⇥๑๓,๓๒๙,๑๐๐.- บาท``) open at the
same stop, and the gap before each amount, the pen moved only to the next stop,
is narrower than a tab's. Two items of names as long and amounts as wide end at
the same point, as the lines of one wrapped cell do: the two were joined as one
top-aligned row (``…๑๓,๓๒๙,๑๐๐.- บาท ๔. โครงการ…``), and the section lost an item
and its amount. Such a program wraps a row only at the page's edge, back to the
left margin: a line opening at a stop under a line set at stops is a row of its own
(:func:`bma_etl.read.pdf_borderless._opens_at_stop`).

The plan is generated (bench/corpus) and printed by fpdf2, shaped, in Norasi; the
truth is its projects and sections as generated.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from bma_etl.pipeline import process_file

from corpus.score import score
from corpus_prints import corpus_fpdf_print


def test_items_at_one_stop_whose_amounts_end_together_stay_rows(tmp_path: Path) -> None:
    doc, pdf = corpus_fpdf_print(tmp_path, 191, "plan", 7, "Norasi", shaping=True)
    items = [row for row in doc.truth["tables"]["plan_projects"]
             if row["section"] == "routine"]
    assert len(items) > 3
    drawn = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))
    assert f"{items[2]['name']} " in drawn and f"\r\n๔. {items[3]['name']} " in drawn
    tables = doc.truth["tables"]
    truth = {"tables": {name: tables[name] for name in ("plan_projects", "plan_sections")}}
    result = score(process_file(pdf), truth)
    assert result.total > 0 and result.lost == [], result.lost[:6]
