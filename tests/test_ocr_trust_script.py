"""A number OCR read in Arabic digits in a column printed in Thai digits is doubtful.

Debian's Thai model reads some Thai digits as Arabic ones at high confidence: on a
grey 300 dpi scan of a plan printed in Thai digits, a SWOT item's ``๑.`` (under
``๒.``, ``๓.``) was read ``9.`` and loaded as item 9 (``normalize/trust_script``).
Input generated from known values (``bench/corpus``'s plan and form generators, in
Thai digits), one number damaged as OCR damages it (a Thai digit read as another
Arabic one); the truth is the generated values: the misread number is NULL with an
``ocr_doubtful_value`` issue, nothing loaded differs from the page, and the Arabic
digits a form in Thai digits still prints (the system's ISO dates) are loaded.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract as plan_extract
from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract as form_extract
from bma_etl.normalize.fields import Normalized, normalize
from bma_etl.normalize.trust import screen
from bma_etl.normalize.trust_script import arabic_among_thai

from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from plan_text import swot_lists

#: A Thai digit and the Arabic one OCR read it as (shapes alike: ๑ has 9's loop and tail).
_MISREAD = {"๑": "9", "๒": "6", "๓": "5"}


def _thai_doc(gen: str, seed: int) -> GeneratedDoc:
    for k in range(60):
        doc = GENERATORS[gen](random.Random(f"{seed}-{gen}-{k}"))
        if doc.thai_digit_fields:
            return doc
    raise AssertionError(f"{gen} never prints Thai digits")


def _read(text: str, extract: Any) -> Normalized:
    """``text`` read as an OCR'd page (every word at confidence 95), normalised, screened."""
    doc = RepairedText.of(text, (), ocr_used=True, words=((0, len(text), 95.0),))
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    screen(normalized, doc.text)
    return normalized


def _rows(normalized: Normalized, table: str) -> list[dict[str, object]]:
    return [r.values for r in normalized.rows if r.table == table]


def _issues(normalized: Normalized, table: str, field: str) -> list[str]:
    return [f.message for f in normalized.findings
            if f.code == "ocr_doubtful_value" and (f.table_name, f.field) == (table, field)]


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_swot_number_misread_in_arabic_digits_is_not_loaded(seed: int) -> None:
    doc = _thai_doc("plan", seed)
    items = doc.tables["plan_swot_items"]
    lines = doc.text.split("\n")
    at = swot_lists(lines)[0][0]  # the first list's first item: ``๑. ...``
    assert lines[at].startswith("๑")
    misread = _MISREAD["๑"]
    lines[at] = misread + lines[at][1:]
    text = "\n".join(lines)
    normalized = _read(text, plan_extract)
    got = _rows(normalized, "plan_swot_items")
    assert len(got) == len(items)
    for want, row in zip(items, got, strict=True):
        assert row.get("seq") in (None, want["seq"]), (row.get("seq"), want)
    quoted = _issues(normalized, "plan_swot_items", "seq")
    # Not loaded, with an issue naming it: the Thai-digit column's doubt, or (first) the
    # list's rising order (``plan_swot_places.out_of_order``).
    assert any((f"'{misread}" in m and "Thai digits" in m)
               or (f"number {misread}," in m and "rising order" in m) for m in quoted), quoted


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_form_in_thai_digits_keeps_its_iso_dates(seed: int) -> None:
    doc = _thai_doc("legacy_tab", seed)
    (project,) = _rows(_read(doc.text, form_extract), "projects")
    want = doc.tables["projects"][0]
    for name in ("start_date", "end_date"):
        if want.get(name) is not None:
            assert str(project.get(name))[:10] == str(want[name])[:10], name


def test_a_column_with_few_thai_numbers_says_nothing() -> None:
    one = [("plan_projects", "seq", "9"), ("plan_projects", "seq", "๒")]
    mixed = [("t", "v", "9"), ("t", "v", "๒"), ("t", "v", "๓"), ("t", "v", "4"), ("t", "v", "5")]
    assert arabic_among_thai(one) == {}
    assert arabic_among_thai(mixed) == {}
    assert list(arabic_among_thai([*mixed[:3], ("t", "v", None)])) == [0]
