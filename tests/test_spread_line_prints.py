"""Word files printed by LibreOffice with Thai distributed alignment: lines spread wider than a tab.

A form's short lines (``ปีงบประมาณ พ.ศ. : ๒๕๖๙``) are spread across the whole
width when a Word file's paragraphs are distributed (or justified up to a line
break): 1.7-2.5 em between letters, digits, dots and colons alike, so that each
word space (a space and one or two letter gaps) is wider than a tab. The reader
read each letter as a cell (``ปีง<tab>บ<tab>...``) and lost the fiscal year
(:mod:`bma_etl.read.pdf_letters`: a line's runs measured as one).

Forms are generated from known values (bench/corpus), written as Word files in two
fonts and printed by ``soffice`` in one run; the truth is the generated values.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.score import Score, score
from thai_fonts import fonts_or_fail

SEED = 1711
#: ``(font, pt)``: the two fonts the forms are printed in.
FONTS = (("Garuda", "12"), ("Loma", "10"))
#: ``(generator, k)``: the forms, each of whose year is written in Thai digits (spread
#: as its letters are; Arabic digits LibreOffice sets tight).
DOCS = (("legacy_pipe", 3), ("legacy_long", 6), ("legacy_tab", 1))
#: Fields of digits (a year, dates, amounts): read whole or lost.
NUMERIC = ("fiscal_year_be", "budget", "date", "amount", "spent")
#: Two digits (Thai or Arabic) with white space between them.
_DIGIT_SPACE = re.compile(r"[0-9\u0e50-\u0e59][ \u00a0]+[0-9\u0e50-\u0e59]")
#: The year line as pdfium reads it spread: Thai digits each alone between spaces.
_SPREAD_YEAR = re.compile("\u0e1e ?\\.\u0e28 ?\\. *: *(?:[\u0e50-\u0e59] +){3}[\u0e50-\u0e59]")


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int, str], Score]:
    fonts_or_fail([font for font, _ in FONTS])
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    out = tmp_path_factory.mktemp("spreadlines")
    made: dict[tuple[str, int, str], tuple[Path, GeneratedDoc]] = {}
    batch = []
    for gen, k in DOCS:
        doc = GENERATORS[gen](random.Random(f"{SEED}-{gen}-{k}"))
        assert re.search("\u0e1e\\.\u0e28\\. : [\u0e50-\u0e59]{4}", doc.text), (gen, k)
        for font, pt in FONTS:
            pdf = out / f"{gen}{k}.{font}.pdf"
            made[(gen, k, font)] = (pdf, doc)
            batch.append((doc, pdf, font, {"align": "distribute", "pt": pt, "widths": "equal",
                                           "lang": "th-TH", "margin_cm": "1.5"}))
    failed = render.render_docx_batch(batch)
    assert not failed, failed
    import pypdfium2 as pdfium

    for pdf, _doc in made.values():  # the kind is there: the year line spread, as pdfium reads it
        document = pdfium.PdfDocument(str(pdf))
        assert _SPREAD_YEAR.search(document[0].get_textpage().get_text_range()), pdf.name
    return {key: score(process_file(pdf), doc.truth) for key, (pdf, doc) in made.items()}


def _keys() -> list[tuple[str, int, str]]:
    return [(gen, k, font) for gen, k in DOCS for font, _ in FONTS]


@pytest.mark.parametrize("key", _keys(), ids=lambda k: f"{k[0]}{k[1]}-{k[2]}")
def test_spread_forms_give_their_year_dates_and_amounts(
        scores: dict[tuple[str, int, str], Score], key: tuple[str, int, str]) -> None:
    result = scores[key]
    numeric = [lost for lost in result.lost if any(word in str(lost[0]) for word in NUMERIC)]
    assert not numeric, numeric[:3]
    assert result.right / result.total >= 0.97, result.lost[:5]


@pytest.mark.parametrize("key", _keys(), ids=lambda k: f"{k[0]}{k[1]}-{k[2]}")
def test_no_digit_run_read_with_a_space_inside(
        scores: dict[tuple[str, int, str], Score], key: tuple[str, int, str]) -> None:
    """No field gains white space between two digits its generated value has none between."""
    gained = [lost for lost in scores[key].space_lost
              if _DIGIT_SPACE.search(str(lost[2])) and not _DIGIT_SPACE.search(str(lost[1]))]
    assert not gained, gained[:3]
