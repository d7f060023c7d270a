"""Scans lit unevenly: a page darker toward a corner, with a shadow band across it.

The page image is divided by its own background before OCR
(``read/ocr_image.flattened``): one threshold for the whole page otherwise takes
the shadow for ink and runs its lines together. Unit checks on drawn pages (the
paper comes out even, the ink stays dark, an evenly lit page is left alone; a
page laid 2-3 degrees askew is straightened), and
a generated document scanned with a shadow band (``bench/corpus/scan.py``,
``damage="light,shadow"``) read by the pipeline: the truth is the values the
document was generated from.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from bma_etl.pipeline import process_file
from bma_etl.read.ocr_image import WIDEST_SKEW, flattened, skew_angle

from corpus import render
from corpus.build import GENERATORS
from corpus.scan import scan_pdf
from read_back import fields_misread
from thai_fonts import fonts_or_fail

SEED = 4411
#: Fields a legacy form states in its progress table, on its second page (the scan
#: holds the first page only).
SECOND_PAGE = {"progress_pct", "status"}


def _page(rng: random.Random) -> Image.Image:
    """An A4 page at 150 dpi with rows of black bars for text, evenly lit."""
    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    for y in range(120, 1650, 48):
        x = 100
        while x < 1100:
            width = rng.randrange(20, 90)
            draw.rectangle((x, y, x + width, y + 14), fill=rng.randrange(0, 40))
            x += width + rng.randrange(8, 20)
    return page


def test_uneven_light_is_evened_and_ink_kept() -> None:
    rng = random.Random(SEED)
    page = _page(rng)
    pixels = np.asarray(page, dtype=np.float64)
    yy, xx = np.mgrid[0:page.height, 0:page.width]
    gain = 1 - 0.3 * (0.6 * xx / page.width + 0.4 * yy / page.height)
    gain *= 1 - 0.4 * np.exp(-(((yy - 0.5 * page.height - 0.15 * xx) / 90) ** 2))
    dark = Image.fromarray(np.clip(pixels * gain, 0, 255).astype(np.uint8))
    even = np.asarray(flattened(dark), dtype=np.float64)
    paper, ink = pixels == 255, pixels < 40
    # Before: the shadow's paper is darker than the lit page's ink threshold would keep.
    assert np.percentile(np.asarray(dark)[paper], 1) < 128
    assert np.percentile(even[paper], 1) > 200
    assert np.percentile(even[ink], 99) < 100


def test_evenly_lit_page_is_left_alone() -> None:
    page = _page(random.Random(SEED + 1))
    assert flattened(page) is page


def test_skew_past_the_usual_range_is_found() -> None:
    page = _page(random.Random(SEED + 2))
    for angle in (-2.4, 1.9, WIDEST_SKEW - 0.2):
        turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        assert abs(skew_angle(turned) + angle) <= 0.15, angle


def test_scan_with_shadow_band_reads_its_values(tmp_path: Path) -> None:
    gen = "legacy_pipe"
    doc = GENERATORS[gen](random.Random(f"{SEED}-{gen}"))
    found = fonts_or_fail(("Garuda", "Loma", "Sarabun"), least=1)
    font = next(iter(found))
    pdf = tmp_path / f"{gen}.pdf"
    render.render_fpdf(doc, pdf, font, found[font], random.Random(SEED), shaping=True)
    scanned = tmp_path / f"{gen}.scan.pdf"
    settings = scan_pdf(pdf, scanned, 200, "grey", random.Random(SEED), max_pages=1,
                        damage="light,shadow")
    assert settings["damage"] == "light,shadow"
    processed = process_file(scanned)
    (project,) = processed.rows("projects")
    truth = doc.truth["tables"]["projects"][0]
    wrong = fields_misread(project, truth, SECOND_PAGE)
    assert not wrong
