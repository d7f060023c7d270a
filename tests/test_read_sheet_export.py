"""Documents kept in a spreadsheet and saved as a web page with the sheet's headings.

A document is generated from known values (bench/corpus: an action plan, a legacy
progress form in tab cells), its text put in a sheet one line a row and one tab cell
a column, and the sheet saved as a web page the way Google Sheets'
"Web page" download writes it: a row of the column letters (``A``, ``B``...) over
an empty corner cell, and each row opened by a header cell of its row number
(``<th class="row-headers-background">7</th>``), empty rows numbered too. A plainer
writer's page (no classes, no ``<thead>``, a hidden row and a hidden column leaving
gaps in the numbers and letters) is read the same. Each is scored against the
generated values: every field read, as from the sheet saved without its headings
(the plan was quarantined: ``no heading สรุปโครงการและงบประมาณ``).
"""

from __future__ import annotations

import json
import random
from html import escape
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read.html import render_text

from corpus.build import GENERATORS
from corpus.score import score


def _letters(number: int) -> str:
    """1 → ``A``, 27 → ``AA``: a sheet's column letters."""
    out = ""
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def _sheet_page(text: str, writer: str, headings: bool = True) -> str:
    """``text`` as a sheet saved as a web page by ``writer`` (``gsheets`` or ``plain``)."""
    rows = [line.split("\t") for line in text.split("\n")]
    width = max(len(cells) for cells in rows)
    gaps = writer == "plain"  # a hidden row and a hidden column: gaps in the headings
    columns = [k + 1 + (k >= 2 and gaps) for k in range(width)]
    numbers = [k + 1 + (k >= 3 and gaps) for k in range(len(rows))]
    if writer == "gsheets":
        head = ('<thead><tr><th class="row-header freezebar-origin-ltr"></th>'
                + "".join(f'<th id="0C{c}" class="column-headers-background">{_letters(c)}</th>'
                          for c in columns) + "</tr></thead><tbody>")
        number = ('<th id="0R{n}" style="height: 20px;" class="row-headers-background">'
                  '<div class="row-header-wrapper" style="line-height: 20px">{n}</div></th>')
        cell, tail = '<td class="s0" dir="ltr">{}</td>', "</tbody>"
    else:
        head = "<tr><th></th>" + "".join(f"<th>{_letters(c)}</th>" for c in columns) + "</tr>"
        number, cell, tail = "<th>{n}</th>", "<td>{}</td>", ""
    body = "".join(
        "<tr>" + (number.format(n=n) if headings else "")
        + "".join(cell.format(escape(v)) for v in cells + [""] * (width - len(cells)))
        + "</tr>" for n, cells in zip(numbers, rows, strict=True))
    return ('<html><head><meta charset="utf-8"></head><body><div class="ritz grid-container">'
            '<table class="waffle" cellspacing="0" cellpadding="0">'
            + (head if headings else "") + body + tail + "</table></div></body></html>")


@pytest.mark.parametrize("writer", ["gsheets", "plain"])
@pytest.mark.parametrize(("generator", "seed"), [("plan", 1), ("plan", 2), ("legacy_tab", 3),
                                                  ("legacy_tab", 4)])
def test_a_sheet_saved_as_a_web_page_reads_without_its_headings(
        tmp_path: Path, generator: str, seed: int, writer: str) -> None:
    doc = GENERATORS[generator](random.Random(f"sheet-export-{generator}-{seed}"))
    path = tmp_path / f"{generator}.html"
    path.write_text(_sheet_page(doc.text, writer), encoding="utf-8")
    result = process_file(path)
    assert result.layout == doc.layout
    right, total, lost = score(result, json.loads(doc.truth_json()))
    assert right == total, lost[:5]
    bare = render_text(_sheet_page(doc.text, writer, headings=False))
    assert render_text(path.read_text(encoding="utf-8")) == bare


def test_a_numbered_table_without_column_letters_keeps_its_numbers() -> None:
    page = ("<table><tr><th>ลำดับที่</th><th>ชื่อโครงการ</th></tr>"
            "<tr><th>1</th><td>ก</td></tr><tr><th>2</th><td>ข</td></tr></table>")
    assert render_text(page) == "ลำดับที่\tชื่อโครงการ\n1\tก\n2\tข"
    lettered = page.replace("<tr><th>ลำดับที่", "<tr><th></th><th>A</th></tr><tr><th>ลำดับที่")
    assert render_text(lettered).startswith("\tA\nลำดับที่")  # letters over one column: kept
