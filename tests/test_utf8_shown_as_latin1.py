"""Thai whose UTF-8 bytes a program printed as Latin-1 letters is quarantined, not loaded.

A plain-text printer with no Thai (enscript; a Windows program reading UTF-8 as
Windows-1252) prints each Thai character as the letters of its three bytes
(bytes E0 B8 84 of ``ค`` as U+00E0, U+00B8 and a sign). The text layer of such
a print was detected as a tracking page by its Latin words and numbers and loaded
with a project name and agency of those letters, no finding (the sixteenth outside
tester's enscript print). It is now quarantined with a reason a user can act on.

The pages are the corpus's (bench/corpus ``web_history``), their text's UTF-8 bytes
read as Windows-1252 and printed with fpdf2 in Garuda's Latin letters, or saved as a
text file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.errors import ReadError
from bma_etl.read import read_source, utf8_shown_as_latin1

from corpus.build import GENERATORS, _rng
from thai_fonts import font_file


def _shown_as_latin1(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace")


def _printed(text: str, out: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("Garuda", fname=str(font_file("Garuda")))
    pdf.set_font("Garuda", size=9)
    pdf.add_page()
    for line in text.splitlines():
        pdf.multi_cell(0, 4.5, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(out))


@pytest.mark.parametrize("kind", ["pdf", "txt"])
def test_thai_shown_as_latin1_letters_is_quarantined_with_its_reason(
        kind: str, tmp_path: Path) -> None:
    doc = GENERATORS["web_history"](_rng(3811, "web_history", 0))
    shown = _shown_as_latin1(doc.text)
    path = tmp_path / f"history.{kind}"
    if kind == "pdf":
        _printed(shown, path)
    else:
        path.write_text(shown, encoding="utf-8")
    with pytest.raises(ReadError, match="UTF-8 bytes shown as Latin-1 letters"):
        read_source(path, ocr="never")


def test_thai_with_a_few_such_letters_is_read() -> None:
    assert not utf8_shown_as_latin1("โครงการ " * 40 + _shown_as_latin1("ก") * 25)
