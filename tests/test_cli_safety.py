"""The CLI keeps its promises: `sql` only reads, `export` destroys nothing, errors are one line.

Every refusal is checked the same way: the exit code, one line on stderr with no
traceback, and not one byte changed in the folder that holds the warehouse.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from bma_etl import load
from bma_etl.cli import EXIT_CODES, app
from bma_etl.errors import LoadError, WarehouseError
from bma_etl.load import Warehouse
from bma_etl.pipeline import ingest

from repo_paths import ROOT, SAMPLES

LEGACY = [str(SAMPLES / "000_52cb5c31ec83ab03.txt"), str(SAMPLES / "002_9d2ef115f542a230.txt")]
runner = CliRunner()


@pytest.fixture
def wh(tmp_path: Path) -> Path:
    """A loaded warehouse alone in its own folder."""
    folder = tmp_path / "wh"
    folder.mkdir()
    db = folder / "w.duckdb"
    ingest([Path(p) for p in LEGACY], db)
    return db


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            if p.is_file() else "dir" for p in sorted(folder.rglob("*"))}


def _one_line_error(result: Any, code: int) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return str(lines[0])


# --- sql is read-only in fact ---------------------------------------------------------

WRITES = {
    "copy onto the warehouse": ("COPY (SELECT 1) TO '{db}'", "COPY writes"),
    "copy to any file": ("COPY (SELECT 1) TO '{folder}/x.csv'", "COPY writes"),
    "copy a table": ("COPY projects TO '{folder}/p.parquet' (FORMAT PARQUET)", "COPY writes"),
    "export database": ("EXPORT DATABASE '{folder}/dump'", "EXPORT writes"),
    "attach read-write": ("ATTACH '{folder}/other.duckdb' (READ_WRITE)", "ATTACH opens"),
    "attach then write": ("ATTACH '{folder}/o.duckdb' AS o; CREATE TABLE o.t AS SELECT 1",
                          "ATTACH opens"),
    "set": ("SET threads = 1", "SET changes a setting"),
    "unlock": ("SET lock_configuration = false", "SET changes a setting"),
    "reset": ("RESET enable_external_access", "RESET changes a setting"),
    "pragma": ("PRAGMA enable_profiling", "PRAGMA changes a setting"),
    "load": ("LOAD json", "LOAD installs or loads"),
    "install": ("INSTALL httpfs", "INSTALL installs or loads"),
    "checkpoint": ("CHECKPOINT", "CHECKPOINT runs a procedure"),
    "force checkpoint": ("FORCE CHECKPOINT", "FORCE runs a procedure"),
    "second statement drops": ("SELECT 1; DROP TABLE projects", "DROP changes the database"),
    "delete": ("DELETE FROM projects", "DELETE changes the database"),
    "temp table": ("CREATE TEMP TABLE t AS SELECT 1", "CREATE changes the database"),
    "transaction": ("BEGIN", "BEGIN changes the database"),
    "explain analyze runs the copy": ("EXPLAIN ANALYZE COPY (SELECT 1) TO '{folder}/x.csv'",
                                      "COPY writes"),
}


@pytest.mark.parametrize("name", list(WRITES))
def test_sql_refuses_every_write(name: str, wh: Path) -> None:
    query, says = WRITES[name]
    before = _snapshot(wh.parent)
    result = runner.invoke(app, ["sql", query.format(db=wh, folder=wh.parent), "--db", str(wh)])
    line = _one_line_error(result, 1)
    assert line.startswith(f"query: {says}"), line
    assert "read-only queries only" in line
    assert _snapshot(wh.parent) == before


@pytest.mark.parametrize("query", [
    "SELECT * FROM read_text('{secret}')",
    "SELECT * FROM read_csv('{secret}')",
    "SELECT * FROM glob('{outside}/*')",
    "SELECT * FROM '{secret}'",
    "COPY projects FROM '{secret}'",
])
def test_sql_reads_no_file_but_the_warehouse(query: str, wh: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.csv"
    secret.write_text("a,b\n1,2\n", encoding="utf-8")
    result = runner.invoke(app, ["sql", query.format(secret=secret, outside=outside),
                                 "--db", str(wh)])
    line = _one_line_error(result, 1)
    assert "secret" not in result.stdout
    assert "--allow-files" in line or "COPY writes or reads files" in line


def test_sql_allow_files_reads_there_only(wh: Path, tmp_path: Path) -> None:
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (allowed / "d.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "allowed-not.csv").write_text("a\n1\n", encoding="utf-8")
    ok = runner.invoke(app, ["sql", f"SELECT a + b AS s FROM read_csv('{allowed}/d.csv')",
                             "--db", str(wh), "--allow-files", str(allowed), "--format", "csv"])
    assert ok.exit_code == 0, ok.output
    assert ok.stdout == "s\n3\n"
    # a prefix of the folder's name is not the folder
    sibling = runner.invoke(app, ["sql", f"SELECT * FROM read_csv('{tmp_path}/allowed-not.csv')",
                                  "--db", str(wh), "--allow-files", str(allowed)])
    assert "--allow-files" in _one_line_error(sibling, 1)
    # and reading there does not make writing there possible
    before = _snapshot(tmp_path)
    write = runner.invoke(app, ["sql", f"EXPLAIN ANALYZE COPY (SELECT 1) TO '{allowed}/x.csv'",
                                "--db", str(wh), "--allow-files", str(allowed)])
    _one_line_error(write, 1)
    assert _snapshot(tmp_path) == before


def test_sql_allow_files_must_exist(wh: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["sql", "SELECT 1", "--db", str(wh),
                                 "--allow-files", str(tmp_path / "nope")])
    assert "no such file or folder" in _one_line_error(result, 2)


@pytest.mark.parametrize("query", ["", "   ", ";", "/* nothing */"])
def test_sql_empty_query_is_bad_usage(query: str, wh: Path) -> None:
    result = runner.invoke(app, ["sql", query, "--db", str(wh)])
    assert _one_line_error(result, 2).startswith("query: the query is empty")


def test_sql_still_runs_queries(wh: Path) -> None:
    for query in ("DESCRIBE projects", "SHOW TABLES", "SUMMARIZE projects",
                  "EXPLAIN SELECT * FROM projects", "FROM v_projects_latest",
                  "WITH p AS (SELECT * FROM projects) SELECT count(*) FROM p",
                  "SELECT current_setting('enable_external_access')"):
        result = runner.invoke(app, ["sql", query, "--db", str(wh), "--format", "csv"])
        assert result.exit_code == 0, (query, result.output)
    settings = runner.invoke(app, ["sql", "SELECT current_setting('lock_configuration') AS l",
                                   "--db", str(wh), "--format", "csv"])
    assert settings.stdout.lower() == "l\ntrue\n"


# --- export cannot destroy anything -----------------------------------------------------

def _export(wh: Path, out: Path, *extra: str) -> Any:
    return runner.invoke(app, ["export", "projects", "--format", "csv", "--out", str(out),
                               "--db", str(wh), *extra])


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_export_refuses_the_warehouse(wh: Path, force: list[str]) -> None:
    before = _snapshot(wh.parent)
    line = _one_line_error(_export(wh, wh, *force), 2)
    assert "this is the warehouse" in line
    # also when named another way
    _one_line_error(_export(wh, wh.parent / ".." / wh.parent.name / wh.name, *force), 2)
    assert _snapshot(wh.parent) == before


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_export_refuses_any_duckdb_file(wh: Path, tmp_path: Path, force: list[str]) -> None:
    other = tmp_path / "analysis.db"  # a DuckDB file by its bytes, whatever its name
    duckdb.connect(str(other)).close()
    before = other.read_bytes()
    line = _one_line_error(_export(wh, other, *force), 2)
    assert "is a DuckDB database" in line
    assert other.read_bytes() == before


def test_export_replaces_a_file_only_with_force(wh: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.csv"
    out.write_text("keep me\n", encoding="utf-8")
    assert "give --force" in _one_line_error(_export(wh, out), 2)
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert _export(wh, out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8-sig").startswith("doc_id,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.csv", "wh"]


def test_export_bad_output_paths_are_one_line(wh: Path, tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    assert "is a file, not a folder" in _one_line_error(_export(wh, a_file / "x.csv"), 2)
    assert "is a folder" in _one_line_error(_export(wh, tmp_path), 2)
    made = _export(wh, tmp_path / "new" / "deeper" / "p.csv")
    assert made.exit_code == 0 and (tmp_path / "new" / "deeper" / "p.csv").exists()


def test_export_failing_at_the_end_leaves_the_old_file(wh: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "p.csv"
    out.write_text("old\n", encoding="utf-8")

    def full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    line = _one_line_error(_export(wh, out, "--force"), 1)
    assert line == f"export: {out}: cannot write here (No space left on device)"
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.csv", "wh"]  # no temporary left


# --- errors: exit codes, one line, -v for the traceback ------------------------------------

def test_missing_input_path_exits_2_everywhere(tmp_path: Path) -> None:
    nope = str(tmp_path / "nope.txt")
    for args in (["ingest", nope, "--db", str(tmp_path / "w.duckdb")], ["detect", nope],
                 ["extract", nope], ["status", "--db", nope], ["sql", "SELECT 1", "--db", nope],
                 ["export", "projects", "--format", "csv", "--out", str(tmp_path / "o.csv"),
                  "--db", nope]):
        _one_line_error(runner.invoke(app, args), 2)


def test_ingest_db_in_a_missing_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", LEGACY[0], "--db",
                                 str(tmp_path / "missing-dir" / "w.duckdb")])
    assert "no such folder" in _one_line_error(result, 2)
    assert not (tmp_path / "missing-dir").exists()


def test_schema_out_is_a_file(tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    out.write_text("x", encoding="utf-8")
    assert "is a file" in _one_line_error(runner.invoke(app, ["schema", "--out", str(out)]), 2)


def test_warehouse_messages_do_not_say_load_outside_a_load(tmp_path: Path) -> None:
    result = runner.invoke(app, ["status", "--db", str(tmp_path / "w.duckdb")])
    assert _one_line_error(result, 2).startswith("warehouse: ")


def _damage(db: Path) -> None:
    # The first block after the three headers; its checksum no longer matches.
    data = bytearray(db.read_bytes())
    data[12288 + 100:12288 + 164] = b"\xff" * 64
    db.write_bytes(bytes(data))


def test_damaged_warehouse_is_named_at_once(wh: Path) -> None:
    _damage(wh)
    for args in (["status"], ["sql", "SELECT count(*) FROM projects"],
                 ["ingest", LEGACY[0], "--workers", "1"],
                 ["export", "projects", "--format", "csv", "--out", str(wh.parent / "p.csv")]):
        began = time.monotonic()
        line = _one_line_error(runner.invoke(app, [*args, "--db", str(wh)]), 1)
        assert time.monotonic() - began < 10, args  # no waiting for a "lock"
        assert "the warehouse file is damaged" in line and "restore it from a backup" in line
        assert "in use by another process" not in line


def test_lock_contention_is_still_recognised(wh: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(wh)!r}); "
         "print('ok', flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        result = runner.invoke(app, ["ingest", LEGACY[0], "--db", str(wh), "--wait", "0.3"])
        assert "in use by another process" in _one_line_error(result, 1)
    finally:
        holder.kill()
        holder.wait()


def test_verbose_shows_the_traceback(wh: Path) -> None:
    _damage(wh)
    quiet = runner.invoke(app, ["status", "--db", str(wh)])
    loud = runner.invoke(app, ["-v", "status", "--db", str(wh)])
    assert "Traceback" not in quiet.output and "Traceback" in loud.output
    assert loud.exit_code == 1


class _FullDisk:
    """A connection whose COMMIT fails as on a full disk (DuckDB ends the transaction)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def execute(self, sql: str, *args: Any) -> Any:
        if sql == "COMMIT":
            self.con.execute("ROLLBACK")
            raise duckdb.TransactionException(
                'TransactionContext Error: Failed to commit: Could not write file "w.duckdb.wal":'
                " No space left on device")
        return self.con.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)


def test_disk_full_at_commit_is_a_warehouse_error(db: Path) -> None:
    from bma_etl.pipeline import process_file

    tables = process_file(Path(LEGACY[0])).tables
    with Warehouse(db) as w:
        real = w.con
        w.con = _FullDisk(real)  # type: ignore[assignment]
        with pytest.raises(WarehouseError, match="the disk is full") as caught:
            w.load(tables)
        assert not isinstance(caught.value, LoadError)  # not the document's fault
        w.con = real
        assert w.con.execute("SELECT count(*) FROM documents").fetchone() == (0,)


def test_disk_full_ends_ingest_in_one_line(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = load._insert

    def insert(con: duckdb.DuckDBPyConnection, table: str, rows: Any) -> None:
        if table == "documents":
            raise duckdb.IOException('IO Error: Could not write file "w.duckdb.wal": '
                                     "No space left on device")
        real(con, table, rows)

    monkeypatch.setattr(load, "_insert", insert)
    result = runner.invoke(app, ["ingest", *LEGACY, "--db", str(db), "--workers", "1"])
    line = _one_line_error(result, 1)
    assert line.startswith("warehouse: ") and "the disk is full" in line


def test_exit_codes_in_readme_and_help() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert EXIT_CODES in readme
    for args in (["--help"], ["ingest", "--help"], ["sql", "--help"], ["export", "--help"]):
        shown = " ".join(runner.invoke(app, args).output.split())
        assert "Exit codes (every command): 0 done; 3 finished" in shown, args
        assert "1 anything else" in shown, args


def test_csv_export_opens_in_excel_with_thai_intact(tmp_path: Path) -> None:
    """CSV starts with the UTF-8 BOM (Excel's cue), lists read as text; --no-bom omits it."""
    import csv
    import io

    from bma_etl.pipeline import ingest

    db = tmp_path / "w.duckdb"
    ingest([ROOT / "samples" / "000_52cb5c31ec83ab03.txt"], db)
    out = tmp_path / "projects.csv"
    done = CliRunner().invoke(app, ["export", "projects", "--format", "csv", "--out", str(out),
                                    "--db", str(db)])
    assert done.exit_code == 0, done.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    (row,) = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert row["project_code"] == "04160000-3949"
    assert "สำนัก" in row["agency"] and not row["objectives"].startswith("[")
    plain = tmp_path / "plain.csv"
    CliRunner().invoke(app, ["export", "projects", "--format", "csv", "--out", str(plain),
                             "--db", str(db), "--no-bom"])
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")


def test_flags_show_no_value_placeholder_in_help() -> None:
    """`--force <bool>` invited `--force true`: flags are shown bare."""
    for command in (["ingest", "--help"], ["export", "--help"], ["--help"]):
        shown = CliRunner().invoke(app, command, env={"COLUMNS": "100"}).output
        lines = [ln for ln in shown.splitlines()
                 if "--force" in ln or "--version" in ln or "--retry-quarantined" in ln]
        assert lines and not any("<bool>" in ln for ln in lines), lines


def test_sql_allow_files_refuses_a_link_leading_out(wh: Path, tmp_path: Path) -> None:
    """DuckDB follows links: a link inside an allowed folder would read any file."""
    allowed = tmp_path / "allowed"
    (allowed / "sub").mkdir(parents=True)
    secret = tmp_path / "secret.csv"
    secret.write_text("a\nsecret-value-q7\n", encoding="utf-8")
    (allowed / "sub" / "s.csv").symlink_to(secret)
    out = runner.invoke(app, ["sql", f"SELECT * FROM read_csv('{allowed}/sub/s.csv')",
                              "--db", str(wh), "--allow-files", str(allowed)])
    line = _one_line_error(out, 2)
    assert "leads outside" in line and "secret-value-q7" not in out.output
    both = runner.invoke(app, ["sql", f"SELECT * FROM read_csv('{allowed}/sub/s.csv')",
                               "--db", str(wh), "--allow-files", str(allowed),
                               "--allow-files", str(secret), "--format", "csv"])
    assert both.exit_code == 0, both.output
