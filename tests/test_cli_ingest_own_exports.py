"""``ingest`` over a folder that also holds this tool's own CSV exports: skipped, said so.

``ingest`` reads ``.csv`` files (a sheet saved as CSV) since 0.20.0. An analyst who ran
``bma-etl export projects --out in/projects.csv`` into an input folder had the
warehouse's own rows quarantined as an unknown layout by the next run (exit 3).
A CSV whose header is a warehouse table's or view's columns, whole and in order
(:mod:`bma_etl.own_exports`), is now skipped: a line names it and the table, the
summary counts it, the exit code is what the reports make it.

The folder is built here: a generated history page and a plan saved as CSV (a sheet's
CSV, still read), the warehouse's exports written by ``export`` (with and without the
byte order mark, a table and a view), and a CSV of two of a table's columns (no export
of a whole table: still read, and quarantined).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from bma_etl.cli import app
from bma_etl.query import run_sql

from corpus.build import GENERATORS, _rng

runner = CliRunner()


def _sheet_csv(text: str) -> str:
    """``text``'s lines as a sheet's CSV rows (tab cells as cells)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for line in text.split("\n"):
        writer.writerow(line.split("\t") if line.strip() else [])
    return out.getvalue()


def _ingest(folder: Path, db: Path, *more: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "1",
                                 *more])
    return result.exit_code, result.stdout, result.stderr


def test_own_csv_exports_in_an_input_folder_are_skipped_and_counted(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    history = GENERATORS["web_history"](_rng(441, "web_history", 0))
    (folder / "history.txt").write_text(history.text, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    code, _, err = _ingest(folder, db)
    assert code == 0, err
    exports = {"projects.csv": ["projects"], "updates.csv": ["progress_updates", "--no-bom"],
               "latest.csv": ["v_projects_latest"]}
    for name, (table, *options) in exports.items():
        done = runner.invoke(app, ["export", table, "--out", str(folder / name), "--db", str(db),
                                   *options])
        assert done.exit_code == 0, done.output
    plan = GENERATORS["plan"](_rng(441, "plan", 0))
    (folder / "plan.csv").write_text(_sheet_csv(plan.text), encoding="utf-8")
    (folder / "two_columns.csv").write_text("doc_id,project_code\nab12,50300000-8123\n",
                                            encoding="utf-8")

    code, _, err = _ingest(folder, db)
    assert code == 3, err  # two_columns.csv: quarantined as before
    lines = err.splitlines()
    for name, (table, *_) in exports.items():
        assert (f"skipped     {folder / name}  bma-etl's own export of {table} "
                "(its header is the table's columns), not a report") in lines
    assert any(line.startswith(f"quarantined {folder / 'two_columns.csv'}") for line in lines)
    assert lines[-1].startswith("3 files: 1 loaded, 1 unchanged, 1 quarantined, "
                                "3 skipped (bma-etl's own exports) in ")
    stored = run_sql(db, "SELECT file_name, layout FROM documents ORDER BY file_name").rows
    assert stored == [("history.txt", "web_progress_history"), ("plan.csv", "annual_action_plan"),
                      ("two_columns.csv", "unknown")]
    # started_at is kept to the microsecond, so the latest of two quick runs is the second
    skipped = [row[0] for row in run_sql(
        db, "SELECT skipped FROM ingest_runs ORDER BY started_at").rows]
    assert skipped == [0, 3]  # the first run met no export; the second skipped three

    (folder / "two_columns.csv").unlink()
    code, out, err = _ingest(folder, tmp_path / "j.duckdb", "--log-json")
    assert code == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    assert sorted((e["path"], e["export_of"]) for e in events if e["event"] == "skipped") == \
        sorted((str(folder / name), table) for name, (table, *_) in exports.items())
    (run,) = [e for e in events if e["event"] == "run"]
    assert (run["exports"], run["loaded"], run["exit_code"]) == (3, 2, 0)
