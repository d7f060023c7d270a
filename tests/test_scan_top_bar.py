"""A faxed web page's top bar hides a form's report heading: the reports under it are read.

The thirtieth outside tester faxed a progress form printed from the tracking system, whose
fixed top bar (a menu in light letters on a tinted ground) came out SOLID BLACK over page
2's top, hiding the heading ``2. รายงานความก้าวหน้า…``, the table's head and the start of
report 1. Tesseract read the bar as a junk line opening with ``|``, which took every
report row below into one table row: reports 2-6, fully legible, were lost.

- A solid bar across a page image (drawn here with light letters in it, a table's rule
  and text lines around it) is painted white before OCR; the rule and the text stay.
- A form generated from known values, its heading, table head and report 1's first line
  gone as under the bar: the table opens at report 1's progress and money (``:: ความ
  ก้าวหน้าของงานฯ = … % : งบประมาณที่เบิกใช้ …``), every report is read.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from bma_etl.layouts.legacy_progress_form import extract as legacy
from bma_etl.layouts.legacy_sections import opens_report_table

from corpus.build import GENERATORS
from corpus_prints import generated_form
from read_back import assert_rows_read, records_of
from thai_fonts import font_file, fonts_or_fail

DPI = 200


def test_a_solid_bar_with_light_letters_is_painted_white() -> None:
    from bma_etl.read.ocr_bars import bars, without_bars

    page = Image.new("L", (round(8.27 * DPI), round(11.69 * DPI)), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 80, page.width, 200), fill=0)  # the bar, 0.6 inch high
    for x in range(60, page.width - 400, 70):  # its menu's light letters
        draw.rectangle((x, 120, x + 30, 160), fill=255)
    draw.rectangle((150, 400, page.width - 150, 403), fill=0)  # a table's rule
    for y in range(450, 900, 60):  # text lines
        for x in range(150, page.width - 300, 45):
            draw.rectangle((x, y, x + 25, y + 30), fill=0)
    (found,) = bars(page, DPI)
    assert found[0] <= 80 and found[1] >= 200
    clean = np.asarray(without_bars(page, DPI))
    assert (clean[70:210] == 255).all()
    assert (clean[400:404, 200:300] == 0).all() and (clean[450:900] == 0).mean() > 0.1
    assert without_bars(Image.new("L", (800, 1000), 255), DPI).getextrema() == (255, 255)


_HEADING_RE = re.compile(r"^2\. รายงานความก้าวหน้าของโครงการ\S*\n+", re.M)
_TABLE_HEAD_RE = re.compile(r"^\|?\s*ครั้งที่รายงาน.*\n+", re.M)
_FIRST_LINE_RE = re.compile(r"^รายงานครั้งที่[1๑]\t[^\n]*\n", re.M)
_FIELDS = ("seq_label", "report_date", "progress_pct", "budget_disbursed_thb", "on_plan",
           "on_target")


@pytest.mark.parametrize("seed", range(3))
def test_a_report_table_under_a_bar_opens_at_its_first_values(seed: int) -> None:
    generated = GENERATORS["legacy_tab"](random.Random(seed))
    text = _HEADING_RE.sub("", generated.text, count=1)
    text = _TABLE_HEAD_RE.sub("", text, count=1)
    text, cut = _FIRST_LINE_RE.subn("", text, count=1)
    assert cut == 1 and "รายงานความก้าวหน้าของโครงการ" not in text
    reports = records_of(legacy, text, screened=False).get("progress_updates", [])
    want = generated.tables["progress_updates"]
    assert reports, "no report read"
    first = reports[0]
    assert (f"{first.progress_pct:.2f}", f"{first.budget_disbursed_thb:.2f}") == (
        want[0]["progress_pct"], want[0]["budget_disbursed_thb"])
    assert first.report_date is None  # its line was under the bar
    assert_rows_read("progress_updates", reports[1:], want[1:], _FIELDS)


def test_a_row_s_values_open_the_table_narrative_does_not() -> None:
    values = ("\t:: \u0e04\u0e27\u0e32\u0e21\u0e01\u0e49\u0e32\u0e27\u0e2b\u0e19\u0e49\u0e32"
              "\u0e02\u0e2d\u0e07\u0e07\u0e32\u0e19\u0e2f = 3.00 % : "
              "\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13\u0e17\u0e35\u0e48\u0e40\u0e1a"
              "\u0e34\u0e01\u0e43\u0e0a\u0e49 (\u0e04\u0e23\u0e31\u0e49\u0e07\u0e17\u0e35\u0e48 1)"
              " = 0 \u0e1a\u0e32\u0e17")
    assert opens_report_table(values)
    assert not opens_report_table(values.replace("::", "").replace("=", ""))


def test_a_faxed_form_page_under_a_bar_keeps_its_reports(tmp_path: Path) -> None:
    """A form printed and faxed, a black bar with a light menu over its report heading and
    report 1's first line: every report is read, report 1 from its progress line."""
    import pdfplumber
    import pypdfium2 as pdfium
    from PIL import ImageFont

    from bma_etl.pipeline import process_file

    from corpus import render

    font = next(iter(fonts_or_fail(("Garuda", "Loma", "Sarabun"), least=1)))
    doc = generated_form("tab", "top-bar", (5, 8))  # Arabic digits: the fax reads them
    pdf = tmp_path / "form.pdf"
    render.render_fpdf(doc, pdf, font, font_file(font), random.Random(30), shaping=True, pt=12)
    heading = "\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e04\u0e27\u0e32\u0e21"  # its words
    with pdfplumber.open(pdf) as opened:
        found = [(n, line) for n, page in enumerate(opened.pages)
                 for line in page.extract_text_lines() if line["text"].startswith("2.")
                 and heading in line["text"]]
        (n, line), = found
        below = [ln for ln in opened.pages[n].extract_text_lines() if ln["top"] > line["bottom"]]
    top, bottom = (line["top"] - 6) * DPI / 72, (below[0]["bottom"] + 2) * DPI / 72
    printed = pdfium.PdfDocument(str(pdf))
    try:
        pages = [printed[i].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
                 for i in range(len(printed))]
    finally:
        printed.close()
    page = pages[n]
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, round(top), page.width, round(bottom)), fill=0)  # the bar, faxed
    menu = ImageFont.truetype(str(font_file(font)), round(0.14 * DPI))
    draw.text((40, round(top) + 8), "\u0e23\u0e30\u0e1a\u0e1a | \u0e2b\u0e19\u0e49\u0e32"
              "\u0e2b\u0e25\u0e31\u0e01 | \u0e42\u0e04\u0e23\u0e07\u0e01\u0e32\u0e23 | "
              "\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19", fill=255, font=menu)
    path = tmp_path / "fax.tif"
    faxed = [p.point(lambda v: 255 if v > 150 else 0).convert("1") for p in pages]
    faxed[0].save(path, save_all=True, append_images=faxed[1:], compression="group4",
                  dpi=(DPI, DPI))
    reports = process_file(path).rows("progress_updates")
    want = {row["seq_label"]: row for row in doc.tables["progress_updates"]}
    read = {r.seq_label: r for r in reports}  # type: ignore[attr-defined]
    assert sorted(read) == sorted(want), read  # report 1 by its money's ``(ครั้งที่ 1)``
    for number, report in read.items():
        assert f"{report.progress_pct:.2f}" == want[number]["progress_pct"], number
