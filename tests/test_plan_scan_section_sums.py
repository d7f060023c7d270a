"""A scanned plan's amounts OCR's two models read differently, confirmed by their section's total.

Plans are generated from known values (``bench/corpus``) and read as OCR'd text:
every word has a confidence, and the project amounts are *doubted* (OCR's Thai and
English models read their digits differently, as on seed 3211's 150 and 300 dpi
1-bit scans: ``5,974,900.- บาท`` was right and not loaded, nor its section's sum).
When a section's amounts add up to its total row (read surely) they are loaded;
when one was misread the sum disagrees and none of the section's doubted amounts is
loaded (NULL, never wrong). The truth is the generated values.
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

#: A project's amount in a budget row (``2,720,700.00 บาท``, ``5,974,900.- บาท``).
_AMOUNT_RE = re.compile(r"(?<=\t)[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]{2}|\.-)?(?= บาท)")


def _read(text: str) -> dict[str, list]:
    """``text`` read as OCR'd: every word at confidence 90, the rows' amounts doubted."""
    words = tuple((m.start(), m.end(), 90.0) for m in re.finditer(r"\S+", text))
    doubted = tuple((m.start(), m.end(), 90.0) for m in _AMOUNT_RE.finditer(text)
                    if not text[text.rfind("\n", 0, m.start()) + 1:m.start()].startswith("รวม"))
    assert doubted
    doc = RepairedText.of(text, (), ocr_used=True, words=words, doubted=doubted)
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    screen(normalized, doc.text, doc.doubted)
    return build_records(normalized, "0" * 64)


def _money(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@pytest.mark.parametrize("seed", range(4))
def test_doubted_amounts_adding_up_to_the_sections_total_are_loaded(seed: int) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    records = _read(to_arabic_digits(generated.text))
    want = [_money(w["budget_thb"]) for w in generated.tables["plan_projects"]]
    got = [_money(r.budget_thb) for r in records["plan_projects"]]
    assert got == want
    assert [_money(r.computed_total_thb) for r in records["plan_sections"]] == \
        [_money(w["computed_total_thb"]) for w in generated.tables["plan_sections"]]


@pytest.mark.parametrize("seed", range(4))
def test_a_misread_amount_leaves_its_sections_doubted_amounts_null(seed: int) -> None:
    generated = GENERATORS["plan"](random.Random(seed))
    text = to_arabic_digits(generated.text)
    first = next(m for m in _AMOUNT_RE.finditer(text)
                 if not text[text.rfind("\n", 0, m.start()) + 1:m.start()].startswith("รวม"))
    misread = first.group().replace(first.group()[0], "8" if first.group()[0] != "8" else "3", 1)
    records = _read(text[:first.start()] + misread + text[first.end():])
    want = [_money(w["budget_thb"]) for w in generated.tables["plan_projects"]]
    got = [_money(r.budget_thb) for r in records["plan_projects"]]
    misread_row = next(i for i, w in enumerate(want) if w is not None)  # the first amount
    assert len(got) == len(want) and got[misread_row] is None
    assert all(g is None or g == w for g, w in zip(got, want, strict=True))  # never wrong
    section = generated.tables["plan_projects"][misread_row]["section"]
    assert all(r.computed_total_thb is None
               for r in records["plan_sections"] if r.section == section)
