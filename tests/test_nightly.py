"""The nightly job: crash safety, readers during a run, parallel output, re-extraction."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from bma_etl import __version__
from bma_etl.layouts.base import RepairedText
from bma_etl.pipeline import FileOutcome, ingest
from bma_etl.query import run_sql
from bma_etl.records import Record

from repo_paths import FIXTURES, SAMPLES

TABLES = ("documents", "projects", "progress_updates", "monthly_progress", "indicators",
          "plans", "plan_projects", "plan_sections", "plan_indicators", "plan_scoring_levels",
          "plan_steps", "plan_swot_items", "plan_kpi_definitions", "quality_issues", "provenance",
          "document_texts")
VOLATILE = {"run_id", "ingested_at", "source_path", "file_name"}


def make_corpus(folder: Path, copies: int) -> Path:
    """``copies`` distinct files per sample: the same text with a different trailing line."""
    folder.mkdir(parents=True, exist_ok=True)
    for sample in sorted(SAMPLES.iterdir()):
        text = sample.read_text(encoding="utf-8")
        for i in range(copies):
            (folder / f"{sample.stem}_{i:04d}.txt").write_text(f"{text}\n\nสำเนา {i}\n",
                                                               encoding="utf-8")
    return folder


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows without the columns that name the run, sorted."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            cols = [r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_name = ? "
                "order by ordinal_position", [table]).fetchall() if r[0] not in VOLATILE]
            rows = con.execute(f"select {', '.join(cols)} from {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "bma_etl", *args]


def test_output_is_identical_whatever_the_workers(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", 3)
    shutil.copytree(FIXTURES / "variants", corpus / "variants")
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    assert ingest([corpus], one, workers=1).loaded > 0
    ingest([corpus], two, workers=2)
    assert snapshot(one) == snapshot(two)


def test_kill_9_mid_run_leaves_it_consistent_and_next_run_completes(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", 120)  # 600 files: a few batches
    db, clean = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    proc = subprocess.Popen(_cli("ingest", str(corpus), "--db", str(db), "--workers", "1",
                                 "--log-json"), stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    seen = 0
    for _line in proc.stdout:
        seen += 1
        if seen >= 300:  # past the first batch's commit, inside a later one
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    con = duckdb.connect(str(db), read_only=True)
    loaded = con.execute("select count(*) from documents where status = 'loaded'").fetchone()[0]
    assert 0 < loaded < 600
    # Every document is whole: a text, and as many rows as its sample has; no orphans.
    assert con.execute("select count(*) from document_texts").fetchone()[0] == loaded
    for table in TABLES[1:]:
        assert con.execute(f"select count(*) from {table} where doc_id not in "
                           "(select doc_id from documents)").fetchone()[0] == 0, table
    per_doc = con.execute(
        "select d.file_name, count(u.ordinal) from documents d left join progress_updates u "
        "using (doc_id) where d.layout = 'legacy_progress_form' group by all").fetchall()
    for name, count in per_doc:
        assert count == (7 if name.startswith("000_") else 13), name
    unfinished = con.execute("select count(*) from ingest_runs where finished_at is null")
    assert unfinished.fetchone()[0] == 1
    con.close()

    again = subprocess.run(_cli("ingest", str(corpus), "--db", str(db), "--workers", "2"),
                           capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"{loaded} unchanged" in again.stderr
    ingest([corpus], clean, workers=2)
    assert snapshot(db) == snapshot(clean)


def test_reader_queries_throughout_a_long_ingest(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", 160)
    db = tmp_path / "w.duckdb"
    ingest([SAMPLES / "000_52cb5c31ec83ab03.txt"], db)
    proc = subprocess.Popen(_cli("ingest", str(corpus), "--db", str(db), "--workers", "1"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    counts = []
    try:
        while proc.poll() is None:
            counts.append(run_sql(db, "select count(*) from documents").rows[0][0])
            time.sleep(0.05)
    finally:
        proc.wait()
    assert proc.returncode == 0
    assert counts == sorted(counts), "a reader saw rows disappear"
    assert len(set(counts)) >= 2, "the reader never saw the warehouse between batches"
    assert run_sql(db, "select count(*) from documents").rows[0][0] == 801


def test_reextract_outdated_reads_old_documents_again(tmp_path: Path, db: Path) -> None:
    sample = SAMPLES / "002_9d2ef115f542a230.txt"
    ingest([sample, SAMPLES / "000_52cb5c31ec83ab03.txt"], db)
    con = duckdb.connect(str(db))
    con.execute("update documents set extractor_version = '0.0.1' where file_name = ?",
                [sample.name])
    con.close()
    summary = ingest([], db, reextract_outdated=True)
    assert (summary.files_seen, summary.loaded) == (1, 1)
    versions = run_sql(db, "select distinct extractor_version from documents").rows
    assert versions == [(__version__,)]
    assert run_sql(db, "select count(*) from progress_updates").rows == [(20,)]


@pytest.mark.parametrize("name", ["ไฟล์ รายงาน ๒๕๖๓.txt", "space name.txt"])
def test_thai_and_spaced_paths(tmp_path: Path, db: Path, name: str) -> None:
    folder = tmp_path / "โฟลเดอร์ งาน"
    folder.mkdir()
    shutil.copy(SAMPLES / "000_52cb5c31ec83ab03.txt", folder / name)
    assert ingest([folder], db).loaded == 1
    assert run_sql(db, "select file_name from documents").rows == [(name,)]


def test_symlink_loop_and_unreadable_file(tmp_path: Path, db: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    shutil.copy(SAMPLES / "000_52cb5c31ec83ab03.txt", folder / "a.txt")
    shutil.copy(SAMPLES / "002_9d2ef115f542a230.txt", folder / "locked.txt")
    real = os.open

    def open_(path: str | Path, flags: int, *args: int, **kwargs: int) -> int:
        if Path(path).name == "locked.txt":  # as root, chmod 0 would not stop the read
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    summary = ingest([folder], db)
    assert (summary.files_seen, summary.loaded, summary.quarantined) == (2, 1, 1)
    error = run_sql(db, "select error from documents where status = 'quarantined'").rows[0][0]
    assert error == f"read: {folder / 'locked.txt'}: permission denied; make the file readable"


def _ingest_spoiling_one(tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch,
                        name: str, spoil: Callable[[list[Record]], None]) -> FileOutcome:
    """Ingest two copies of each sample after ``spoil`` has altered one file's
    progress_updates; check the others loaded and return the one quarantined."""
    from bma_etl import pipeline, pipeline_worker

    folder = make_corpus(tmp_path / "in", 2)
    real = pipeline.process_file

    def spoiling(path: Path, **kwargs: object) -> pipeline.Processed:
        processed = real(path, **kwargs)  # type: ignore[arg-type]
        if path.name == name:
            spoil(processed.tables["progress_updates"])
        return processed

    monkeypatch.setattr(pipeline_worker, "process_file", spoiling)
    summary = ingest([folder], db)
    assert (summary.loaded, summary.quarantined) == (9, 1)
    counts = run_sql(db, "select status, count(*) from documents group by 1 order by 1").rows
    assert counts == [("loaded", 9), ("quarantined", 1)]
    orphans = run_sql(db, "select count(*) from progress_updates where doc_id not in "
                          "(select doc_id from documents where status = 'loaded')").rows
    assert orphans == [(0,)]
    [bad] = summary.quarantined_files
    assert bad.path.name == name
    return bad


def test_value_beyond_its_column_quarantines_that_file_only(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Validation keeps values within the columns' types; should one slip through, the
    # worker's Arrow conversion quarantines that file and the rest of its chunk loads.
    def too_big(rows: list[Record]) -> None:
        rows[0] = rows[0].model_construct(**{**dict(rows[0]),
                                             "budget_disbursed_thb": Decimal("1E+40")})

    name = "000_52cb5c31ec83ab03_0001.txt"
    bad = _ingest_spoiling_one(tmp_path, db, monkeypatch, name, too_big)
    assert "does not fit" in (bad.error or "")


def test_document_the_warehouse_refuses_is_quarantined_and_its_batch_loads(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A key the warehouse refuses fails the batch's transaction; the batch is then
    # loaded document by document and only the refused one is quarantined.
    def duplicate_key(rows: list[Record]) -> None:
        rows.append(rows[0])

    name = "002_9d2ef115f542a230_0000.txt"
    bad = _ingest_spoiling_one(tmp_path, db, monkeypatch, name, duplicate_key)
    assert "load failed" in (bad.error or "")


def _regex_that_never_ends() -> None:
    # Catastrophic backtracking: the interpreter is held in C code for ages.
    re.match(r"(a+)+$", "a" * 64 + "b")


def _crash() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.mark.parametrize("trouble", [_regex_that_never_ends, _crash], ids=["hang", "crash"])
def test_file_that_hangs_or_crashes_its_worker_is_quarantined_and_the_run_goes_on(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch, trouble: Callable[[], None]
) -> None:
    from bma_etl import pipeline, pipeline_file, pipeline_ingest, pipeline_worker
    from bma_etl.read import SourceDocument

    folder = make_corpus(tmp_path / "in", 2)
    (folder / "zz_trouble.txt").write_text(
        (SAMPLES / "000_52cb5c31ec83ab03.txt").read_text(encoding="utf-8") + "\nTROUBLE\n",
        encoding="utf-8")
    real = pipeline.repair

    def troubled(source: SourceDocument) -> RepairedText:
        if source.path.name == "zz_trouble.txt":
            trouble()
        return real(source)

    # Small batches and chunks: the trouble strikes while the next batch is in flight.
    monkeypatch.setattr(pipeline_file, "repair", troubled)
    monkeypatch.setattr(pipeline_ingest, "BATCH_SIZE", 4)
    monkeypatch.setattr(pipeline_worker, "CHUNK_SIZE", 2)  # chunk_sizes reads it there
    summary = ingest([folder], db, workers=2, file_time_limit=1.0)
    assert (summary.files_seen, summary.loaded, summary.quarantined) == (11, 10, 1)
    [bad] = summary.quarantined_files
    assert bad.path.name == "zz_trouble.txt"
    assert "time limit (1 s) or crashed" in (bad.error or "")
    rows = run_sql(db, "select status, count(*) from documents group by 1 order by 1").rows
    assert rows == [("loaded", 10), ("quarantined", 1)]


def test_time_limits_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                          caplog: pytest.LogCaptureFixture) -> None:
    from bma_etl.pipeline import DEFAULT_FILE_TIME_LIMIT, default_file_time_limit

    monkeypatch.setenv("BMA_ETL_FILE_TIMEOUT", "45")
    assert default_file_time_limit() == 45.0
    monkeypatch.setenv("BMA_ETL_FILE_TIMEOUT", "two minutes")
    assert default_file_time_limit() == DEFAULT_FILE_TIME_LIMIT
    assert "BMA_ETL_FILE_TIMEOUT='two minutes' is not a number of seconds" in caplog.text


def test_slow_batches_load_and_report_files_as_they_finish(
        tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch whose extraction takes long (OCR) is loaded in parts: files are kept,
    and reported, while later files of the same batch are still being extracted."""
    import bma_etl.pipeline as pipeline
    import bma_etl.pipeline_batch as pipeline_batch

    folder = tmp_path / "in"
    folder.mkdir()
    samples = sorted(SAMPLES.glob("*.txt"))
    for i in range(3 * pipeline.CHUNK_SIZE):
        text = samples[i % len(samples)].read_text(encoding="utf-8") + "\n" * (1 + i)
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    events: list[str] = []
    real_work = pipeline_batch._work

    def work(chunk):  # type: ignore[no-untyped-def]
        events.append("extract")
        return real_work(chunk)

    stored: list[int] = []

    def on_file(outcome: FileOutcome) -> None:
        events.append("file")
        stored.append(run_sql(db, "select count(*) from documents").rows[0][0])

    monkeypatch.setattr(pipeline_batch, "_work", work)
    monkeypatch.setattr(pipeline_batch, "LOAD_EVERY", 0.0)  # every chunk counts as slow
    summary = ingest([folder], db, workers=1, on_file=on_file)
    assert summary.loaded == 3 * pipeline.CHUNK_SIZE
    assert events.index("file") < len(events) - 1 - events[::-1].index("extract")
    assert stored[0] > 0, "a reported file is already in the warehouse"
    assert run_sql(db, "select count(*) from documents").rows[0][0] == summary.loaded


def test_loads_overlap_extraction_and_the_run_ends_with_the_last_load(
        tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With workers that leave a core idle, what has come back loads while the rest
    is extracted, and the run's end row is written in the last load's write, not one
    of its own; a re-run that loads nothing still records its end."""
    import bma_etl.load as load
    import bma_etl.pipeline_batch as pipeline_batch
    import bma_etl.pipeline_ingest as pipeline_ingest

    folder = make_corpus(tmp_path / "in", 3)
    opened: list[bool] = []
    real_init = load.Warehouse.__init__

    def counted(self: load.Warehouse, *args: object, **kwargs: object) -> None:
        opened.append(True)
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(load.Warehouse, "__init__", counted)
    monkeypatch.setattr(pipeline_batch, "LOAD_WORK", 0.0)  # any file waiting is worth a load
    monkeypatch.setattr(pipeline_batch, "LOAD_SHARE", 1000)
    monkeypatch.setattr(pipeline_ingest, "spare_core", lambda workers: True)
    first = ingest([folder], db, workers=2)
    files = len(list(folder.iterdir()))
    assert (first.loaded, first.quarantined) == (files, 0)
    runs = run_sql(db, "select loaded, finished_at is not null from ingest_runs").rows
    assert runs == [(files, True)]
    assert len(opened) >= 2  # the run's start, then at least one load (with the end)
    opened.clear()
    monkeypatch.setattr(pipeline_batch, "LOAD_WORK", 1e9)  # one load at the batch's end
    ingest([folder], db, workers=1, force=True)
    assert len(opened) == 2, "start, then the batch's one write with the run's end"
    again = ingest([folder], db, workers=2)
    assert again.unchanged == files
    rows = run_sql(db, "select count(*) from ingest_runs where finished_at is null").rows
    assert rows == [(0,)]


def test_without_a_spare_core_a_batch_loads_once(
        tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the workers take every core, a write while they extract would only take
    CPU from them: the batch loads in one write, with the run's end; the run's start
    is written while the workers extract the first batch."""
    import bma_etl.load as load
    import bma_etl.pipeline_batch as pipeline_batch
    import bma_etl.pipeline_ingest as pipeline_ingest

    folder = make_corpus(tmp_path / "in", 3)
    loads: list[int] = []
    real_load = load.Warehouse.load_arrow

    def counted(self: load.Warehouse, *args: object, **kwargs: object) -> None:
        loads.append(1)
        real_load(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(load.Warehouse, "load_arrow", counted)
    monkeypatch.setattr(pipeline_batch, "LOAD_WORK", 0.0)  # any file waiting would be worth it
    monkeypatch.setattr(pipeline_batch, "LOAD_SHARE", 1000)
    monkeypatch.setattr(pipeline_ingest, "spare_core", lambda workers: False)
    summary = ingest([folder], db, workers=2)
    files = len(list(folder.iterdir()))
    assert (summary.loaded, summary.quarantined) == (files, 0)
    assert len(loads) == 1
    runs = run_sql(db, "select loaded, files_seen, finished_at is not null from ingest_runs").rows
    assert runs == [(files, files, True)]
