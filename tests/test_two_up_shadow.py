"""A booklet scanned open, two pages to a landscape frame, with the binding's shadow between.

A document is generated from known values (``bench/corpus``, ``web_detail``), printed by
fpdf2 and rendered to grey pixels; its two pages are pasted side by side on a landscape
frame with Pillow, a dark stripe fading to one side drawn down the middle from edge to
edge (the gutter shadow of a bound booklet on a scanner's glass), and the frame turned
by a fraction of a degree. The frame must be cut at the gutter (its two pages read
apart, left then right), as the same frame without a shadow is; the document read from
the frame, saved as an image file, has the generated values.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from bma_etl.pipeline import process_file
from bma_etl.read.scan_sheets import LOOK_DPI, scan_gutter

from corpus_prints import corpus_fpdf_grey_pages

SEED = 4100
DPI = 200


def _pages(tmp_path: Path) -> tuple[object, list[Image.Image]]:
    """The generated document and its first two printed pages in grey at :data:`DPI`."""
    doc, pages = corpus_fpdf_grey_pages(tmp_path, SEED, "web_detail", 0, DPI)
    return doc, pages[:2]


def _booklet(pages: list[Image.Image], shadow: str | None, degrees: float) -> Image.Image:
    """Two pages side by side on one frame, a gutter ``shadow`` (fading ``left``, ``right``
    or ``both`` ways from its darkest edge; None: none) down the middle, turned ``degrees``."""
    left, right = pages
    sheet = Image.new("L", (left.width + right.width, max(left.height, right.height)), 255)
    sheet.paste(left, (0, 0))
    sheet.paste(right, (left.width, 0))
    if shadow is not None:
        draw, middle, wide = ImageDraw.Draw(sheet), left.width, round(DPI * 0.18)
        for step in range(wide):
            grey = 140 + round(115 * step / wide)
            xs = {"left": [middle - step], "right": [middle + step],
                  "both": [middle - step, middle + step]}[shadow]
            for x in xs:
                draw.line([(x, 0), (x, sheet.height)], fill=grey)
    return sheet.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)


def _looked(sheet: Image.Image) -> np.ndarray:
    scale = LOOK_DPI / DPI
    small = sheet.resize((round(sheet.width * scale), round(sheet.height * scale)))
    return np.asarray(small, dtype=np.uint8)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, list[Image.Image]]:
    return _pages(tmp_path_factory.mktemp("booklet"))


@pytest.mark.parametrize(("shadow", "degrees"), [
    (None, 0.7), ("right", 0.7), ("left", -0.7), ("both", 1.5), ("right", 0.0)])
def test_a_booklet_frame_is_cut_at_its_gutter_shadow(
        generated: tuple[object, list[Image.Image]], shadow: str | None, degrees: float) -> None:
    _, pages = generated
    cut = scan_gutter(_looked(_booklet(pages, shadow, degrees)))
    assert cut is not None and abs(cut - 0.5) < 0.03


def test_a_booklet_frame_with_its_shadow_reads_as_generated(
        generated: tuple[object, list[Image.Image]], tmp_path: Path) -> None:
    from corpus.score import score

    doc, pages = generated
    frame = tmp_path / "booklet.png"
    _booklet(pages, "right", 0.7).save(frame, dpi=(DPI, DPI))
    result = score(process_file(frame), doc.truth, scan=True)  # type: ignore[attr-defined]
    assert result.quarantined is None
    assert result.right >= 0.9 * result.total, result.lost
