"""A low-resolution grey scan is rendered on its own pixel grid and its noise filtered there.

:func:`bma_etl.read.pdf_open.render_page` renders a page whose image is a grey
scan under :data:`~bma_etl.read.pdf_open.GRID_BELOW` pixels to the inch at the
image's own resolution, takes a 3 x 3 median of those pixels and scales the page
up to the resolution asked for (and says so, for the page not to be filtered
twice); 1-bit scans, scans at 200 dpi and more and pages that are not a scan are
rendered as before. The inputs are generated: a page of specks, no OCR.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from bma_etl.read.pdf_open import render_page

A4 = (8.27, 11.69)  # inches


def _scan(path: Path, dpi: int, mode: str, specks: int = 400, seed: int = 3) -> Path:
    """An A4 page scanned at ``dpi``: white paper, single-pixel black specks, a black bar."""
    rng = np.random.default_rng(seed)
    width, height = round(A4[0] * dpi), round(A4[1] * dpi)
    pixels = np.full((height, width), 255, dtype=np.uint8)
    ys, xs = rng.integers(10, height - 10, specks), rng.integers(10, width - 10, specks)
    pixels[ys, xs] = 0
    bar = dpi // 10  # a tenth of an inch: ink no filter takes away
    pixels[height // 2:height // 2 + bar, width // 4:3 * width // 4] = 0
    image = Image.fromarray(pixels, "L")
    (image.convert("1") if mode == "1bit" else image).save(path, "PDF", resolution=float(dpi))
    return path


def _render(pdf: Path, tmp_path: Path) -> tuple[Image.Image, float, bool]:
    out = tmp_path / f"{pdf.stem}.pgm"
    dpi, filtered = render_page(pdf.read_bytes(), pdf.name, 0, str(out), 300)
    with Image.open(out) as image:
        return image.convert("L"), dpi, filtered


def test_a_150_dpi_grey_scan_is_filtered_on_its_own_pixels(tmp_path: Path) -> None:
    """Specks of one scan pixel go; the bar stays; the page comes at 300 dpi, filtered."""
    page, dpi, filtered = _render(_scan(tmp_path / "grey150.pdf", 150, "grey"), tmp_path)
    assert filtered and dpi == pytest.approx(300, abs=1)
    assert page.width == pytest.approx(A4[0] * 300, abs=4)
    pixels = np.asarray(page)
    dark = pixels < 128
    bar = dark[page.height // 2 + 5:page.height // 2 + 25,
               page.width // 4 + 10:3 * page.width // 4 - 10]
    assert bar.mean() > 0.5  # the bar is kept
    dark[page.height // 2 - 20:page.height // 2 + 50, :] = False
    assert dark.sum() == 0  # every speck went


@pytest.mark.parametrize(("dpi", "mode"), [(150, "1bit"), (200, "grey"), (300, "grey")])
def test_other_scans_are_rendered_as_before(tmp_path: Path, dpi: int, mode: str) -> None:
    """A 1-bit scan, or one of 200 dpi and more, is rendered at 300 dpi, unfiltered."""
    page, used, filtered = _render(_scan(tmp_path / f"{mode}{dpi}.pdf", dpi, mode), tmp_path)
    assert not filtered and used == pytest.approx(300, abs=1)
    assert (np.asarray(page)[:page.height // 2 - 20] < 250).sum() > 0  # specks left to cleaned()
