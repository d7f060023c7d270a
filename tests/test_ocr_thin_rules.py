"""A ruled table's thin rules, in a 1-bit scan, still cut its rows into cells.

A 0.5 pt rule is one pixel wide in a 1-bit scan at 200 dpi; the 3 x 3 median
that takes a scan's specks away erases it, and a page turned level leaves it
stepping from one row of pixels to the next. The rules are found on the page
before the median, its ink widened by a pixel.
"""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw, ImageFont

from bma_etl.read.ocr_image import cleaned, levelled, page_rules

from read_back import assert_read_as_generated
from thai_fonts import font_file

DPI = 200


def _one_bit_scan(image: Image.Image, angle: float, seed: int) -> Image.Image:
    """``image`` (greyscale) turned ``angle`` degrees, specked, cut to 1 bit at grey 160."""
    rng = random.Random(seed)
    turned = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    pixels = turned.load()
    for _ in range(turned.width * turned.height // 2000):
        pixels[rng.randrange(turned.width), rng.randrange(turned.height)] = rng.choice((0, 255))
    return turned.point(lambda v: 255 if v > 160 else 0).convert("1")


def test_one_pixel_rules_of_a_turned_1_bit_page_are_found_whole() -> None:
    rows, columns = (300, 420, 540, 660), (150, 400, 1100, 1350, 1550)
    page = Image.new("L", (1654, 1000), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(font_file("Garuda")), 30)
    for y in rows:
        draw.line((columns[0], y, columns[-1], y), fill=0, width=1)
    for x in columns:
        draw.line((x, rows[0], x, rows[-1]), fill=0, width=1)
    for y in rows[:-1]:
        draw.text((columns[1] + 20, y + 30), "ความก้าวหน้าของงาน = 29.50 %", fill=0, font=font)
    scan = _one_bit_scan(page, 0.55, 7).convert("L")
    # The kind: after the median no rule is left whole.
    assert len(page_rules(cleaned(scan), DPI).vertical) < len(columns)
    found = page_rules(levelled(scan), DPI)
    assert len(found.horizontal) == len(rows) and len(found.vertical) == len(columns)
    for y, left, right in found.horizontal:
        assert left <= columns[0] + 15 and right >= columns[-1] - 15, (y, left, right)
    for x, top, bottom in found.vertical:
        assert top <= rows[0] + 15 and bottom >= rows[-1] - 15, (x, top, bottom)


def test_report_rows_of_a_1_bit_scan_at_200_dpi_keep_their_cells(tmp_path: Path) -> None:
    """A generated progress form printed with 0.5 pt ruled boxes (reportlab), its report
    table's page scanned 1-bit at 200 dpi and turned half a degree: every report row's
    number and both flags are read (OCR of two pages)."""
    from corpus import render
    from corpus.build import GENERATORS, _rng

    doc = GENERATORS["legacy_pipe"](_rng(648, "legacy_pipe", 0))
    printed = tmp_path / "form.pdf"
    render.render_reportlab(doc, printed, "Garuda", font_file("Garuda"), random.Random(3))
    pdf = pypdfium2.PdfDocument(printed)
    pages = [pdf[i].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
             for i in range(len(pdf))]
    texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    pdf.close()
    scan = tmp_path / "scan.pdf"
    scanned = [_one_bit_scan(page, 0.5, 11 + i) for i, page in enumerate(pages[:2])]
    scanned[0].save(scan, resolution=float(DPI), save_all=True, append_images=scanned[1:])
    shown = "".join("".join(text.split()) for text in texts[:2])
    want = [{key: row[key] for key in ("seq_label", "on_plan", "on_target")}
            for row in doc.truth["tables"]["progress_updates"]
            if f"รายงานครั้งที่{row['seq_label']}:" in shown]
    assert len(want) >= 2, shown  # the generated form's first reports are on its first pages
    assert_read_as_generated(scan, {"tables": {"progress_updates": want}})
