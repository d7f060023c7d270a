"""Every line's extent measured for the page at once is the one measured line by line.

:class:`bma_etl.read.pdf_extent.PageExtents` gives :func:`~bma_etl.read.pdf_extent.extent`
(left and right edge, first and last word's width) of each line cut from a page's
text from numpy arrays filled once per page. Documents of every layout printed by
reportlab (ruled tables) and fpdf2 (flowing text) and the committed text-layer
fixtures are read; on each line :func:`bma_etl.read.pdf_layout.page_lines` measures,
the page's answer equals the line's own, to the bit.

A line's first word ends at a gap between words, not at the spaces pdfium set
around a mark drawn apart from its letter (fpdf2-shaped sets the mark of ``ชั้น``
later, at its letter's place: ``พื ้ ้นที่``). Measured to them, the first word of
``โดยเฉพาะในพื้นที่…ของประชาชนในพื้นที่`` was shorter than the line, seemed to fit
after the short line above it (``งยั่งยืน``), and that line was taken for a
paragraph's end: a SWOT item lost its last line.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from corpus import render
from corpus.build import GENERATORS
from corpus_prints import corpus_fpdf_print
from read_back import assert_read_as_generated
from repo_paths import FIXTURES
from thai_fonts import font_file


def _compared(path: Path) -> int:
    """The lines of ``path`` measured both ways (each pair asserted equal)."""
    import bma_etl.read.pdf_extent as extents
    import bma_etl.read.pdf_layers as layers

    compared = 0
    real = extents.PageExtents.of

    def both(self: Any, line: Any) -> tuple[float, float, float, float]:
        nonlocal compared
        got = real(self, line)
        assert got == extents.extent(line), line.text
        compared += isinstance(line.index, range)
        return got

    try:
        extents.PageExtents.of = both  # type: ignore[method-assign]
        layers.read_layers(path.read_bytes(), path.name)
    finally:
        extents.PageExtents.of = real  # type: ignore[method-assign]
    return compared


@pytest.mark.parametrize("producer", ["reportlab", "fpdf2"])
def test_generated_prints_measure_alike(producer: str, tmp_path: Path) -> None:
    found = font_file("Loma")
    compared = 0
    for gen, make in sorted(GENERATORS.items())[::3]:  # three of the nine, fast
        rng = random.Random(f"extents-{gen}-{producer}")
        path = tmp_path / f"{gen}.{producer}.pdf"
        if producer == "reportlab":
            render.render_reportlab(make(rng), path, "Loma", found, rng)
        else:
            render.render_fpdf(make(rng), path, "Loma", found, rng, shaping=False)
        compared += _compared(path)
    assert compared > 100


def test_fixtures_measure_alike() -> None:
    for path in sorted((FIXTURES / "pdf").glob("*.pdf")):
        if "scanned" not in path.name and path.name not in ("encrypted.pdf", "zero_pages.pdf"):
            _compared(path)


def test_a_first_word_ends_at_no_space_beside_a_mark_drawn_apart(tmp_path: Path) -> None:
    # corpus seed 467's third plan, fpdf2-shaped in Norasi: the last threat's lines
    # ``…เมืองอย่า`` / ``งยั่งยืน`` / ``โดยเฉพาะในพื้นที่…ในพื้นที่`` (one run, no space)
    doc, pdf = corpus_fpdf_print(tmp_path, 467, "plan", 2, "Norasi", shaping=True)
    assert _compared(pdf) > 100
    assert_read_as_generated(pdf, doc.truth, ["plan_swot_items"])
