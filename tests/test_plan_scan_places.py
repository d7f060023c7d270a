"""A plan's list numbers printed in Thai digits, confirmed by their place in the list.

Plans are generated from known values (``bench/corpus``) in Thai digits and read
the way Debian's Thai OCR model reads them: it has no ``๔ ๖ ๗ ๘ ๙`` and reads them
as ``๕ ๒ ๓ ๕ ๑`` (:mod:`bma_etl.normalize.trust`), so every Thai-digit number is
doubtful. A SWOT item's number and a budget table's project number that read
their place in their list (``๑.``, ``๒.``, ``๓.`` under one heading), every number
above them reading its own, are loaded; ``๕`` read for the fourth item is not,
nor any number below it in that list. A project whose number OCR lost leaves the
numbers below it unanchored when the next reads no place either. The truth is the
generated values: no number loaded differs from the page.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from typing import Any

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.trust import screen
from bma_etl.normalize.trust_places import numbered_place
from bma_etl.validate import build_records

from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from read_back import records_of

#: How Debian's Thai model reads the Thai digits it has no glyph of.
_MODEL_READS = str.maketrans("๔๖๗๘๙", "๕๒๓๕๑")
#: A budget table's numbered row: its number, a tab, the project's name.
_PROJECT_ROW = re.compile(r"^[๐-๙]+\t(?=โครงการ)")


def _thai_plans(seed: int) -> Iterator[GeneratedDoc]:
    for k in range(60):
        doc = GENERATORS["plan"](random.Random(f"{seed}-places-{k}"))
        if doc.thai_digit_fields:
            yield doc


def _as_read(doc: GeneratedDoc) -> str:
    return doc.text.translate(_MODEL_READS)


def _expected(want: list[dict[str, Any]], group: str) -> list[int | None]:
    """The numbers a list read by the model keeps: each place while every place
    above it holds a digit the model reads (``๑ ๒ ๓``); from the fourth on, none."""
    out: list[int | None] = []
    for k, row in enumerate(want):
        run = 1
        while k - run >= 0 and want[k - run][group] == row[group]:
            run += 1
        out.append(row["seq"] if run <= 3 else None)
    return out


def _read(text: str) -> tuple[dict[str, list[Any]], set[tuple[str, int | None]]]:
    """The records of ``text`` read as an OCR'd page, and the ``(table, ordinal)`` of
    each ``seq`` an ``ocr_doubtful_value`` issue withholds."""
    doc = RepairedText.of(text, (), ocr_used=True)
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    screen(normalized, doc.text)
    issues = {(f.table_name, f.row_ordinal) for f in normalized.findings
              if f.field == "seq" and f.code == "ocr_doubtful_value"}
    return build_records(normalized, "0" * 64), issues


@pytest.mark.parametrize("seed", range(6))
def test_swot_numbers_in_thai_digits_are_confirmed_by_their_place(seed: int) -> None:
    doc = next(_thai_plans(seed))
    want = doc.tables["plan_swot_items"]
    records, withheld = _read(_as_read(doc))
    got = records.get("plan_swot_items", [])
    assert [(r.kind, r.text) for r in got] == [(w["kind"], w["text"]) for w in want]
    assert [r.seq for r in got] == _expected(want, "kind")
    fourth = [r for r, w in zip(got, want, strict=True) if w["seq"] == 4]
    assert all(("plan_swot_items", r.ordinal) in withheld for r in fourth)  # ๕ read for ๔


@pytest.mark.parametrize("seed", range(6))
def test_project_numbers_in_thai_digits_are_confirmed_by_their_place(seed: int) -> None:
    doc = next(_thai_plans(seed))
    want = [r for r in doc.tables["plan_projects"] if "seq" in r]
    records = records_of(extract, _as_read(doc))
    got = [r for r in records.get("plan_projects", []) if r.section != "routine"]
    assert [r.name for r in got] == [w["name"] for w in want]
    assert [r.seq for r in got] == _expected(want, "section")


@pytest.mark.parametrize("seed", range(6))
def test_project_number_ocr_lost_leaves_the_unanchored_numbers_below_it(seed: int) -> None:
    """The second project of a list of three or more loses its number (a speck for
    it): the third reads ``๓`` in place 3, but the row above read none and the row
    below no number of its place (``๕`` for ``๔``), or there is none: not loaded."""
    for doc in _thai_plans(seed):
        lines = _as_read(doc).split("\n")
        rows = [k for k, line in enumerate(lines) if _PROJECT_ROW.match(line)]
        runs = [k for k in rows if lines[k].startswith("๑\t")]
        first = next((k for k in runs if all(k + d in rows for d in (1, 2))), None)
        if first is None:
            continue
        lines[first + 1] = _PROJECT_ROW.sub("'\t", lines[first + 1])
        records = records_of(extract, "\n".join(lines))
        got = [r for r in records.get("plan_projects", []) if r.section != "routine"]
        want = [r for r in doc.tables["plan_projects"] if "seq" in r]
        assert [r.name for r in got] == [w["name"] for w in want]
        at = next(i for i, w in enumerate(want) if w["name"] in lines[first + 1])
        assert [r.seq for r in got[at:at + 2]] == [None, None]
        assert all(r.seq in (None, w["seq"]) for r, w in zip(got, want, strict=True))
        return
    pytest.fail("no generated plan has a list of three or more projects")


@pytest.mark.parametrize(("numbers", "at", "kept"), [
    ([1, 2, 3], 2, True), ([None, 2, 3], 1, True), ([1, None, 3], 2, False),
    ([1, 2, 3, 5, 5], 4, False), ([1, 2, 3, 5, 5], 2, True), ([1, 3, 3], 2, False),
    ([None, 2], 1, False), ([1], 0, True), ([1, 2, 4, 5], 3, False),
])
def test_a_number_is_kept_only_where_its_place_is_anchored(
        numbers: list[int | None], at: int, kept: bool) -> None:
    assert numbered_place(numbers, at)[0] is kept
