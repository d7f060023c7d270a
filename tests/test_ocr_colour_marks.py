"""Colour scans with a red stamp, a blue signature and yellow highlighter over the print.

Office documents are printed in black; coloured ink over them is not the text
(``read/ocr_colour``). Read in grey, a stamp's ring over the agency line was
read as letters into the agency, the responsible person and the coordinator,
and the phone lost. Unit checks on drawn pages (the coloured marks go, the
black print under them stays; a blue print and a grey page are left as they
are), and a generated document printed, scanned in colour with a stamp, a
signature and highlighter over its text and read by the pipeline: the truth
is the values the document was generated from.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw

from bma_etl.pipeline import process_file
from bma_etl.read.ocr_colour import dropped_colour, has_coloured_ink

from corpus_prints import printed_form_pages
from read_back import fields_misread

SEED = 6320
DPI = 300
RED, BLUE, YELLOW = (200, 30, 40), (20, 40, 170), (255, 240, 60)
#: Fields a legacy form states in its progress table, on its second page (the scan
#: holds the first page only), and the project's name: this print's ``(พ.ศ.`` is
#: read ``(พ.ุศ.`` on the page without marks as well (not a colour fault).
LEFT_OUT = {"progress_pct", "status", "project_name"}


#: Grey of a table's thin rule as a scan shows it (a hairline is lighter than the print).
RULE = 150


def _print(rng: random.Random, ink: tuple[int, int, int] = (0, 0, 0)) -> Image.Image:
    """An A4 page at 150 dpi (RGB) with rows of bars for text in ``ink``, a grey rule under each."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    for y in range(120, 1650, 48):
        draw.line((60, y + 18, 1180, y + 18), fill=(RULE, RULE, RULE))
        x = 100
        while x < 1100:
            width = rng.randrange(20, 90)
            draw.rectangle((x, y, x + width, y + 14), fill=ink)
            x += width + rng.randrange(8, 20)
    return page


def _marked(page: Image.Image, rng: random.Random, dpi: int,
            stamp: tuple[float, float] = (0.55, 0.3)) -> Image.Image:
    """``page`` with a red round stamp, a blue signature and yellow highlighter laid on.

    ``stamp``: the stamp's centre, shares of the page's width and height; the
    signature runs under it. The ink is multiplied into the print, as ink on
    paper is: black under it stays black.
    """
    width, height = page.size
    layer = Image.new("RGB", page.size, "white")
    draw = ImageDraw.Draw(layer)
    radius = int(0.6 * dpi)
    cx, cy = int(width * stamp[0]), int(height * stamp[1])
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=RED,
                 width=dpi // 40)
    inner = radius - dpi // 10
    draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), outline=RED, width=dpi // 60)
    draw.text((cx - radius * 0.6, cy), "COPY", fill=RED, font_size=dpi // 6)
    x0, y0 = int(width * 0.2), cy + radius
    draw.line([(x0 + i * dpi // 25, y0 + int(math.sin(i / 2.5) * dpi / 8))
               for i in range(40)], fill=BLUE, width=dpi // 70)
    grey = np.asarray(page.convert("L"))
    rows = np.flatnonzero((grey < 128).sum(axis=1) > 5)
    for y in rng.sample(list(rows), 3):
        draw.rectangle((int(width * 0.1), y - dpi // 12, int(width * 0.8), y + dpi // 12),
                       fill=YELLOW)
    return ImageChops.multiply(page, layer)


def test_coloured_marks_go_and_black_print_stays() -> None:
    rng = random.Random(SEED)
    page = _print(rng)
    marked = _marked(page, rng, 150)
    assert has_coloured_ink(marked)
    assert not has_coloured_ink(page)
    printed = np.asarray(page.convert("L"))
    ink, rules = printed < 128, printed == RULE
    changed = np.abs(np.asarray(marked, dtype=np.int16) - np.asarray(page, dtype=np.int16))
    marks = (changed.max(axis=2) > 40) & ~ink & ~rules
    assert marks.sum() > 20_000
    greyed = np.asarray(dropped_colour(marked))
    assert np.percentile(greyed[ink], 99) < 60
    assert np.percentile(greyed[marks], 1) > 200
    # A rule under the highlighter keeps its grey (a table's cells stay closed).
    highlighted = rules & (np.asarray(marked)[:, :, 2] < 100)
    assert highlighted.sum() > 500
    assert np.percentile(greyed[highlighted], 90) < 170


def test_coloured_print_and_grey_page_are_left_alone() -> None:
    rng = random.Random(SEED + 1)
    blue = _print(rng, ink=(20, 40, 170))
    assert not has_coloured_ink(blue)
    assert not has_coloured_ink(_marked(blue, rng, 150))
    assert not has_coloured_ink(_marked(_print(rng), rng, 150).convert("L"))


def test_colour_scan_with_stamp_and_highlighter_reads_its_values(tmp_path: Path) -> None:
    doc, pages = printed_form_pages(tmp_path, SEED, DPI)
    page = pages[0]
    scanned = tmp_path / "legacy_pipe.colour-scan.pdf"
    # The stamp over the agency, the responsible person and the coordinator.
    marked = _marked(page, random.Random(SEED), DPI, stamp=(0.45, 0.5))
    marked.save(scanned, "PDF", resolution=float(DPI))
    processed = process_file(scanned)
    (project,) = processed.rows("projects")
    truth = doc.truth["tables"]["projects"][0]
    wrong = fields_misread(project, truth, LEFT_OUT)
    assert not wrong
