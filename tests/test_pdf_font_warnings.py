"""A PDF's embedded font program with oddities of its own reads without noise.

Qt subsets its fonts with a ``head`` table dated before 1970; fontTools warns
("'created' timestamp seems very low") when :mod:`bma_etl.read.pdf_unmapped`
opens such a program, and with no handler of the user's the warning reached the
terminal four times a file, in ``ingest``, ``explain`` and in the middle of
``extract``'s output. The font here is a corpus font given a date fontTools
warns about (out of its range).
"""

from __future__ import annotations

import io
import logging

import pytest
from fontTools.ttLib import TTFont

from bma_etl.read import pdf_unmapped

from thai_fonts import font_file


def test_a_font_programs_own_oddities_are_not_shown(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    font = TTFont(str(font_file("Loma")))
    font["head"].created = 2**40  # out of range: its top bytes are ignored, with a warning
    out = io.BytesIO()
    font.save(out)
    monkeypatch.setattr(pdf_unmapped, "font_data", lambda _font: out.getvalue())
    monkeypatch.setattr(logging.getLogger("fontTools"), "level", logging.NOTSET)
    with caplog.at_level(logging.WARNING):
        assert pdf_unmapped._parsed(object()) is not None
    assert not [r for r in caplog.records if r.name.startswith("fontTools")]
