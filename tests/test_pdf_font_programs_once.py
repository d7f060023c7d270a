"""A font program read for its unmapped glyphs is read once for all the pages drawn with it.

fpdf2's shaped prints leave a SARA AM's second glyph and moved marks with no text
map entry; :mod:`bma_etl.read.pdf_unmapped` reads them from the font program's
outlines. pdfium gives each page its own font handle, and the program (a font
file, parsed by fontTools) was parsed again for every page of the document (29
parses of 10 programs in 60 of seed 3401's files). Each program is parsed once now
(:func:`bma_etl.read.pdf_outlines.read_once`), and the pages read the same as
when each parsed its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bma_etl.read import pdf_outlines, pdf_unmapped, pdf_worker
from bma_etl.read.pdf_layers import read_layers

from corpus_prints import corpus_fpdf_print


@pytest.mark.parametrize(("generator", "k", "font"), [("web_detail_long", 0, "Loma"),
                                                     ("legacy_html", 1, "Garuda")])
def test_a_documents_font_program_is_parsed_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, generator: str, k: int,
        font: str) -> None:
    _, pdf = corpus_fpdf_print(tmp_path, 3401, generator, k, font, shaping=True)
    data = pdf.read_bytes()
    # read in this process (the counting stand-in is this process's), for this test only:
    # ``read_here`` for the rest of the session would put every later read under its timer
    monkeypatch.setattr(pdf_worker, "_here", True)
    parsed: list[bytes] = []
    real = pdf_unmapped._Font

    def counted(program: bytes, marks: Any = None) -> Any:
        parsed.append(program)
        return real(program, marks)

    monkeypatch.setattr(pdf_unmapped, "_Font", counted)
    monkeypatch.setattr(pdf_outlines, "_READ", {}, raising=False)
    layers = read_layers(data, pdf.name)
    assert len(layers) >= 2
    assert parsed, "no glyph without text: the print no longer tests the program's reading"
    assert len(parsed) == len(set(parsed))  # each program once, however many pages
    once = len(parsed)
    # each page parsing its own programs reads every page the same
    monkeypatch.setattr(pdf_outlines, "read_once", lambda _key, make: make(), raising=False)
    monkeypatch.setattr(pdf_unmapped, "read_once", lambda _key, make: make(), raising=False)
    parsed.clear()
    assert read_layers(data, pdf.name) == layers
    assert len(parsed) > once
