"""A plan scanned in Thai digits: its amounts and totals confirm one another by their sums.

Every number OCR read in Thai digits is doubtful (Debian's Thai model lacks
``๔ ๖ ๗ ๘ ๙``; ``read/ocr_thai_digits`` now reads them glyph by glyph), so a plan's
amounts and its sections' totals all were, and none confirmed another: every amount
was NULL. Two or more amounts of a section that add up to its total as read, to the
satang, are loaded with it; one amount misread leaves its section NULL (never
wrong), and a section of one amount confirms nothing. Plans are generated from known
values (``bench/corpus``), printed in Thai digits, read as OCR'd text.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.trust import screen
from bma_etl.validate import build_records

from corpus.build import GENERATORS

THAI = str.maketrans("0123456789", "\u0e50\u0e51\u0e52\u0e53\u0e54\u0e55\u0e56\u0e57\u0e58\u0e59")


def _read(text: str) -> dict[str, list]:
    """``text`` read as OCR'd, every word at confidence 90."""
    words = tuple((m.start(), m.end(), 90.0) for m in re.finditer(r"\S+", text))
    doc = RepairedText.of(text, (), ocr_used=True, words=words, doubted=())
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    screen(normalized, doc.text, doc.doubted)
    return build_records(normalized, "0" * 64)


def _money(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _want(generated, section: str) -> tuple[list[Decimal | None], Decimal | None]:
    rows = [w for w in generated.tables["plan_projects"] if w["section"] == section]
    head = next(w for w in generated.tables["plan_sections"] if w["section"] == section)
    amounts = [_money(w["budget_thb"]) for w in rows]
    if len([a for a in amounts if a is not None]) < 2:
        return [None] * len(rows), None
    return amounts, _money(head["stated_total_thb"])


@pytest.mark.parametrize("seed", range(4))
def test_thai_digit_amounts_adding_up_are_loaded(seed: int) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    records = _read(generated.text.translate(THAI))
    for head in records["plan_sections"]:
        amounts, total = _want(generated, head.section)
        got = [_money(r.budget_thb) for r in records["plan_projects"]
               if r.section == head.section]
        assert (got, _money(head.stated_total_thb)) == (amounts, total), head.section


#: A project's amount in a budget row, in Thai digits (``๒,๗๒๐,๗๐๐.๐๐ บาท``).
_AMOUNT_RE = re.compile("(?<=\t)[\u0e50-\u0e59]{1,3}(?:,[\u0e50-\u0e59]{3})+"
                        "(?:\\.[\u0e50-\u0e59]{2}|\\.-)?(?= \u0e1a\u0e32\u0e17)")


@pytest.mark.parametrize("seed", range(4))
def test_one_misread_amount_leaves_its_section_null(seed: int) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    text = generated.text.translate(THAI)
    shown = next(m for m in _AMOUNT_RE.finditer(text)
                 if not text[text.rfind("\n", 0, m.start()) + 1:].startswith("\u0e23\u0e27\u0e21"))
    value = Decimal(to_arabic_digits(shown.group()).replace(",", "").rstrip(".-") or "0")
    section = next(w["section"] for w in generated.tables["plan_projects"]
                   if _money(w["budget_thb"]) == value)
    digit = shown.group()[0]
    wrong = chr(0x0E50 + (int(to_arabic_digits(digit)) % 9) + 1)
    records = _read(text[:shown.start()] + wrong + text[shown.start() + 1:])
    assert [r.budget_thb for r in records["plan_projects"] if r.section == section
            and r.budget_thb is not None] == []
