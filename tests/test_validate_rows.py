"""One row that fails validation is dropped with an issue; the document keeps the rest.

A scoring level whose level cell was lost (a narrow column's wrap) made the whole
action plan quarantined, 500 good fields with it. A row of a child table that
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


def _levels(*levels: object) -> Normalized:
    rows = [NormalizedRow("plans", None, {"agency": "สำนักงานการต่างประเทศ"})]
    provenance = [_provenance("plans", None, "agency")]
    for ordinal, level in enumerate(levels, start=1):
        values: dict[str, object] = {"ordinal": ordinal, "indicator": "ระดับความสำเร็จ",
                                     "weight_pct": 50 + 10 * ordinal, "score": ordinal}
        if level is not None:
            values["level"] = level
        rows.append(NormalizedRow("plan_scoring_levels", ordinal, values))
        provenance += [_provenance("plan_scoring_levels", ordinal, name)
                       for name in values if name != "ordinal"]
    return Normalized(rows=rows, provenance=provenance)


def test_a_row_missing_a_required_field_is_dropped_with_an_issue() -> None:
    normalized = _levels(5, None, 3)
    tables = build_records(normalized, DOC)
    assert [r.level for r in tables["plan_scoring_levels"]] == [5, 3]  # type: ignore[attr-defined]
    assert len(tables["plans"]) == 1
    [issue] = [f for f in normalized.findings if f.code == "invalid_row"]
    assert (issue.table_name, issue.row_ordinal, issue.severity) == (
        "plan_scoring_levels", 2, "error")
    assert "level: Field required" in issue.message
    assert "weight_pct=70" in issue.message  # the row is quoted
    # the dropped row's provenance goes with it; the others' stays
    rows = {(p.table_name, p.row_ordinal) for p in tables["provenance"]}  # type: ignore[attr-defined]
    assert ("plan_scoring_levels", 2) not in rows
    assert {("plan_scoring_levels", 1), ("plan_scoring_levels", 3), ("plans", None)} <= rows


def test_a_row_with_a_required_value_out_of_range_is_dropped() -> None:
    normalized = _levels(9, 4)  # levels are 1-5
    tables = build_records(normalized, DOC)
    assert [r.level for r in tables["plan_scoring_levels"]] == [4]  # type: ignore[attr-defined]
    assert [f.row_ordinal for f in normalized.findings if f.code == "invalid_row"] == [1]


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
