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

from repo_paths import FIXTURES, SAMPLES

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


@pytest.mark.parametrize("name", ["amount_unit_words.txt", "mixed_tis620_utf8.txt",
                                  "double_sara_e_in_flag.txt"])
def test_field_case_loads_its_right_values(name: str) -> None:
    processed = process_file(CASES / name)
    for key, fields in EXPECTED[name].items():
        row = _row(processed.tables, key)
        wrong = {f: (row[f], v) for f, v in fields.items() if not _same(row[f], v)}
        assert not wrong, f"{name} {key}: (read, right) {wrong}"


def test_double_sara_e_flag_reads_as_the_clean_file() -> None:
    """``เป็นไปตามเเผน`` is the flag, and the report's detail is as in the clean file."""
    damaged = process_file(CASES / "double_sara_e_in_flag.txt").rows("progress_updates")
    clean = process_file(FIXTURES / "variants" / "legacy_variant_2564_pipe.txt"
                         ).rows("progress_updates")
    assert [(r.on_plan, r.on_target, r.detail) for r in damaged] == \
        [(r.on_plan, r.on_target, r.detail) for r in clean]


LEGACY_FORMS = [*sorted(p.name for p in (FIXTURES / "variants").glob("legacy*.txt")),
                "000_52cb5c31ec83ab03.txt", "002_9d2ef115f542a230.txt"]


@pytest.mark.parametrize("name", LEGACY_FORMS)
def test_a_form_typed_with_double_sara_e_throughout_loads_as_the_clean_one(
        name: str, tmp_path: Path) -> None:
    """Every แ typed as เเ (labels, headings, flags, values): the same rows, values aside."""
    source = next(p for p in (FIXTURES / "variants", SAMPLES) if (p / name).exists()) / name
    text = source.read_text(encoding="utf-8")
    damaged = tmp_path / name
    damaged.write_text(text.replace("\u0e41", "\u0e40\u0e40"), encoding="utf-8")
    want, got = process_file(source), process_file(damaged)
    assert got.layout == want.layout
    for table in ("projects", "progress_updates"):
        keep = ("project_code", "fiscal_year_be", "budget_allocated_thb", "report_date",
                "progress_pct", "budget_disbursed_thb", "on_plan", "on_target", "seq_label")
        assert [{k: v for k, v in r.model_dump().items() if k in keep} for r in got.rows(table)] \
            == [{k: v for k, v in r.model_dump().items() if k in keep} for r in want.rows(table)]


def test_amount_unit_words_raise_no_issue() -> None:
    tables = process_file(CASES / "amount_unit_words.txt").tables
    assert tables["quality_issues"] == []


def _path(name: str) -> Path:
    return CASES / name
