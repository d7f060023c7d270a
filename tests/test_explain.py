"""explain: every golden value shows the span it was read from; quarantined files say
where they stopped; a loaded document explains the same from the warehouse."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bma_etl.cli import app
from bma_etl.explain import Explanation, explain_doc, explain_file, only_field
from bma_etl.pipeline import ingest

from golden_compare import _as_record
from repo_paths import GOLDEN, SAMPLES

GOLDENS = sorted(GOLDEN.glob("*.json"))
runner = CliRunner()


def _same(value: object) -> object:
    # The warehouse keeps money as DECIMAL(38, 4): 12000000 comes back 12000000.0000.
    try:
        return Decimal(str(value)).normalize() if isinstance(value, str) else value
    except InvalidOperation:
        return value


def _by_key(ex: Explanation) -> dict[tuple[str, int | None, str], object]:
    return {(v.table, v.row_ordinal, v.field): v for v in ex.values}


@pytest.mark.parametrize("golden", GOLDENS, ids=[g.stem for g in GOLDENS])
def test_every_golden_value_shows_its_span(golden: Path) -> None:
    expected = json.loads(golden.read_text(encoding="utf-8"))
    ex = explain_file(SAMPLES / expected["sample"])
    assert ex.stopped_at is None and ex.layout == expected["layout"]
    assert ex.scores[0].layout_id == expected["layout"]
    assert any(s.found for s in ex.scores[0].signals)
    values = _by_key(ex)
    checked = 0
    for table, rows in expected["tables"].items():
        for row in rows:
            row = {k: x for k, x in row.items() if k != "doc_id"}
            for field, value in row.items():
                if field in ("doc_id", "ordinal") or value is None:
                    continue
                v = values[(table, row.get("ordinal"), field)]
                want = _as_record(table, row)
                got = _as_record(table, {**row, field: v.value})
                assert getattr(got, field) == getattr(want, field), (table, field)
                if v.derived:
                    assert v.char_start is None or v.raw_text is not None
                    continue
                assert v.raw_text, (table, field)
                assert v.context is not None and v.mark is not None
                assert v.context[v.mark[0]:v.mark[1]] == v.raw_text
                assert ex.text is not None
                assert ex.text[v.char_start:v.char_end] == v.raw_text
                checked += 1
    assert checked > 10


def test_field_keeps_one_column() -> None:
    ex = only_field(explain_file(SAMPLES / "000_52cb5c31ec83ab03.txt"),
                    "projects.project_code")
    assert [(v.field, v.raw_text) for v in ex.values] == [("project_code", "04160000-3949")]
    with pytest.raises(ValueError, match=r"no values of 'projects\.nope'"):
        only_field(explain_file(SAMPLES / "000_52cb5c31ec83ab03.txt"), "projects.nope")


def test_unknown_layout_stops_at_detect_with_scores(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("ไม่ใช่รายงาน\nnot a report\n", encoding="utf-8")
    ex = explain_file(bad)
    assert ex.stopped_at == "detect" and ex.passed == ["read", "repair"]
    assert ex.error and ex.error.startswith("detect: no known layout")
    assert {s.layout_id for s in ex.scores} >= {"legacy_progress_form", "annual_action_plan"}
    assert ex.values == []


def test_unreadable_file_stops_at_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    ex = explain_file(bad)
    assert ex.stopped_at == "read" and ex.passed == [] and ex.scores == []


def test_doc_id_from_the_warehouse_matches_the_file(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    bad = tmp_path / "bad.txt"
    bad.write_text("not a report\n", encoding="utf-8")
    sample = SAMPLES / "002_9d2ef115f542a230.txt"
    ingest([sample, bad], db, workers=1)
    from_file = explain_file(sample)
    assert from_file.doc_id is not None
    stored = explain_doc(db, from_file.doc_id[:12])
    assert stored.layout == from_file.layout and stored.text == from_file.text
    assert [s.layout_id for s in stored.scores] == [s.layout_id for s in from_file.scores]
    key = [(v.table, v.row_ordinal, v.field, v.raw_text, v.char_start, _same(v.value))
           for v in from_file.values]
    assert [(v.table, v.row_ordinal, v.field, v.raw_text, v.char_start, _same(v.value))
            for v in stored.values] == key
    quarantined = explain_doc(db, explain_file(bad).doc_id or "")
    assert quarantined.stopped_at == "detect" and quarantined.passed == ["read", "repair"]


def test_cli_explain_plain_brackets_and_exit_codes(tmp_path: Path) -> None:
    result = runner.invoke(app, ["explain", str(SAMPLES / "000_52cb5c31ec83ab03.txt"),
                                 "--field", "projects.project_code"])
    assert result.exit_code == 0, result.output
    assert "layout: legacy_progress_form (score 1.00" in result.output
    assert "      | รหัสโครงการ... : [04160000-3949]" in result.output.splitlines()
    bad = tmp_path / "bad.txt"
    bad.write_text("not a report\n", encoding="utf-8")
    result = runner.invoke(app, ["explain", str(bad)])
    assert result.exit_code == 3
    assert "stopped at: detect: no known layout" in result.output
    assert runner.invoke(app, ["explain"]).exit_code == 2


def test_scores_are_the_ones_detection_went_by(tmp_path: Path) -> None:
    """A document whose heads lost their tone marks is read by their key form; the
    score table shows that score (the chosen layout's, as the header says) and the one
    as printed, not the printed one alone (1.00 above, 0.40 below it)."""
    from bma_etl.explain import render

    text = (SAMPLES / "000_52cb5c31ec83ab03.txt").read_text(encoding="utf-8")
    damaged = tmp_path / "marks_lost.txt"
    damaged.write_text(text.translate(dict.fromkeys(map(ord, "\u0e48\u0e49\u0e4a\u0e4b"))),
                       encoding="utf-8")
    ex = explain_file(damaged)
    assert ex.layout == "legacy_progress_form"
    chosen = next(s for s in ex.scores if s.layout_id == ex.layout)
    assert chosen.score == ex.layout_score
    assert chosen.printed is not None and chosen.printed < chosen.score
    row = next(line for line in render(ex) if line.startswith("  legacy_progress_form"))
    assert f"{chosen.score:.2f} ({chosen.printed:.2f} as printed)" in row
