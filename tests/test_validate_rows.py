"""One row that fails validation is dropped with an issue; the document keeps the rest.

A row whose required field was lost (a scoring level whose level cell a narrow
column's wrap lost, before a level could be NULL) made the whole action plan
quarantined, 500 good fields with it. A row of a child table that
cannot be built is now dropped with an ``invalid_row`` issue quoting it; a
document-level row that cannot be built still quarantines the document.
"""

from __future__ import annotations

import pytest

from bma_etl.errors import RecordInvalid
from bma_etl.normalize.fields import Normalized, NormalizedRow, ProvenanceRow
from bma_etl.records import DATA_MODELS
from bma_etl.validate import build_records

DOC = "d" * 64
CHILD_TABLES = [m.table for m in DATA_MODELS if "ordinal" in m.key]


def _provenance(table: str, ordinal: int | None, field: str) -> ProvenanceRow:
    return ProvenanceRow(table, ordinal, field, 1, 1, 0, 1, "x", False, False, None, None)


def _months(*months: object) -> Normalized:
    rows = [NormalizedRow("projects", None, {"project_code": "01"})]
    provenance = [_provenance("projects", None, "project_code")]
    for ordinal, month in enumerate(months, start=1):
        values: dict[str, object] = {"ordinal": ordinal, "value": 10 * ordinal}
        if month is not None:
            values["month_no"] = month
        rows.append(NormalizedRow("monthly_progress", ordinal, values))
        provenance += [_provenance("monthly_progress", ordinal, name)
                       for name in values if name != "ordinal"]
    return Normalized(rows=rows, provenance=provenance)


def test_a_row_missing_a_required_field_is_dropped_with_an_issue() -> None:
    normalized = _months(1, None, 3)
    tables = build_records(normalized, DOC)
    assert [r.month_no for r in tables["monthly_progress"]] == [1, 3]  # type: ignore[attr-defined]
    assert len(tables["projects"]) == 1
    [issue] = [f for f in normalized.findings if f.code == "invalid_row"]
    assert (issue.table_name, issue.row_ordinal, issue.severity) == (
        "monthly_progress", 2, "error")
    assert "month_no: Field required" in issue.message
    assert "value=20" in issue.message  # the row is quoted
    # the dropped row's provenance goes with it; the others' stays
    rows = {(p.table_name, p.row_ordinal) for p in tables["provenance"]}  # type: ignore[attr-defined]
    assert ("monthly_progress", 2) not in rows
    assert {("monthly_progress", 1), ("monthly_progress", 3), ("projects", None)} <= rows


def test_a_row_with_a_required_value_out_of_range_is_dropped() -> None:
    normalized = _months(13, 4)  # months are 1-12
    tables = build_records(normalized, DOC)
    assert [r.month_no for r in tables["monthly_progress"]] == [4]  # type: ignore[attr-defined]
    assert [f.row_ordinal for f in normalized.findings if f.code == "invalid_row"] == [1]


def test_a_scoring_level_whose_level_was_not_read_keeps_its_other_fields() -> None:
    # OCR'd Thai level digits nothing confirms are NULL (ocr_doubtful_value): the row
    # keeps its indicator, weight, description and score
    rows = [NormalizedRow("plans", None, {"agency": "สำนักงานการต่างประเทศ"})]
    for ordinal, level in enumerate((5, None, 3), start=1):
        values: dict[str, object] = {"ordinal": ordinal, "indicator": "ระดับความสำเร็จ",
                                     "weight_pct": 50 + 10 * ordinal, "score": ordinal}
        if level is not None:
            values["level"] = level
        rows.append(NormalizedRow("plan_scoring_levels", ordinal, values))
    normalized = Normalized(rows=rows)
    tables = build_records(normalized, DOC)
    got = [(r.level, r.indicator) for r in tables["plan_scoring_levels"]]  # type: ignore[attr-defined]
    assert got == [(5, "ระดับความสำเร็จ"), (None, "ระดับความสำเร็จ"), (3, "ระดับความสำเร็จ")]
    assert not [f for f in normalized.findings if f.code == "invalid_row"]


@pytest.mark.parametrize("table", CHILD_TABLES)
def test_every_child_table_drops_a_row_it_cannot_build(table: str) -> None:
    # a field no model has cannot be set to NULL: the row cannot be built
    normalized = Normalized(rows=[
        NormalizedRow("projects", None, {"project_code": "01"}),
        NormalizedRow(table, 1, {"ordinal": 1, "no_such_field": "x"}),
    ])
    tables = build_records(normalized, DOC)
    assert tables[table] == [] and len(tables["projects"]) == 1
    assert [f.code for f in normalized.findings] == ["invalid_row"]


@pytest.mark.parametrize("table", ["projects", "plans"])
def test_a_document_row_that_cannot_be_built_still_quarantines(table: str) -> None:
    normalized = Normalized(rows=[NormalizedRow(table, None, {"no_such_field": "x"})])
    with pytest.raises(RecordInvalid, match=f"{table} row None"):
        build_records(normalized, DOC)
