"""A page's letter gaps measured once for all its lines read as measuring each line does.

:class:`bma_etl.read.pdf_gaps.PageGaps` takes every gap between two letters of a
page in one pass; :func:`bma_etl.read.pdf_letters.letter_spaced` reads a line's
from it when the line's characters stand as pdfium read them, and otherwise
measures the line character by character. On generated prints (fpdf2, in a Thai
font: words set tight, a line set letter by letter apart, Thai digits in a row,
a table whose vertical rules cross its rows) both ways give each line the same
runs, and the page the same lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2
import pytest

import bma_etl.read.pdf_letters as letters_module
from bma_etl.read.pdf_gaps import PageGaps
from bma_etl.read.pdf_glyphs import Glyphs
from bma_etl.read.pdf_layout import page_lines

from corpus.paragraphs import WORDS
from thai_fonts import font_file


def _print(path: Path, font: Path) -> None:
    """A page of tight Thai words, a letter-spaced line, Thai digits, and a ruled table."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.add_font("thai", fname=str(font))
    pdf.set_font("thai", size=14)
    for n in range(4):
        words = " ".join(WORDS[(7 * n + k) % len(WORDS)] for k in range(6))
        pdf.text(40, 60 + 22 * n, words)
    for spacing, y in ((3.0, 170), (1.2, 192)):  # letter by letter apart
        pdf.set_char_spacing(spacing)
        pdf.text(40, y, f"{WORDS[3]}{WORDS[5]} {WORDS[8]}{WORDS[2]}")
    pdf.set_char_spacing(0)
    pdf.text(40, 214, "\u0e51\u0e52\u0e53 \u0e54\u0e55 \u0e59\u0e50 ๒๕๖๗ 12 ก.พ.")
    left, top = 40.0, 240.0
    for row in range(3):
        for col in range(3):
            x, y = left + 150 * col, top + 24 * row
            pdf.rect(x, y, 150, 24)
            pdf.text(x + 4, y + 17, f"{WORDS[row + col]} {WORDS[row * 3 + col + 1]}")
    pdf.output(str(path))


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gaps") / "gaps.pdf"
    _print(path, font_file("Garuda"))
    return path


def _lines(path: Path, rules: tuple[tuple[float, float, float], ...], fast: bool = True
           ) -> list[Any]:
    doc = pypdfium2.PdfDocument(str(path))
    try:
        textpage = doc[0].get_textpage()
        try:
            return page_lines(Glyphs(textpage), rules, fast)
        finally:
            textpage.close()
    finally:
        doc.close()


#: The table's vertical rules (x, bottom, top), as the page's rules give them.
RULES = tuple((x, 842.0 - 312.0, 842.0 - 240.0) for x in (40.0, 190.0, 340.0, 490.0))


def test_each_line_gets_the_runs_measuring_it_gives(printed: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    measured, runs = letters_module._runs, PageGaps.runs
    seen: list[int] = []

    def both(line: Any, text: str) -> Any:
        slow = measured(line, text)
        fast = runs(PageGaps(line.g, line.page.raw), line, text)
        if fast is not None:
            assert len(fast) == len(slow)
            for a, b in zip(slow, fast, strict=True):
                assert a[:6] == b[:6], text
                if a[0] and (a[4] or "x" in a[2]):
                    assert a[6:] == b[6:], text
            seen.append(len(fast))
        return slow

    monkeypatch.setattr(letters_module, "_runs", both)
    monkeypatch.setattr(PageGaps, "runs", lambda self, line, text: None)
    lines = _lines(printed, RULES, fast=False)  # every line measured (none taken as plain)
    assert len(seen) >= 8  # the lines with spaces to decide were measured both ways
    assert any(n > 1 for n in seen)  # a row's runs cut at its rules
    assert any("\t" in line.text for line in lines)


def test_the_page_reads_the_same_either_way(printed: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _lines(printed, RULES)
    monkeypatch.setattr(PageGaps, "runs", lambda self, line, text: None)
    assert _lines(printed, RULES) == fast
    spaced = f"{WORDS[3]}{WORDS[5]} {WORDS[8]}{WORDS[2]}"  # its letter gaps are no spaces
    assert [line.text for line in fast].count(spaced) == 2


def test_the_page_text_is_classed_once_for_its_gaps_plain_lines_and_extents(
        printed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bma_etl.read.pdf_gaps as gaps_module

    calls: list[str] = []
    original = gaps_module.classed

    def counted(raw: str) -> Any:
        calls.append(raw)
        return original(raw)

    monkeypatch.setattr(gaps_module, "classed", counted)
    once = _lines(printed, RULES)
    assert len(calls) == 1  # one page: its text classed once, by its PageGaps
    # each measure classing the text for itself (as before) reads the same lines
    monkeypatch.setattr(PageGaps, "codes", lambda self: original(self.raw))
    assert _lines(printed, RULES) == once
    spaced = f"{WORDS[3]}{WORDS[5]} {WORDS[8]}{WORDS[2]}"  # the generated lines, read back
    assert [line.text for line in once].count(spaced) == 2
    assert sum("\t" in line.text for line in once) >= 3  # the ruled table's three rows
