"""One worker killed during a slow file loses that file only.

With ``--workers 1`` (or a one-core machine) the files were extracted in this
process, and what came back loaded every ``LOAD_EVERY`` seconds, counted after a
file ended: the text files read in the seconds before a 16 s scan waited for the
scan, and ``kill -9`` during its OCR lost them (the next run read them again). A
file still in hand after ``LOAD_SOON`` seconds now has the files before it loaded
meanwhile. The slow file here is a PDF whose reading the test holds up (no OCR).

``status`` showed such a killed run with ``files_seen`` 0: the run's row was
written at its start with no counts and at its end with all of them. It is
written with the files found at the start and with the counts so far at each load.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

import bma_etl.pipeline_worker
from bma_etl.pipeline import ingest
from bma_etl.query import status
from bma_etl.records import DOCUMENT_MODELS

from repo_paths import SAMPLES

BIN = Path(sys.executable).parent / "bma-etl"
TABLES = [m.table for m in DOCUMENT_MODELS]

#: Runs ``bma-etl ingest`` with every PDF's reading held up for a minute.
HELD_UP = """
import sys, time
import bma_etl.pipeline_worker as worker
read = worker.process_file
def held_up(path, **kwargs):
    if path.suffix == ".pdf":
        time.sleep(60)
    return read(path, **kwargs)
worker.process_file = held_up
from bma_etl.cli import main
sys.argv = ["bma-etl", *sys.argv[1:]]
main()
"""


def _inbox(tmp_path: Path) -> tuple[Path, set[str]]:
    """Text files (the samples, each under a new name) and a PDF sorted after them."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names = set()
    for i, sample in enumerate(sorted(SAMPLES.glob("*.txt"))):
        (inbox / f"a{i}_{sample.name}").write_bytes(sample.read_bytes() + b"\n" * i)
        names.add(f"a{i}_{sample.name}")
    (inbox / "z_scan.pdf").write_bytes(b"%PDF-1.4\nnot a whole PDF\n")
    return inbox, names


def _read(db: Path, sql: str) -> list[tuple[object, ...]] | None:
    """``sql``'s rows, or None while the run holds the warehouse (or has not made it)."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return None
    try:
        return con.execute(sql).fetchall()
    except duckdb.Error:
        return None
    finally:
        con.close()


def _counts(db: Path) -> dict[str, int]:
    rows = _read(db, " UNION ALL ".join(f"SELECT '{t}', count(*) FROM {t}" for t in TABLES))
    assert rows is not None
    return {str(t): int(n) for t, n in rows}  # type: ignore[call-overload]


def _orphans(db: Path) -> int:
    rows = _read(db, " UNION ALL ".join(
        f"SELECT count(*) FROM {t} WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
        for t in TABLES if t != "documents"))
    assert rows is not None
    return sum(int(n) for n, in rows)  # type: ignore[call-overload]


def _run(*args: str, held_up: bool = False) -> subprocess.Popen[bytes]:
    env = {**os.environ, "BMA_ETL_CACHE": "off"}
    command = [sys.executable, "-c", HELD_UP] if held_up else [str(BIN)]
    return subprocess.Popen([*command, "ingest", *args, "--workers", "1"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_files_done_before_a_slow_file_load_while_it_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, names = _inbox(tmp_path)
    reported: set[str] = set()
    all_reported = threading.Event()
    read = bma_etl.pipeline_worker.process_file

    during: list[set[str]] = []

    def held_up(path: Path, **kwargs: object):  # type: ignore[no-untyped-def]
        if path.suffix == ".pdf":  # the text files load while this file is in hand
            all_reported.wait(15)
            during.append(set(reported))
        return read(path, **kwargs)  # type: ignore[arg-type]

    def on_file(outcome: object) -> None:
        reported.add(outcome.path.name)  # type: ignore[attr-defined]
        if names <= reported:
            all_reported.set()

    monkeypatch.setattr(bma_etl.pipeline_worker, "process_file", held_up)
    summary = ingest([inbox], tmp_path / "w.duckdb", workers=1, on_file=on_file)
    assert during == [names]
    assert (summary.loaded, summary.quarantined) == (len(names), 1)


def test_kill_during_a_slow_file_keeps_the_files_before_it(tmp_path: Path) -> None:
    inbox, names = _inbox(tmp_path)
    clean = tmp_path / "clean.duckdb"
    assert _run(str(inbox), "--db", str(clean)).wait(timeout=120) == 3
    want = _counts(clean)
    db = tmp_path / "killed.duckdb"
    proc = _run(str(inbox), "--db", str(db), held_up=True)
    deadline = time.monotonic() + 60
    loaded: list[tuple[object, ...]] | None = None
    while time.monotonic() < deadline and proc.poll() is None:
        loaded = _read(db, "SELECT file_name FROM documents")
        if loaded and len(loaded) == len(names):
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert loaded is not None and {n for n, in loaded} == names
    assert _orphans(db) == 0
    # status shows the killed run with the files it found and those it loaded.
    runs = status(db).runs.as_dicts()
    assert [(r["finished_at"], r["files_seen"], r["loaded"]) for r in runs] == [
        ("interrupted", len(names) + 1, len(names))]
    # The next run reads the PDF only, and the warehouse ends as after a clean run.
    assert _run(str(inbox), "--db", str(db)).wait(timeout=120) == 3
    runs = _read(db, "SELECT loaded, unchanged, quarantined FROM ingest_runs "
                     "WHERE finished_at IS NOT NULL")
    assert runs == [(0, len(names), 1)]
    assert _counts(db) == want


def test_kill_at_any_point_of_a_one_worker_run_then_rerun_equals_a_clean_run(
        tmp_path: Path) -> None:
    inbox, _ = _inbox(tmp_path)
    clean = tmp_path / "clean.duckdb"
    assert _run(str(inbox), "--db", str(clean)).wait(timeout=120) == 3
    want = _counts(clean)
    rng = random.Random(11)
    for trial in range(4):
        db = tmp_path / f"killed{trial}.duckdb"
        proc = _run(str(inbox), "--db", str(db), held_up=True)
        time.sleep(rng.uniform(0.5, 5.0))  # starting, the first write, the texts, the PDF
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if _read(db, "SELECT count(*) FROM documents") is not None:  # tables made
            assert _orphans(db) == 0, f"trial {trial}"
        assert _run(str(inbox), "--db", str(db)).wait(timeout=120) == 3, f"trial {trial}"
        assert _orphans(db) == 0
        assert _counts(db) == want, f"trial {trial}"
