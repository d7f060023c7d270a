"""``kill -9`` of ``ingest`` inside its write window: no row is visible without its
document, no worker outlives the run, and the re-run gives exactly the rows of a
clean run (nothing doubled, nothing orphaned).

The writer turns DuckDB's optimistic writes off (``load.DUCKDB_CONFIG``): with them,
a kill inside a commit brought back rows of the killed batch. ``make bench`` runs
20 kills (bench/kill_trials.py).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from bma_etl.records import DOCUMENT_MODELS

from repo_paths import SAMPLES

BIN = Path(sys.executable).parent / "bma-etl"
TABLES = [m.table for m in DOCUMENT_MODELS]


def _folder(tmp_path: Path, copies: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    samples = sorted(SAMPLES.glob("*.txt"))
    for i in range(copies):
        sample = samples[i % len(samples)]
        text = sample.read_text(encoding="utf-8") + "\n" * (1 + i // len(samples))
        (folder / f"{i:04d}_{sample.name}").write_text(text, encoding="utf-8")
    return folder


def _counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def _orphans(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sum(con.execute(f"SELECT count(*) FROM {t} WHERE doc_id NOT IN "
                               "(SELECT doc_id FROM documents)").fetchone()[0]
                   for t in TABLES if t != "documents")
    finally:
        con.close()


def _children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _ingest(folder: Path, db: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "BMA_ETL_CACHE": "off"}
    return subprocess.Popen([str(BIN), "ingest", str(folder), "--db", str(db), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def test_kill_inside_the_write_window_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 800)  # two batches of 512
    clean = tmp_path / "clean.duckdb"
    assert _ingest(folder, clean, "--workers", "2").wait(timeout=300) == 0
    want = _counts(clean)
    rng = random.Random(7)
    for trial in range(2):
        db = tmp_path / f"killed{trial}.duckdb"
        proc = _ingest(folder, db, "--workers", "2")
        wal, seen, was, workers = Path(f"{db}.wal"), 0, False, set()
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            workers |= _children(proc.pid)
            now = wal.exists()
            if now and not was:
                seen += 1
                if seen >= rng.randint(2, 4) and workers:
                    time.sleep(rng.uniform(0, 0.3))
                    break
            was = now
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        time.sleep(1.0)
        assert workers, "the run started no worker"
        assert not [p for p in workers if _alive(p)], "a worker outlived the killed run"
        assert _orphans(db) == 0, "rows of the killed batch are visible without their document"
        assert _ingest(folder, db, "--workers", "2").wait(timeout=300) == 0
        assert _orphans(db) == 0
        assert _counts(db) == want, f"trial {trial}"
