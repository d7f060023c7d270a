"""A fax's ruled table (1-bit, 200 x 100 dpi) still cuts its rows into cells.

A fax keeps every other row of pixels: a 0.5 pt rule is half a pixel high, so
the 1-bit page keeps it in dashes, and a rule turned by the feed steps by a fax
row (three rows of the page rendered at 300 dpi) from dash to dash. The dashes
of one rule are joined whichever row each starts on, and a rule whose last dash
before the table's side was lost is drawn on to the side
(``read/ocr_image.page_rules``). The pages are faxed here: printed, turned,
every other row kept, cut to 1 bit and stored at 200 x 100 dpi in a PDF that
shows them at A4, as a fax-to-PDF gateway does.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw, ImageFont

from bma_etl.read.ocr_image import levelled, page_rules

from read_back import assert_read_as_generated
from thai_fonts import font_file

#: The fax's resolution across and down the page, and the page's as read.
FAX_DPI = (200, 100)
READ_DPI = 300


def faxed(page: Image.Image, angle: float, seed: int) -> Image.Image:
    """A greyscale page at 200 dpi as a fax sends it: turned, half its rows, 1-bit at grey 150."""
    rng = random.Random(seed)
    turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    half = turned.resize((turned.width, turned.height // 2), Image.Resampling.BILINEAR)
    pixels = half.load()
    for _ in range(half.width * half.height // 4000):
        pixels[rng.randrange(half.width), rng.randrange(half.height)] = rng.choice((0, 255))
    return half.point(lambda v: 255 if v > 150 else 0).convert("1")


def fax_pdf(pages: list[Image.Image], out: Path) -> None:
    """Fax pages (1-bit, 200 x 100 dpi) stored in a PDF, each shown at its full page size."""
    pages[0].save(out, "PDF", dpi=FAX_DPI, save_all=True, append_images=pages[1:])


def _read_page(pdf: Path) -> Image.Image:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return doc[0].render(scale=READ_DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()


def test_a_dashed_rule_stepping_up_a_row_is_one_rule() -> None:
    """Dashes 0.5 inch long, three on each fax row (3 pixels at 300 dpi), stepping up
    one row to the right: the dashes of each step start on a row above the last."""
    page = Image.new("L", (2480, 800), 255)
    draw = ImageDraw.Draw(page)
    left, right = 150, 2250
    for y0 in (300, 600):
        for k, x in enumerate(range(left, right, 180)):
            y = y0 - 3 * (k // 3)
            draw.rectangle((x, y, x + min(149, right - x), y + 2), fill=0)
    for x in (left, right):
        draw.line((x, 200, x, 650), fill=0, width=3)
    found = page_rules(page, READ_DPI)
    assert [(start, end) for _, start, end in found.horizontal] == [(left, right)] * 2


def test_a_faxed_tables_rules_are_found_whole(tmp_path: Path) -> None:
    rows, columns = (300, 560, 820, 1080, 1340), (150, 400, 1100, 1350, 1550)
    page = Image.new("L", (1654, 1600), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(font_file("Garuda")), 30)
    for y in rows:
        draw.line((columns[0], y, columns[-1], y), fill=0, width=2)
    for x in columns:
        draw.line((x, rows[0], x, rows[-1]), fill=0, width=1)
    for y in rows[:-1]:
        draw.text((columns[0] + 15, y + 30), "รายงานครั้งที่", fill=0, font=font)
        draw.text((columns[1] + 20, y + 30), "ความก้าวหน้าของงาน = 29.50 %", fill=0, font=font)
        draw.text((columns[2] + 15, y + 30), ": เป็นไปตา", fill=0, font=font)
    fax_pdf([faxed(page, 0.8, 5)], tmp_path / "fax.pdf")
    found = page_rules(levelled(_read_page(tmp_path / "fax.pdf")), READ_DPI)
    scale = READ_DPI / FAX_DPI[0]
    left, right = columns[0] * scale, columns[-1] * scale
    assert len(found.vertical) == len(columns), found.vertical
    assert len(found.horizontal) == len(rows), found.horizontal
    for y, start, end in found.horizontal:  # each from the table's left side to its right
        assert start <= left + 15 and end >= right - 15, (y, start, end)


def test_report_rows_of_a_faxed_form_keep_their_cells(tmp_path: Path) -> None:
    """A generated progress form printed with 0.5 pt ruled boxes (reportlab), its report
    table's pages faxed turned 0.8 degrees: every report row's number and both flags
    are read (OCR of two pages)."""
    from corpus import render
    from corpus.build import GENERATORS, _rng

    doc = GENERATORS["legacy_pipe"](_rng(634, "legacy_pipe", 0))
    printed = tmp_path / "form.pdf"
    render.render_reportlab(doc, printed, "Garuda", font_file("Garuda"), random.Random(3),
                            shaping=True)
    pdf = pypdfium2.PdfDocument(printed)
    pages = [pdf[i].render(scale=FAX_DPI[0] / 72, grayscale=True).to_pil().convert("L")
             for i in range(len(pdf))]
    texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    pdf.close()
    scan = tmp_path / "fax.pdf"
    fax_pdf([faxed(page, 0.8 * (-1) ** i, 11 + i) for i, page in enumerate(pages[:2])], scan)
    shown = "".join("".join(text.split()) for text in texts[:2])
    want = [{key: row[key] for key in ("seq_label", "on_plan", "on_target")}
            for row in doc.truth["tables"]["progress_updates"]
            if f"รายงานครั้งที่{row['seq_label']}:" in shown]
    assert len(want) >= 4, shown
    assert_read_as_generated(scan, {"tables": {"progress_updates": want}})


def test_a_rule_broken_mid_cell_is_bridged_and_one_stopping_at_a_side_is_not() -> None:
    """A rule a fax lost an inch of inside a cell, and one whose last inch is gone
    before the table's side, are found whole; a rule that stops at a column's side
    (a cell spanning two rows) is left as drawn."""
    columns = (150, 600, 1500, 2250)
    page = Image.new("L", (2480, 900), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle((columns[0], 200, columns[-1], 202), fill=0)  # the table's top
    draw.rectangle((columns[0], 400, 900, 402), fill=0)  # an inch lost in a cell...
    draw.rectangle((1200, 401, 2000, 403), fill=0)  # ...and the last 0.8 inch
    draw.rectangle((columns[1], 600, columns[-1], 602), fill=0)  # the first cell spans
    draw.rectangle((columns[0], 800, columns[-1], 802), fill=0)
    for x in columns:
        draw.rectangle((x, 200, x + 2, 802), fill=0)
    found = page_rules(page, READ_DPI)
    spans = {round(y, -2): (start, end) for y, start, end in found.horizontal}
    assert len(found.horizontal) == 4, found.horizontal
    assert spans[400][0] <= columns[0] + 3 and spans[400][1] >= columns[-1]
    assert spans[600][0] >= columns[1] - 3 and spans[600][1] >= columns[-1]
