"""Colour scans where a stamp's ink covers the print and the scan dulls its colour.

A rubber stamp's ink laid over the print hides it in part (the ink is not
multiplied into the black: the print under it shows as a darker red), and a
300 dpi JPEG scan on tinted paper dulls the red to about (165, 80, 85): too
little colour for the page to be taken as marked, so the ring was read as
letters and the fiscal year, the budget lines and the dates under it were lost
(``read/ocr_colour``); in a vivid red the stamp was dropped, and the print
under it with it. A unit check on a drawn page (the ink goes, the print under
it stays dark, in a dull red and a vivid one) and a generated form printed,
stamped, signed and scanned, read by the pipeline: the truth is the values the
document was generated from.
"""

from __future__ import annotations

import io
import math
import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from bma_etl.pipeline import process_file
from bma_etl.read.ocr_colour import dropped_colour, has_coloured_ink

from corpus_prints import printed_form_pages
from read_back import fields_misread

SEED = 6413
DPI = 300
#: A stamp's red and a pen's blue as a dull scan shows them, and the share of the
#: light the ink stops (what of the print shows through it: the rest).
RED, BLUE, COVER = (170, 60, 70), (30, 50, 150), 0.65
#: A stamp's red as a good scan keeps it: the print under it was dropped with it.
VIVID_RED = (200, 30, 40)
PAPER = (236, 233, 226)
#: Fields on the form's second page (the scan holds the first) and the project's
#: name (this print's ``(พ.ศ.`` is read ``(พ.ุศ.`` without any mark too).
LEFT_OUT = {"progress_pct", "status", "project_name"}


def _ink(page: Image.Image, centre: tuple[float, float], dpi: int,
         red: tuple[int, int, int] = RED) -> tuple[Image.Image, Image.Image]:
    """A round stamp at ``centre`` (shares of the page) and a signature under it.

    Returns the stamp and pen as an RGBA layer the size of ``page`` (its alpha
    the ink's cover) and the mask of their ink (``L``, 255 where inked).
    """
    width, height = page.size
    mask = Image.new("L", page.size, 0)
    draw = ImageDraw.Draw(mask)
    radius = int(0.6 * dpi)
    cx, cy = int(width * centre[0]), int(height * centre[1])
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=255,
                 width=dpi // 30)
    inner = radius - dpi // 9
    draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), outline=255, width=dpi // 75)
    draw.text((cx - radius * 0.55, cy - dpi // 12), "CERTIFIED", fill=255, font_size=dpi // 9)
    draw.text((cx - radius * 0.45, cy + dpi // 20), "COPY", fill=255, font_size=dpi // 7)
    pen = Image.new("L", page.size, 0)
    stroke = ImageDraw.Draw(pen)
    x0, y0 = cx - radius // 2, cy + radius + dpi // 8
    stroke.line([(x0 + i * dpi // 30, y0 + int(math.sin(i / 2.2) * dpi / 9))
                 for i in range(45)], fill=255, width=dpi // 60)
    layer = Image.new("RGBA", page.size, (0, 0, 0, 0))
    cover = round(255 * COVER)
    layer.paste(Image.new("RGBA", page.size, (*red, cover)), (0, 0), mask)
    layer.paste(Image.new("RGBA", page.size, (*BLUE, cover)), (0, 0), pen)
    return layer, ImageChops.lighter(mask, pen)


def _scanned(page: Image.Image, layer: Image.Image) -> Image.Image:
    """``page`` with the ink laid over it, on tinted paper, blurred and saved as a JPEG."""
    inked = Image.alpha_composite(page.convert("RGBA"), layer).convert("RGB")
    inked = ImageChops.multiply(inked, Image.new("RGB", page.size, PAPER))
    buffer = io.BytesIO()
    inked.filter(ImageFilter.GaussianBlur(0.6)).save(buffer, "JPEG", quality=80)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


@pytest.mark.parametrize("red", [RED, VIVID_RED])
def test_covering_ink_goes_and_the_print_under_it_stays(red: tuple[int, int, int]) -> None:
    page = Image.new("RGB", (2480, 3508), "white")
    draw = ImageDraw.Draw(page)
    rng = random.Random(SEED)
    for y in range(240, 3300, 96):
        x = 200
        while x < 2200:
            width = rng.randrange(40, 180)
            draw.rectangle((x, y, x + width, y + 28), fill="black")
            x += width + rng.randrange(16, 40)
    layer, inked = _ink(page, (0.45, 0.35), DPI, red)
    scan = _scanned(page, layer)
    assert has_coloured_ink(scan)
    greyed = np.asarray(dropped_colour(scan))
    # Away from the edges the blur and the JPEG soften.
    core = np.asarray(inked.filter(ImageFilter.MinFilter(3))) > 0
    printed = np.asarray(page.convert("L").filter(ImageFilter.MaxFilter(3))) < 128
    paper = np.asarray(page.convert("L").filter(ImageFilter.MinFilter(5))) > 128
    assert (core & printed).sum() > 2000 and (core & paper).sum() > 5000
    assert np.percentile(greyed[core & printed], 90) < 100
    assert np.percentile(greyed[core & paper], 5) > 200


def test_stamped_and_signed_colour_scan_reads_the_values_under_the_stamp(tmp_path: Path) -> None:
    doc, pages = printed_form_pages(tmp_path, SEED, DPI)
    page = pages[0]
    # The stamp over the year, the dates and both budget lines; the pen over the agency.
    layer, _ = _ink(page, (0.21, 0.45), DPI)
    scanned = tmp_path / "legacy_pipe.stamped-scan.pdf"
    _scanned(page, layer).save(scanned, "PDF", resolution=float(DPI))
    processed = process_file(scanned)
    (project,) = processed.rows("projects")
    truth = doc.truth["tables"]["projects"][0]
    wrong = fields_misread(project, truth, LEFT_OUT)
    assert not wrong
