"""Every line's extent measured for the page at once is the one measured line by line.

:class:`bma_etl.read.pdf_extent.PageExtents` gives :func:`~bma_etl.read.pdf_extent.extent`
(left and right edge, first and last word's width) of each line cut from a page's
text from numpy arrays filled once per page. Documents of every layout printed by
reportlab (ruled tables) and fpdf2 (flowing text) and the committed text-layer
fixtures are read; on each line :func:`bma_etl.read.pdf_layout.page_lines` measures,
the page's answer equals the line's own, to the bit.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, font_file
from corpus import render
from corpus.build import GENERATORS


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
