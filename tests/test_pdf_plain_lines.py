"""Lines that need no repair, built without looking for one, come out as the full rebuild's.

:mod:`bma_etl.read.pdf_fast` tells, from signals measured once per page, the lines
of a page that none of the rebuild's repairs would change, and
:func:`bma_etl.read.pdf_layout.page_lines` then only decides their white space.
Documents of every layout printed by reportlab (ruled tables) and fpdf2 (flowing
text) in a Thai font, and the committed text-layer fixtures, are read both ways:
every line is the same (text, cells, boxes, gaps), and the plain path takes most
lines of the generated prints. ``bench/plain_lines.py`` runs the same check over
any folder of PDFs.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from corpus import render
from corpus.build import GENERATORS
from repo_paths import FIXTURES
from thai_fonts import font_file

SEED = 20265


def _both_ways(path: Path) -> tuple[int, int]:
    """Each page of ``path`` read both ways, compared; the lines made and those taken plain."""
    import bma_etl.read.pdf_layers as layers
    import bma_etl.read.pdf_layout as layout

    made = taken = 0
    real, plain_text = layers.page_lines, layout.plain_text

    def counted(line: Any) -> str:
        nonlocal taken
        taken += 1
        return plain_text(line)

    def both(textpage: Any, rules: tuple[tuple[float, float, float], ...] = (),
             blanks: Any = None, overprints: list[str] | None = None) -> list[Any]:
        nonlocal made
        full = real(textpage, rules, fast=False, blanks=blanks, overprints=[])
        lines = real(textpage, rules, blanks=blanks, overprints=overprints)
        assert lines == full
        made += sum(1 for line in lines if line.text)
        return full

    try:
        layers.page_lines, layout.plain_text = both, counted
        layers.read_layers(path.read_bytes(), path.name)
    finally:
        layers.page_lines, layout.plain_text = real, plain_text
    return made, taken


@pytest.mark.parametrize("producer", ["reportlab", "fpdf2"])
def test_generated_prints_read_alike_both_ways(producer: str, tmp_path: Path) -> None:
    font = "Garuda"
    found = font_file(font)
    made = taken = 0
    for gen, make in GENERATORS.items():
        rng = random.Random(f"{SEED}-{gen}-{producer}")
        path = tmp_path / f"{gen}.{producer}.pdf"
        if producer == "reportlab":
            render.render_reportlab(make(rng), path, font, found, rng)
        else:
            render.render_fpdf(make(rng), path, font, found, rng, shaping=False)
        lines, plain = _both_ways(path)
        made, taken = made + lines, taken + plain
    assert taken > 0.6 * made, f"{taken} of {made} lines plain"


@pytest.mark.parametrize(
    "name",
    sorted(
        p.name
        for p in (FIXTURES / "pdf").glob("*.pdf")
        if "scanned" not in p.name and p.name not in ("encrypted.pdf", "zero_pages.pdf")
    ),
)
def test_fixtures_read_alike_both_ways(name: str) -> None:
    _both_ways(FIXTURES / "pdf" / name)
