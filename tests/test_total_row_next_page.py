"""A budget table's total row that a page break set at the next page's top.

A browser printing a ruled table puts a row that does not fit on the next page:
when that is the table's total row (``รวมงบประมาณทั้งสิ้น``), the last item row at
the page's foot fills its cells to their bottom rule, and the total's words and
amount would not have fitted in the room the item's last line left: read as the
rest of a row the page cut, the total was joined into the last item (its name run
on with the total's words, its budget the total's). A row's number alone
(``๕``) is whole: words under it in its column open a row of their own
(:func:`bma_etl.read.pdf_cuts.label_again`).

Plans generated from known values (bench/corpus) whose last item above a total
row has no budget (``ไม่ใช้งบประมาณ`` fills its cell), their tables printed by
Chromium in 16 px type with a page break before each budget table's total row; the
truth is the plans' projects and sections.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.score import score
from thai_fonts import font_file

PLANS = 2
TABLES = ("plan_projects", "plan_sections")
TOTAL = "<tr><td>รวมงบประมาณทั้งสิ้น"
#: An item of no budget right above a total row.
_NO_BUDGET_LAST = re.compile(f"ไม่ใช้งบประมาณ</td><td>[^<]*</td></tr>{TOTAL}")


def _broken(doc: GeneratedDoc) -> GeneratedDoc:
    """``doc`` as a ruled page with a page break before every total row."""
    html = render.ruled_table_page(doc)
    assert TOTAL in html, "the plan has no budget total row"
    return replace(
        doc, html=html.replace(TOTAL, TOTAL.replace("<tr>", '<tr style="break-before: page">'))
    )


def test_total_row_on_the_next_page_is_no_rest_of_the_last_item(tmp_path: Path) -> None:
    if not render.have("chromium"):
        pytest.fail("needs Chromium: make venv installs it")
    font = "Norasi"
    docs = (GENERATORS["plan"](random.Random(f"total-next-page-{k}")) for k in range(200))
    picked = [doc for doc in docs if _NO_BUDGET_LAST.search(render.ruled_table_page(doc))]
    assert len(picked) >= PLANS
    for k, doc in enumerate(picked[:PLANS]):
        pdf = tmp_path / f"plan{k}.pdf"
        render.render_chromium(
            _broken(doc),
            pdf,
            font,
            font_file(font),
            random.Random(0),
            paper="Letter",
            header_footer=False,
        )  # (draws 16 px type)
        assert pdf.is_file()
        truth = {"tables": {t: doc.truth["tables"][t] for t in TABLES}}
        result = score(process_file(pdf), truth)
        assert result.total > 0 and result.lost == [], (k, result.lost[:6])
