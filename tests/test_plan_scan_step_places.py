"""A scanned plan's step numbers in Thai digits, confirmed by their place in the project's list.

Debian's Thai model reads a plan's Thai digits wrong at high confidence (``๓`` as
``a``, ``๔`` as ``๕``), so every Thai-digit number a scan gives is doubtful and
loaded only when something confirms it (:mod:`bma_etl.normalize.trust`). A SWOT
item's or a project's number is confirmed by its place in its list; a step's
number (``๑. คัดเลือกโรงเรียน...``, 150 and 200 dpi scans of an action plan) was
not, and every step of a Thai-digit scan lost it. Steps are generated from known
values (``bench/corpus``'s plan); their numbers are given as OCR reads them (a
number read right, one read as another digit, one lost); the truth is the
generated numbers.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from bma_etl.normalize.fields import Normalized, NormalizedRow, ProvenanceRow
from bma_etl.normalize.trust import screen

from corpus.build import GENERATORS
from corpus.values import thai


def _steps(seed: int) -> list[dict[str, Any]]:
    steps = GENERATORS["plan"](random.Random(seed)).tables["plan_steps"]
    assert steps
    return steps


def _screened(steps: list[dict[str, Any]], read: dict[int, int | None]) -> Normalized:
    """The steps as normalized from a scan, their numbers as ``read`` (by index; else right)."""
    rows, prov = [], []
    at = 0
    for i, step in enumerate(steps, start=1):
        number = read.get(i - 1, step["step_no"])
        values: dict[str, object] = {"project_name": step["project_name"],
                                     "description": step["description"]}
        if number is not None:  # None: a letter read for the digit, no number
            raw = thai(str(number))
            values["step_no"] = number
            prov.append(ProvenanceRow("plan_steps", i, "step_no", 3, i, at, at + len(raw),
                                      raw, False, False, confidence=93.0))
            at += len(raw) + 1
        rows.append(NormalizedRow("plan_steps", i, values))
    normalized = Normalized(rows, prov, [])
    screen(normalized, " " * at)
    return normalized


@pytest.mark.parametrize("seed", range(4))
def test_step_numbers_read_right_are_confirmed_by_their_place(seed: int) -> None:
    steps = _steps(seed)
    normalized = _screened(steps, {})
    got = [r.values.get("step_no") for r in normalized.rows]
    assert got == [s["step_no"] for s in steps]


@pytest.mark.parametrize("seed", range(4))
def test_a_step_number_misread_is_not_loaded_and_the_rows_above_it_are(seed: int) -> None:
    """The last step of the first project read as the next digit (``๔`` as ``๕``), the
    second step's number lost (a letter read for it): the first step is loaded, the
    misread one is not, and no number loaded differs from the generated one."""
    steps = _steps(seed)
    first = [i for i, s in enumerate(steps) if s["project_name"] == steps[0]["project_name"]]
    assert len(first) >= 3
    last = first[-1]
    normalized = _screened(steps, {last: steps[last]["step_no"] + 1, first[1]: None})
    got = [r.values.get("step_no") for r in normalized.rows]
    assert got[first[0]] == steps[first[0]]["step_no"]
    assert got[last] is None
    assert all(g is None or g == s["step_no"] for g, s in zip(got, steps, strict=True))
