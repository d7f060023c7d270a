"""Compare a processed document with a hand-written golden file, field by field."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from bma_etl.pipeline import Processed
from bma_etl.records import MODEL_BY_TABLE, Record


def load_golden(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _as_record(table: str, row: dict[str, Any]) -> Record:
    model = MODEL_BY_TABLE[table]
    return model.model_validate_json(json.dumps({"doc_id": "golden", **row}, ensure_ascii=False))


def diff(processed: Processed, golden: dict[str, Any]) -> list[str]:
    """Every difference between the golden's tables and what was extracted."""
    problems: list[str] = []
    for table, rows in golden["tables"].items():
        got = processed.rows(table)
        if len(got) != len(rows):
            problems.append(f"{table}: {len(got)} rows extracted, golden has {len(rows)}")
        for i, (want_row, got_row) in enumerate(zip(rows, got, strict=False), start=1):
            want = _as_record(table, want_row)
            for field in want_row:
                w, g = getattr(want, field), getattr(got_row, field)
                if w != g:
                    problems.append(f"{table}[{i}].{field}: golden {w!r} != extracted {g!r}")
    raised = {(q.table_name, q.row_ordinal, q.field, q.code)
              for q in processed.rows("quality_issues")}  # type: ignore[attr-defined]
    for q in golden.get("quality_issues", []):
        key = (q["table_name"], q.get("row_ordinal"), q.get("field"), q["code"])
        if key not in raised:
            problems.append(f"quality issue not raised: {key}")
    return problems


def _same(want: Any, got: Any) -> bool:
    if want is None or got is None:
        return want is None and got is None
    if isinstance(got, Decimal):
        return Decimal(str(want)) == got
    if isinstance(got, dt.date):
        return str(want) == got.isoformat()
    return bool(want == got)


def score_expected(processed: Processed, expected: dict[str, Any]) -> tuple[int, int, list[str]]:
    """Fields of ``expected`` (``{"tables": {table: [row, ...]}}``) the document gave right.

    Rows are compared in order; returns ``(right, total, what was wrong)``. The
    expected values are strings, numbers and booleans as a person writes them.
    """
    right = total = 0
    wrong: list[str] = []
    for table, rows in expected["tables"].items():
        got = processed.rows(table)
        for i, want_row in enumerate(rows):
            have = got[i] if i < len(got) else None
            for field, want in want_row.items():
                total += 1
                value = getattr(have, field) if have is not None else "<no row>"
                if _same(want, value):
                    right += 1
                else:
                    wrong.append(f"{table}[{i}].{field}: want {want!r}, got {value!r}")
    return right, total, wrong
