"""Provenance invariants over every sample that a registered layout reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from bma_etl.detect import detect
from bma_etl.errors import UnknownLayout
from bma_etl.layouts.base import RepairedText
from bma_etl.pipeline import process_file
from bma_etl.records import DATA_MODELS, Provenance
from bma_etl.textnorm import repair_text

from repo_paths import FIXTURES, SAMPLES


def _readable() -> list[Path]:
    out = []
    for path in [*sorted(SAMPLES.iterdir()), *sorted((FIXTURES / "variants").glob("*.txt"))]:
        try:
            detect(RepairedText.of(repair_text(path.read_text(encoding="utf-8"))))
        except UnknownLayout:
            continue
        out.append(path)
    return out


DOCS = _readable()
LOADABLE = [p for p in DOCS if p.parent == SAMPLES or (p.with_suffix(".json")).exists()]


def test_every_sample_is_checked() -> None:
    assert {p.name for p in SAMPLES.iterdir()} <= {p.name for p in DOCS}


@pytest.mark.parametrize("path", LOADABLE, ids=[p.name for p in LOADABLE])
def test_spans_slice_the_stored_text(path: Path) -> None:
    processed = process_file(path)
    text = processed.tables["document_texts"][0].text  # type: ignore[attr-defined]
    rows: list[Provenance] = processed.rows("provenance")  # type: ignore[assignment]
    assert rows
    for p in rows:
        if p.char_start is None or p.char_end is None:
            assert p.derived, p
            continue
        assert text[p.char_start:p.char_end] == p.raw_text, p
        assert text.count("\n", 0, p.char_start) + 1 == p.line_no, p


@pytest.mark.parametrize("path", LOADABLE, ids=[p.name for p in LOADABLE])
def test_every_stated_value_has_provenance(path: Path) -> None:
    processed = process_file(path)
    have = {(p.table_name, p.row_ordinal, p.field)
            for p in processed.rows("provenance")}  # type: ignore[attr-defined]
    for model in DATA_MODELS:
        for row in processed.rows(model.table):
            ordinal = getattr(row, "ordinal", None)
            for field, value in row.model_dump().items():
                if field in ("doc_id", "ordinal") or value is None:
                    continue
                assert (model.table, ordinal, field) in have, (model.table, ordinal, field)
