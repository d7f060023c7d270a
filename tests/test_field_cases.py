"""The field cases (tests/fixtures/field-cases/README.md): each file's right values.

Each file rebuilds a condition reported in public bug trackers; ``expected.json``
holds the values a right reading gives. The tests of each fault's kind, on
generated inputs, sit beside the reader or parser they concern.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bma_etl.pipeline import process_file

from conftest import FIXTURES

CASES = FIXTURES / "field-cases"
EXPECTED: dict[str, Any] = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))


def _same(got: Any, expected: Any) -> bool:
    """Equal values; money as numbers (the model keeps ``480000``, the warehouse ``480000.00``)."""
    if isinstance(expected, str) and re.fullmatch(r"-?[0-9]+\.[0-9]{2}", expected):
        return got is not None and Decimal(got) == Decimal(expected)
    return bool(got == expected)


def _row(tables: dict[str, list[Any]], key: str) -> dict[str, Any]:
    table, index = key.rstrip("]").split("[")
    return tables[table][int(index)].model_dump(mode="json")


@pytest.mark.parametrize("name", ["amount_unit_words.txt", "mixed_tis620_utf8.txt"])
def test_field_case_loads_its_right_values(name: str) -> None:
    processed = process_file(CASES / name)
    for key, fields in EXPECTED[name].items():
        row = _row(processed.tables, key)
        wrong = {f: (row[f], v) for f, v in fields.items() if not _same(row[f], v)}
        assert not wrong, f"{name} {key}: (read, right) {wrong}"


def test_amount_unit_words_raise_no_issue() -> None:
    tables = process_file(CASES / "amount_unit_words.txt").tables
    assert tables["quality_issues"] == []


def _path(name: str) -> Path:
    return CASES / name
