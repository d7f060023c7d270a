"""A date or fiscal year OCR read far from the document's other dates is not loaded.

A red round stamp over a form's end date ``30 ก.ย. 2566`` made Tesseract read its
year's tens digit as another (2093-09-30 was loaded for 2023-09-30, no issue). The
values are generated forms' (``bench/corpus``): the project's fiscal year, start
and end dates and the reports' dates as OCR'd values in Arabic digits; one date's
year is then misread in its tens or hundreds digit. That value is NULL with an
``ocr_doubtful_value`` issue; every other value is kept, and nothing is dropped
from a document whose dates are right, however many years its project runs.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest

from bma_etl.normalize.fields import Normalized, NormalizedRow, ProvenanceRow
from bma_etl.normalize.trust import screen

from corpus.build import GENERATORS

_DATES = {"projects": ("fiscal_year_be", "start_date", "end_date"),
          "progress_updates": ("report_date",)}


def _value(field: str, truth: Any) -> object:
    return truth if field == "fiscal_year_be" else date.fromisoformat(truth)


def _normalized(tables: dict[str, list[dict[str, Any]]], ocr: bool = True) -> Normalized:
    """The generated tables' dates and years as read by OCR (confidence 90) or typed."""
    rows, prov = [], []
    for table, fields in _DATES.items():
        for k, truth in enumerate(tables[table]):
            ordinal = None if table == "projects" else k + 1
            values = {f: _value(f, truth[f]) for f in fields if truth.get(f) is not None}
            rows.append(NormalizedRow(table, ordinal, values))
            for f, v in values.items():
                raw = str(v + 543 if isinstance(v, int) else v)
                at = len(prov) * 20
                prov.append(ProvenanceRow(table, ordinal, f, 1, len(prov) + 1, at, at + len(raw),
                                          raw, False, False, None, 90.0 if ocr else None))
    return Normalized(rows, prov, [])


def _generated(seed: int) -> dict[str, list[dict[str, Any]]]:
    rng = random.Random(seed)
    while True:
        tables = GENERATORS[rng.choice(["legacy_pipe", "legacy_tab"])](rng).tables
        if tables["projects"][0].get("end_date") and len(tables["progress_updates"]) >= 2:
            return tables


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("field", ["end_date", "start_date", "report_date"])
def test_a_date_whose_year_ocr_misread_far_off_is_null_with_an_issue(seed: int,
                                                                      field: str) -> None:
    tables = _generated(seed)
    rng = random.Random(f"{seed}-{field}")
    table = "progress_updates" if field == "report_date" else "projects"
    k = rng.randrange(len(tables[table]))
    right = date.fromisoformat(tables[table][k][field])
    shift = rng.choice([10, 20, 30, 70, -10, -20, 100, -100])
    misread = right.replace(year=right.year + shift, day=min(right.day, 28))
    tables[table][k][field] = misread.isoformat()
    n = _normalized(tables)
    screen(n, "")
    row = [r for r in n.rows if r.table == table][k]
    assert field not in row.values, f"{misread} loaded for {right}"
    issues = [f for f in n.findings if f.code == "ocr_doubtful_value"]
    assert [(f.table_name, f.field) for f in issues] == [(table, field)]
    assert "years from the other dates" in issues[0].message
    kept = sum(len(r.values) for r in n.rows)
    assert kept == sum(len(f) for f in _normalized(tables).rows for f in [f.values]) - 1


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("years", [1, 3, 6])
def test_a_project_of_several_years_keeps_all_its_dates(seed: int, years: int) -> None:
    tables = _generated(seed)
    project = tables["projects"][0]
    end = date.fromisoformat(project["end_date"])
    project["end_date"] = end.replace(year=end.year + years - 1, day=min(end.day, 28)).isoformat()
    reports = tables["progress_updates"]
    for k, report in enumerate(reports):  # spread over the project's years
        day = date.fromisoformat(report["report_date"])
        report["report_date"] = day.replace(year=day.year + k * (years - 1) // len(reports),
                                            day=min(day.day, 28)).isoformat()
    n = _normalized(tables)
    screen(n, "")
    assert not n.findings


def test_typed_dates_are_left_alone() -> None:
    tables = _generated(0)
    end = date.fromisoformat(tables["projects"][0]["end_date"])
    tables["projects"][0]["end_date"] = end.replace(year=end.year + 70, day=28).isoformat()
    n = _normalized(tables, ocr=False)
    screen(n, "")
    assert not n.findings and "end_date" in n.rows[0].values


@pytest.mark.parametrize("digits", ["thai", "arabic"])
@pytest.mark.parametrize("seed", range(4))
def test_dates_misread_alike_do_not_outvote_the_right_ones(seed: int, digits: str) -> None:
    """A scan's Thai-digit report dates read ๒๕๒๒ for ๒๕๖๒ all alike (doubtful, or read
    in Arabic digits and so not): the project's ISO start and end dates stay loaded."""
    tables = _generated(seed)
    n = _normalized(tables)
    thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙" if digits == "thai" else "0123456789")
    for k, p in enumerate(n.provenance):
        if p.field == "report_date":
            row = next(r for r in n.rows if r.table == p.table_name
                       and r.ordinal == p.row_ordinal)
            day = row.values["report_date"]
            row.values["report_date"] = day.replace(year=day.year - 40, day=min(day.day, 28))
            n.provenance[k] = p._replace(raw_text=f"{day.day}/{day.month}/"
                                         f"{day.year + 543 - 40}".translate(thai))
    screen(n, "")
    assert {"start_date", "end_date"} <= set(n.rows[0].values)
    assert not any(f.field in ("start_date", "end_date") for f in n.findings)
