"""A scanned code whose digits OCR read as letters is NULL with an issue, never stored.

Handwriting or a stamp over a project's code can make Tesseract read some of its
digits as Thai letters (breaker17's ``hand_grey_L1``: ``15090000-7314`` stored as
``15896อออ-7344``). A code prints digits and dashes only, so letters glued inside its
digits mean its digits were misread: the value is doubtful
(:func:`bma_etl.normalize.codes.letters_in_code`) and loaded only when confirmed.
The page is generated from known values (a legacy progress form), the code's middle
digits are overdrawn by marks that read as letters, and it is scanned in grey.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.normalize.codes import letters_in_code
from bma_etl.normalize.trust import doubt_of
from bma_etl.pipeline import process_file

from corpus import render
from corpus.build import GENERATORS
from corpus.scan import scan_pdf
from thai_fonts import fonts_or_fail

SEED = 3291


@pytest.mark.parametrize(("raw", "letters"), [
    ("15896อออ-7344", "อออ"), ("1589อ0000-7314", "อ"), ("15090000-ออ14", "ออ"),
    ("15090000-7314", None), ("๑๕๐๙๐๐๐๐-๗๓๑๔", None), ("0 2224 1234 ต่อ 12", None),
    ("22241234ต่อ12", None), ("5014-0102-01", None),
])
def test_letters_glued_in_a_code(raw: str, letters: str | None) -> None:
    assert letters_in_code(raw) == letters
    assert (doubt_of(raw, "code") is not None) is (letters is not None or "๑" in raw)


def test_letters_in_a_code_doubt_only_codes() -> None:
    # an amount's unit glued to it is not junk in a code's form
    assert doubt_of("1,500บาท", "amount") is None


def test_scanned_code_with_digits_read_as_letters_is_null(tmp_path: Path) -> None:
    gen = "legacy_tab"
    doc = GENERATORS[gen](random.Random(f"{SEED}-{gen}-0"))
    code = doc.tables["projects"][0]["project_code"]
    assert "projects.0.project_code" not in doc.thai_digit_fields
    # three digits of the code's first group overdrawn: OCR reads letters there
    damaged = code[:5] + "ออฮ" + code[8:]
    assert doc.text.count(code) == 1
    doc.text = doc.text.replace(code, damaged)
    found = fonts_or_fail(("Garuda", "Loma", "Sarabun"), least=1)
    font = next(iter(found))
    pdf = tmp_path / f"{gen}.pdf"
    render.render_fpdf(doc, pdf, font, found[font], random.Random(SEED), shaping=True)
    scanned = tmp_path / f"{gen}.scan.pdf"
    scan_pdf(pdf, scanned, 200, "grey", random.Random(SEED), max_pages=1)
    processed = process_file(scanned)
    (project,) = processed.rows("projects")
    assert project.project_code in (None, code)
    issues = [q.message for q in processed.rows("quality_issues")  # type: ignore[attr-defined]
              if q.code == "ocr_doubtful_value"  # type: ignore[attr-defined]
              and q.field == "project_code"]  # type: ignore[attr-defined]
    assert issues and "letter" in issues[0]
