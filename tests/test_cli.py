"""The CLI: exit codes, exact lines, and CLI output equal to library output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bma_etl.cli import app
from bma_etl.pipeline import process_file
from bma_etl.query import run_sql
from bma_etl.records_schema import json_schemas

from repo_paths import FIXTURES, SAMPLES

LEGACY = [str(SAMPLES / "000_52cb5c31ec83ab03.txt"), str(SAMPLES / "002_9d2ef115f542a230.txt")]
runner = CliRunner()


def test_ingest_exit_0_then_unchanged(db: Path) -> None:
    result = runner.invoke(app, ["ingest", *LEGACY, "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "2 files: 2 loaded, 0 unchanged, 0 quarantined" in result.output
    again = runner.invoke(app, ["ingest", *LEGACY, "--db", str(db)])
    assert again.exit_code == 0
    assert "2 files: 0 loaded, 2 unchanged, 0 quarantined" in again.output


def test_ingest_exit_3_when_quarantined(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not a report\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(bad), *LEGACY, "--db", str(db)])
    assert result.exit_code == 3, result.output
    assert "quarantined" in result.output and "bad.txt" in result.output


def test_ingest_log_json_lines(db: Path) -> None:
    import datetime as dt

    before = dt.datetime.now(dt.UTC)
    result = runner.invoke(app, ["ingest", *LEGACY, "--db", str(db), "--log-json"])
    after = dt.datetime.now(dt.UTC)
    lines = [json.loads(x) for x in result.stdout.splitlines()]  # every stdout line is JSON
    *files, summary = lines
    assert [x["event"] for x in files] == ["file", "file"]
    assert [x["state"] for x in files] == ["loaded", "loaded"]
    assert {x["layout"] for x in files} == {"legacy_progress_form"}
    # The run id is the one the warehouse recorded; times are ISO 8601 UTC, of this run.
    [(run_id,)] = run_sql(db, "select run_id from ingest_runs").rows
    assert {x["run_id"] for x in lines} == {run_id}
    for x in lines:
        assert x["ts"].endswith("Z")
        assert before - dt.timedelta(seconds=1) <= dt.datetime.fromisoformat(x["ts"]) <= after
    assert all(isinstance(x["seconds"], float) and x["seconds"] > 0 for x in files)
    assert summary["event"] == "run" and summary["exit_code"] == 0
    assert (summary["files_seen"], summary["loaded"], summary["quarantined"]) == (2, 2, 0)
    assert summary["by_layout"] == {"legacy_progress_form": 2}


def test_ingest_file_time_limit_reaches_the_run(db: Path, monkeypatch: pytest.MonkeyPatch
                                                ) -> None:
    from bma_etl import pipeline

    seen: list[float | None] = []
    real = pipeline.ingest

    def spy(*args: Any, **kwargs: Any) -> pipeline.RunSummary:
        seen.append(kwargs["file_time_limit"])
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "ingest", spy)
    result = runner.invoke(app, ["ingest", *LEGACY, "--db", str(db), "--workers", "2",
                                 "--file-time-limit", "30"])
    assert result.exit_code == 0, result.output
    assert seen == [30.0]
    assert runner.invoke(app, ["ingest", *LEGACY, "--db", str(db),
                               "--file-time-limit", "0"]).exit_code == 2


def test_bad_usage_exit_2(db: Path) -> None:
    assert runner.invoke(app, ["ingest", "/no/such/folder", "--db", str(db)]).exit_code == 2
    assert runner.invoke(app, ["ingest", *LEGACY, "--ocr", "sometimes"]).exit_code == 2
    assert runner.invoke(app, ["sql"]).exit_code == 2


def test_sql_csv_equals_library(db: Path) -> None:
    runner.invoke(app, ["ingest", *LEGACY, "--db", str(db)])
    query = ("select project_code, budget_allocated_thb, budget_spent_thb, progress_pct, status "
             "from projects order by project_code")
    result = runner.invoke(app, ["sql", query, "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["project_code", "budget_allocated_thb", "budget_spent_thb",
                       "progress_pct", "status"]
    assert rows[1:] == [["01000000-2456", "12000000.00", "55189.00", "40.00", "cancelled"],
                        ["04160000-3949", "0.00", "0.00", "20.00", "cancelled"]]
    lib = run_sql(db, query)
    assert [[str(v) for v in r] for r in lib.rows] == rows[1:]


def test_sql_error_exit_1(db: Path) -> None:
    runner.invoke(app, ["ingest", *LEGACY, "--db", str(db)])
    result = runner.invoke(app, ["sql", "select nope from projects", "--db", str(db)])
    assert result.exit_code == 1
    assert result.output.startswith("query: ")


def test_sql_is_read_only(db: Path) -> None:
    runner.invoke(app, ["ingest", *LEGACY, "--db", str(db)])
    result = runner.invoke(app, ["sql", "delete from projects", "--db", str(db)])
    assert result.exit_code == 1
    assert run_sql(db, "select count(*) from projects").rows == [(2,)]


def test_extract_json_equals_library() -> None:
    result = runner.invoke(app, ["extract", LEGACY[1], "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    lib = process_file(Path(LEGACY[1]))
    assert data["progress_updates"] == [r.model_dump(mode="json")
                                        for r in lib.rows("progress_updates")]
    assert len(data["progress_updates"]) == 13


def test_extract_takes_the_ocr_option_of_ingest() -> None:
    scanned = str(FIXTURES / "pdf" / "ocr_page.scanned.pdf")
    result = runner.invoke(app, ["extract", scanned, "--ocr", "never", "--format", "json"])
    assert result.exit_code == 3
    assert "--ocr never forbids OCR" in result.output
    text_layer = str(FIXTURES / "pdf" / "002_9d2ef115f542a230.pdf")
    result = runner.invoke(app, ["extract", text_layer, "--ocr", "never", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"][0]["ocr_used"] is False
    assert runner.invoke(app, ["extract", text_layer, "--ocr", "sometimes"]).exit_code == 2


def test_detect_prints_layout_and_score(tmp_path: Path) -> None:
    other = tmp_path / "x.txt"
    other.write_text("อื่น ๆ\n", encoding="utf-8")
    result = runner.invoke(app, ["detect", LEGACY[0], str(other)])
    lines = result.stdout.splitlines()
    assert lines[0] == f"{LEGACY[0]}\tlegacy_progress_form\t1.00"
    assert lines[1].split("\t")[1] == "unknown"
    assert result.exit_code == 3


def test_export_csv_and_parquet(db: Path, tmp_path: Path) -> None:
    runner.invoke(app, ["ingest", *LEGACY, "--db", str(db)])
    out = tmp_path / "updates.csv"
    result = runner.invoke(app, ["export", "progress_updates", "--format", "csv", "--out",
                                 str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 20
    pq = tmp_path / "latest.parquet"
    assert runner.invoke(app, ["export", "v_projects_latest", "--format", "parquet", "--out",
                               str(pq), "--db", str(db)]).exit_code == 0
    assert pq.stat().st_size > 0
    bad = runner.invoke(app, ["export", "nope", "--format", "csv", "--out",
                              str(tmp_path / "nope.csv"), "--db", str(db)])
    assert bad.exit_code == 1 and "no table or view 'nope'" in bad.output


def test_status_lists_quarantined(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not a report\n", encoding="utf-8")
    runner.invoke(app, ["ingest", str(bad), *LEGACY, "--db", str(db)])
    result = runner.invoke(app, ["status", "--db", str(db)])
    assert result.exit_code == 0
    assert "legacy_progress_form" in result.stdout
    assert "bad.txt" in result.stdout and "no known layout" in result.stdout


def test_status_without_warehouse_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["status", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no warehouse here yet" in result.output


def test_schema_writes_current_schemas(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == json_schemas()


def test_db_from_environment(db: Path) -> None:
    result = runner.invoke(app, ["ingest", *LEGACY], env={"BMA_ETL_DB": str(db)})
    assert result.exit_code == 0 and db.exists()


def test_status_shows_interrupted_runs_and_outdated(db: Path) -> None:
    import duckdb

    runner.invoke(app, ["ingest", *LEGACY, "--db", str(db)])
    con = duckdb.connect(str(db))
    con.execute("update ingest_runs set finished_at = null")
    con.execute("update documents set extractor_version = '0.0.1' where file_name like '000%'")
    con.close()
    result = runner.invoke(app, ["status", "--db", str(db)])
    assert "interrupted" in result.stdout
    assert "1 documents were extracted by another version" in result.stdout


def test_two_runs_within_a_second_order_by_started_at(db: Path, tmp_path: Path) -> None:
    # started_at keeps microseconds: two quick runs are told apart, and status lists the
    # latest first, shown to the second
    import duckdb

    bad = tmp_path / "bad.txt"
    bad.write_text("not a report\n", encoding="utf-8")
    runner.invoke(app, ["ingest", *LEGACY, "--db", str(db)])
    runner.invoke(app, ["ingest", str(bad), "--db", str(db)])
    con = duckdb.connect(str(db))
    runs = con.execute("select started_at, files_seen from ingest_runs "
                       "order by started_at").fetchall()
    con.close()
    assert [files for _, files in runs] == [len(LEGACY), 1]
    assert runs[0][0] < runs[1][0]
    out = runner.invoke(app, ["status", "--db", str(db)]).stdout
    shown = [line.split(":", 1)[1].strip() for line in out.splitlines()
             if line.startswith("started_at:")]
    assert shown == [f"{runs[1][0]:%Y-%m-%d %H:%M:%S}", f"{runs[0][0]:%Y-%m-%d %H:%M:%S}"]
